import CVector

/// Eight shading points of one material, in structure-of-arrays form: the input and output of
/// ``BatchShader/shade(_:material:override:)``. Lane `i` of every field is shading point `i`;
/// the fields mean what the same-named fields of ``SurfaceAttributes`` mean.
///
/// Lanes `0..<count` are active. Inactive lanes are shaded too (it costs nothing extra in
/// `SIMD8` registers) and their outputs are to be ignored; whatever they hold, they never trap or
/// read out of bounds, but leaving them at the neutral defaults (``reset()``) avoids wasted
/// texture traffic.
///
/// ```swift
/// var batch = ShadingBatch()
/// for (i, point) in points.prefix(8).enumerated() { batch.set(lane: i, point.attributes, wo: point.wo) }
/// batch.count = min(points.count, 8)
/// shader.shade(&batch, material: material, override: nil)
/// let rgba = batch.output[lane: 0]  // linear RGB + base colour alpha
/// ```
public struct ShadingBatch: Sendable {
    /// Lanes in a batch.
    public static let width = 8

    /// Active lanes: `0..<count` (0...8).
    public var count: Int = 0
    /// World-space interpolated normals (see ``SurfaceAttributes/normal``).
    public var normal = Vector3x8(repeating: SIMD3(0, 0, 1))
    /// World-space tangents (xyz of ``SurfaceAttributes/tangent``; zero = none).
    public var tangent = Vector3x8.zero
    /// Bitangent signs (w of ``SurfaceAttributes/tangent``).
    public var tangentSign = SIMD8<Float>.zero
    /// `TEXCOORD_0`.
    public var uv0 = Vector2x8.zero
    /// Derivatives of `uv0` per pixel step in x.
    public var duv0dx = Vector2x8.zero
    /// Derivatives of `uv0` per pixel step in y.
    public var duv0dy = Vector2x8.zero
    /// `TEXCOORD_1`.
    public var uv1 = Vector2x8.zero
    /// Derivatives of `uv1` per pixel step in x.
    public var duv1dx = Vector2x8.zero
    /// Derivatives of `uv1` per pixel step in y.
    public var duv1dy = Vector2x8.zero
    /// Vertex colours (`COLOR_0`).
    public var color = Color4x8(repeating: SIMD4(1, 1, 1, 1))
    /// Front-facing lanes: -1 (all bits set) for a front face, 0 for a back face.
    public var frontFacing = SIMD8<Int32>(repeating: -1)
    /// Unit directions from the surface toward the viewer.
    public var wo = Vector3x8(repeating: SIMD3(0, 0, 1))
    /// The result of ``BatchShader/shade(_:material:override:)``: linear radiance toward the
    /// viewer (RGB, what ``SurfaceShader/shade(_:wo:)`` returns) and the base colour's alpha
    /// (for `MASK` / `BLEND`), per lane.
    public var output = Color4x8(.zero, .zero, .zero, .zero)

    /// A batch with no active lane and neutral values in every lane.
    public init() {}

    /// Puts every lane back to the neutral values and `count` to 0.
    public mutating func reset() { self = ShadingBatch() }

    /// Mask of the active lanes (-1 for lanes `0..<count`).
    public var activeMask: SIMD8<Int32> {
        v_lt8i(SIMD8(0, 1, 2, 3, 4, 5, 6, 7), SIMD8(repeating: Int32(clamping: count)))
    }

    /// Stores one shading point's attributes and view direction in lane `i` (does not change
    /// `count`). Convenient for gathering from scalar code; a rasterizer can also write the fields
    /// directly.
    /// - Parameters:
    ///   - i: lane, 0..<8.
    ///   - a: the attributes (the position is not used by shading).
    ///   - wo: unit direction from the surface toward the viewer.
    @inlinable
    public mutating func set(lane i: Int, _ a: SurfaceAttributes, wo: SIMD3<Float>) {
        normal[lane: i] = a.normal
        tangent[lane: i] = SIMD3(a.tangent.x, a.tangent.y, a.tangent.z)
        tangentSign[i] = a.tangent.w
        uv0[lane: i] = a.uv0
        duv0dx[lane: i] = a.duv0dx
        duv0dy[lane: i] = a.duv0dy
        uv1[lane: i] = a.uv1
        duv1dx[lane: i] = a.duv1dx
        duv1dy[lane: i] = a.duv1dy
        color[lane: i] = a.color
        frontFacing[i] = a.frontFacing ? -1 : 0
        self.wo[lane: i] = wo
    }
}
