/// Small vector helpers used across the renderer. `@inlinable` so they inline into other
/// modules (cross-module optimisation alone does not inline them).

/// Dot product.
@inlinable @inline(__always)
public func dot(_ a: SIMD3<Float>, _ b: SIMD3<Float>) -> Float { (a * b).sum() }

/// Cross product.
@inlinable @inline(__always)
public func cross(_ a: SIMD3<Float>, _ b: SIMD3<Float>) -> SIMD3<Float> {
    SIMD3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
}

/// Euclidean length.
@inlinable @inline(__always)
public func length(_ a: SIMD3<Float>) -> Float { dot(a, a).squareRoot() }

/// `a` scaled to unit length; a zero vector stays zero.
@inlinable @inline(__always)
public func normalize(_ a: SIMD3<Float>) -> SIMD3<Float> {
    let l = length(a)
    return l > 0 ? a / l : a
}
