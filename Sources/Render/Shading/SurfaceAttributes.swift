/// Interpolated vertex attributes at one shading point, in world space: what the rasterizer
/// hands to material evaluation (perspective-correct, at the pixel centre or the centroid of
/// the covered samples).
public struct SurfaceAttributes: Sendable {
    /// World-space position.
    public var position: SIMD3<Float> = .zero
    /// World-space interpolated normal (unit length, or the flat normal when the mesh has none),
    /// already flipped toward the viewer for the back face of a double-sided material.
    public var normal: SIMD3<Float> = SIMD3(0, 0, 1)
    /// World-space tangent (xyz) and bitangent sign (w); zero when the mesh has none and none
    /// could be generated.
    public var tangent: SIMD4<Float> = .zero
    /// `TEXCOORD_0`.
    public var uv0: SIMD2<Float> = .zero
    /// `TEXCOORD_1`.
    public var uv1: SIMD2<Float> = .zero
    /// Screen-space derivatives of `uv0` per pixel step in x and y (for mip selection).
    public var duv0dx: SIMD2<Float> = .zero
    /// See ``duv0dx``.
    public var duv0dy: SIMD2<Float> = .zero
    /// Screen-space derivatives of `uv1` per pixel step in x and y.
    public var duv1dx: SIMD2<Float> = .zero
    /// See ``duv1dx``.
    public var duv1dy: SIMD2<Float> = .zero
    /// Vertex colour (`COLOR_0`), (1, 1, 1, 1) when the mesh has none.
    public var color: SIMD4<Float> = SIMD4(1, 1, 1, 1)
    /// Whether the front face is visible.
    public var frontFacing: Bool = true

    /// Attributes with neutral defaults.
    public init() {}
}
