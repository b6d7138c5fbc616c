import Foundation

/// One texture binding of a prepared material, ready for the hot loop: the texture's view,
/// which UV set it reads and its `KHR_texture_transform` as a 2x2 matrix plus offset.
public struct TextureSlot: @unchecked Sendable {
    /// The texture, or `nil` when the material has none in this slot.
    public let view: TextureView?
    /// `TEXCOORD_0` or `TEXCOORD_1`.
    @usableFromInline let texCoord: Int
    /// Whether a transform applies.
    @usableFromInline let transformed: Bool
    /// Columns of the linear part (rotation x scale) and the offset.
    @usableFromInline let column0: SIMD2<Float>
    @usableFromInline let column1: SIMD2<Float>
    @usableFromInline let offset: SIMD2<Float>

    /// An empty slot.
    public static let empty = TextureSlot(view: nil, texCoord: 0, transform: nil)

    /// Creates a slot.
    /// - Parameters:
    ///   - view: the texture.
    ///   - texCoord: the UV set (anything but 1 reads `TEXCOORD_0`).
    ///   - transform: `KHR_texture_transform`: uv' = T(offset) R(rotation) S(scale) uv, where the
    ///     rotation is counter-clockwise in UV space (v down): u' = cos u + sin v,
    ///     v' = -sin u + cos v (the convention three.js and the glTF Sample Viewer use, which
    ///     makes the spec's example select the lower-left quadrant).
    public init(view: TextureView?, texCoord: Int, transform: TextureTransform?) {
        self.view = view
        self.texCoord = texCoord == 1 ? 1 : 0
        if let t = transform {
            let c = Float(cos(Double(t.rotation)))
            let s = Float(sin(Double(t.rotation)))
            column0 = SIMD2(c * t.scale.x, -s * t.scale.x)
            column1 = SIMD2(s * t.scale.y, c * t.scale.y)
            offset = t.offset
            transformed = true
        } else {
            column0 = SIMD2(1, 0)
            column1 = SIMD2(0, 1)
            offset = .zero
            transformed = false
        }
    }

    /// Applies the transform to a UV.
    @inlinable @inline(__always)
    public func transform(_ uv: SIMD2<Float>) -> SIMD2<Float> {
        transformed ? column0 * uv.x + column1 * uv.y + offset : uv
    }

    /// Applies the linear part of the transform to a UV derivative.
    @inlinable @inline(__always)
    public func transformDerivative(_ d: SIMD2<Float>) -> SIMD2<Float> {
        transformed ? column0 * d.x + column1 * d.y : d
    }

    /// Samples at a shading point (the slot's UV set and transform, derivatives transformed
    /// too); with an override, as the llvmpipe reference does. `nil` when the slot is empty.
    @inlinable @inline(__always)
    public func sample(_ a: SurfaceAttributes, override: TextureFilterOverride?) -> SIMD4<Float>? {
        guard let view else { return nil }
        let uv = transform(texCoord == 0 ? a.uv0 : a.uv1)
        if let override { return view.sampleReference(uv, filter: override) }
        let dx = transformDerivative(texCoord == 0 ? a.duv0dx : a.duv1dx)
        let dy = transformDerivative(texCoord == 0 ? a.duv0dy : a.duv1dy)
        return view.sample(uv, dx: dx, dy: dy)
    }
}
