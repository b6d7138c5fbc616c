/// Eight RGBA colours in structure-of-arrays form.
public struct Color4x8: Sendable {
    /// Red.
    public var r: SIMD8<Float>
    /// Green.
    public var g: SIMD8<Float>
    /// Blue.
    public var b: SIMD8<Float>
    /// Alpha.
    public var a: SIMD8<Float>

    /// Creates colours from their channels.
    @inlinable @inline(__always)
    public init(_ r: SIMD8<Float>, _ g: SIMD8<Float>, _ b: SIMD8<Float>, _ a: SIMD8<Float>) {
        self.r = r
        self.g = g
        self.b = b
        self.a = a
    }

    /// Zero in every lane and channel.
    public static let zero = Color4x8(.zero, .zero, .zero, .zero)

    /// The same colour in every lane.
    @inlinable @inline(__always)
    public init(repeating c: SIMD4<Float>) {
        self.init(SIMD8(repeating: c.x), SIMD8(repeating: c.y), SIMD8(repeating: c.z), SIMD8(repeating: c.w))
    }

    /// Lane `i` as a `SIMD4`.
    @inlinable
    public subscript(lane i: Int) -> SIMD4<Float> {
        get { SIMD4(r[i], g[i], b[i], a[i]) }
        set {
            r[i] = newValue.x
            g[i] = newValue.y
            b[i] = newValue.z
            a[i] = newValue.w
        }
    }

    /// Red, green and blue.
    @inlinable @inline(__always)
    public var rgb: Vector3x8 { Vector3x8(r, g, b) }
}
