/// Colour helpers: hex sRGB colours, mixing, and the sRGB transfer function for factors.
public enum Color {
    /// An opaque sRGB colour from `0xRRGGBB`, components in 0...1.
    public static func hex(_ rgb: UInt32, alpha: Float = 1) -> SIMD4<Float> {
        SIMD4(Float((rgb >> 16) & 0xFF) / 255, Float((rgb >> 8) & 0xFF) / 255, Float(rgb & 0xFF) / 255, alpha)
    }

    /// Linear interpolation between two colours.
    @inline(__always)
    public static func mix(_ a: SIMD4<Float>, _ b: SIMD4<Float>, _ t: Float) -> SIMD4<Float> { a + (b - a) * t }

    /// An sRGB-encoded colour's linear value (glTF factors are linear).
    public static func linear(_ srgb: SIMD4<Float>) -> SIMD4<Float> {
        SIMD4(linear(srgb.x), linear(srgb.y), linear(srgb.z), srgb.w)
    }

    /// The sRGB electro-optical transfer function for one component.
    public static func linear(_ c: Float) -> Float {
        let v = Double(c)
        return Float(v <= 0.04045 ? v / 12.92 : DMath.pow((v + 0.055) / 1.055, 2.4))
    }

    /// A colour's RGB scaled (shading), alpha kept.
    @inline(__always)
    public static func shade(_ c: SIMD4<Float>, _ f: Float) -> SIMD4<Float> { SIMD4(c.x * f, c.y * f, c.z * f, c.w) }

    /// Smooth step from 0 at `a` to 1 at `b`.
    @inline(__always)
    public static func smoothstep(_ a: Float, _ b: Float, _ x: Float) -> Float {
        let t = min(max((x - a) / (b - a), 0), 1)
        return t * t * (3 - 2 * t)
    }
}
