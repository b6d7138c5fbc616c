/// Eight 2-vectors (texture coordinates and their derivatives) in structure-of-arrays form.
public struct Vector2x8: Sendable {
    /// First components (u).
    public var x: SIMD8<Float>
    /// Second components (v).
    public var y: SIMD8<Float>

    /// Creates vectors from their components.
    @inlinable @inline(__always)
    public init(_ x: SIMD8<Float>, _ y: SIMD8<Float>) {
        self.x = x
        self.y = y
    }

    /// Zero in every lane.
    public static let zero = Vector2x8(.zero, .zero)

    /// Lane `i` as a `SIMD2`.
    @inlinable
    public subscript(lane i: Int) -> SIMD2<Float> {
        get { SIMD2(x[i], y[i]) }
        set {
            x[i] = newValue.x
            y[i] = newValue.y
        }
    }
}
