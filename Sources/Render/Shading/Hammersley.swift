import Foundation

/// Deterministic low-discrepancy samples and the GGX half-vector sampling used to precompute
/// the lookup table and the pre-filtered environment (Karis 2013, "Real Shading in Unreal
/// Engine 4").
public enum Hammersley {
    /// The `i`-th of `n` points of the Hammersley set in [0, 1)²: `(i / n, radicalInverse(i))`.
    @inlinable @inline(__always)
    public static func point(_ i: Int, of n: Int) -> SIMD2<Float> {
        var b = UInt32(truncatingIfNeeded: i)
        b = (b << 16) | (b >> 16)
        b = ((b & 0x5555_5555) << 1) | ((b & 0xAAAA_AAAA) >> 1)
        b = ((b & 0x3333_3333) << 2) | ((b & 0xCCCC_CCCC) >> 2)
        b = ((b & 0x0F0F_0F0F) << 4) | ((b & 0xF0F0_F0F0) >> 4)
        b = ((b & 0x00FF_00FF) << 8) | ((b & 0xFF00_FF00) >> 8)
        return SIMD2((Float(i) + 0.5) / Float(n), Float(b) * 2.328_306_4e-10)
    }

    /// A GGX-distributed half vector around +Z (pdf over half vectors: `D(h) * nDotH`).
    @inlinable @inline(__always)
    public static func ggxHalfVector(_ xi: SIMD2<Float>, alpha: Float) -> SIMD3<Float> {
        let phi = 2 * Float.pi * xi.y
        let cosTheta = ((1 - xi.x) / (1 + (alpha * alpha - 1) * xi.x)).squareRoot()
        let sinTheta = max(1 - cosTheta * cosTheta, 0).squareRoot()
        return SIMD3(sinTheta * Float(cos(Double(phi))), sinTheta * Float(sin(Double(phi))), cosTheta)
    }

    /// A cosine-distributed direction around +Z (pdf `cos / pi`).
    @inlinable @inline(__always)
    public static func cosineDirection(_ xi: SIMD2<Float>) -> SIMD3<Float> {
        let r = xi.x.squareRoot()
        let phi = 2 * Float.pi * xi.y
        return SIMD3(r * Float(cos(Double(phi))), r * Float(sin(Double(phi))), max(1 - xi.x, 0).squareRoot())
    }

    /// An orthonormal basis (t, b) around the unit vector `n` (Duff et al. 2017, branchless).
    @inlinable @inline(__always)
    public static func basis(_ n: SIMD3<Float>) -> (SIMD3<Float>, SIMD3<Float>) {
        let sign: Float = n.z >= 0 ? 1 : -1
        let a = -1 / (sign + n.z)
        let b = n.x * n.y * a
        return (SIMD3(1 + sign * n.x * n.x * a, sign * b, -sign * n.x), SIMD3(b, sign + n.y * n.y * a, -n.y))
    }
}
