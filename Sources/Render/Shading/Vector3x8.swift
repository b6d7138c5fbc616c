import CVector

/// Eight 3-vectors in structure-of-arrays form (one `SIMD8<Float>` per component), the
/// currency of the batched shading path: lane `i` of `x`, `y`, `z` is vector `i`.
///
/// Every operation does, lane by lane, the same IEEE operations in the same order as the scalar
/// `SIMD3<Float>` code it mirrors (`dot` is `(x x' + y y') + z z'`, like `(a * b).sum()`), so the
/// batched path reproduces the scalar reference bit for bit.
public struct Vector3x8: Sendable {
    /// First components.
    public var x: SIMD8<Float>
    /// Second components.
    public var y: SIMD8<Float>
    /// Third components.
    public var z: SIMD8<Float>

    /// Creates vectors from their components.
    @inlinable @inline(__always)
    public init(_ x: SIMD8<Float>, _ y: SIMD8<Float>, _ z: SIMD8<Float>) {
        self.x = x
        self.y = y
        self.z = z
    }

    /// The same vector in every lane.
    @inlinable @inline(__always)
    public init(repeating v: SIMD3<Float>) {
        x = SIMD8(repeating: v.x)
        y = SIMD8(repeating: v.y)
        z = SIMD8(repeating: v.z)
    }

    /// Zero in every lane.
    public static let zero = Vector3x8(.zero, .zero, .zero)

    /// Lane `i` as a `SIMD3`.
    @inlinable
    public subscript(lane i: Int) -> SIMD3<Float> {
        get { SIMD3(x[i], y[i], z[i]) }
        set {
            x[i] = newValue.x
            y[i] = newValue.y
            z[i] = newValue.z
        }
    }

    @inlinable @inline(__always)
    static func + (a: Vector3x8, b: Vector3x8) -> Vector3x8 { Vector3x8(a.x + b.x, a.y + b.y, a.z + b.z) }

    @inlinable @inline(__always)
    static func - (a: Vector3x8, b: Vector3x8) -> Vector3x8 { Vector3x8(a.x - b.x, a.y - b.y, a.z - b.z) }

    @inlinable @inline(__always)
    static func * (a: Vector3x8, b: Vector3x8) -> Vector3x8 { Vector3x8(a.x * b.x, a.y * b.y, a.z * b.z) }

    @inlinable @inline(__always)
    static func * (a: Vector3x8, s: SIMD8<Float>) -> Vector3x8 { Vector3x8(a.x * s, a.y * s, a.z * s) }

    @inlinable @inline(__always)
    static prefix func - (a: Vector3x8) -> Vector3x8 { Vector3x8(-a.x, -a.y, -a.z) }

    /// Lanes where `mask` is non-zero take `a`, the others `b`.
    @inlinable @inline(__always)
    static func select(_ mask: SIMD8<Int32>, _ a: Vector3x8, _ b: Vector3x8) -> Vector3x8 {
        Vector3x8(v_select8(mask, a.x, b.x), v_select8(mask, a.y, b.y), v_select8(mask, a.z, b.z))
    }
}

/// Lane-wise dot product, `(a.x b.x + a.y b.y) + a.z b.z` (the order of `(a * b).sum()`).
@inlinable @inline(__always)
func dot(_ a: Vector3x8, _ b: Vector3x8) -> SIMD8<Float> { a.x * b.x + a.y * b.y + a.z * b.z }

/// Lane-wise cross product.
@inlinable @inline(__always)
func cross(_ a: Vector3x8, _ b: Vector3x8) -> Vector3x8 {
    Vector3x8(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
}

/// Lane-wise `normalize` (a zero vector stays zero), as the scalar ``normalize(_:)``.
@inlinable @inline(__always)
func normalize(_ a: Vector3x8) -> Vector3x8 {
    let l = v_sqrt8(dot(a, a))
    let n = Vector3x8(a.x / l, a.y / l, a.z / l)
    return Vector3x8.select(v_gt8(l, .zero), n, a)
}
