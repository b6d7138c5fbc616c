import Foundation

/// A 2D thin-plate spline `f(p) = a + A p + sum_i w_i U(|p - c_i|)`, `U(r) = r^2 log r^2`,
/// fitted in Float64 so that `f(c_i) ~ v_i` (Bookstein 1989, "Principal warps").
///
/// With regularisation `lambda > 0` the spline trades exactness for smoothness: it solves
/// `(K + lambda I) w + P a = v`, `P^T w = 0` (Wahba 1990). Control points are centred and scaled
/// to unit RMS radius before the solve, so `lambda` does not depend on the item's pixel size.
/// Far from the control points `f` blends toward its affine part (see `falloff`), so a far
/// sleeve or hem cannot swing away.
struct ThinPlateSpline: Sendable {
    /// Control points in normalised coordinates.
    private let centers: [SIMD2<Double>]
    /// Non-affine weights, one per control point.
    private let weights: [SIMD2<Double>]
    /// Affine part in normalised input coordinates: `a0 + ax * x + ay * y`.
    private let a0: SIMD2<Double>
    private let ax: SIMD2<Double>
    private let ay: SIMD2<Double>
    /// Input normalisation: `(p - origin) * scale`.
    private let origin: SIMD2<Double>
    private let scale: Double
    /// Blend toward the affine part: full spline within `falloff.inner` (normalised distance
    /// to the nearest control point), pure affine beyond `falloff.outer`, smoothstep between.
    let falloff: (inner: Double, outer: Double)

    /// Fits the spline. Returns `nil` when the system is singular (fewer than 3 control points,
    /// or all of them on one line).
    /// - Parameters:
    ///   - source: control points (e.g. item anchors).
    ///   - target: where each control point must go (e.g. body keypoints).
    ///   - lambda: regularisation, >= 0 (0 = interpolate exactly).
    ///   - falloff: normalised distances of the blend toward the affine part (the RMS radius of
    ///     the control points is 1).
    init?(
        source: [SIMD2<Double>], target: [SIMD2<Double>], lambda: Double = 0,
        falloff: (inner: Double, outer: Double) = (1.0, 2.0)
    ) {
        precondition(source.count == target.count, "one target per control point")
        let n = source.count
        guard n >= 3 else { return nil }
        let mean = source.reduce(SIMD2<Double>.zero, +) / Double(n)
        let rms = (source.map { (($0 - mean) * ($0 - mean)).sum() }.reduce(0, +) / Double(n)).squareRoot()
        guard rms > 1e-9 else { return nil }
        let c = source.map { ($0 - mean) / rms }

        // The (n + 3) x (n + 3) system [[K + lambda I, P], [P^T, 0]] with two right-hand sides.
        let m = n + 3
        var a = [Double](repeating: 0, count: m * m)
        var b = [SIMD2<Double>](repeating: .zero, count: m)
        for i in 0..<n {
            for j in 0..<n { a[i * m + j] = i == j ? lambda : Self.kernel(c[i] - c[j]) }
            a[i * m + n] = 1
            a[i * m + n + 1] = c[i].x
            a[i * m + n + 2] = c[i].y
            a[n * m + i] = 1
            a[(n + 1) * m + i] = c[i].x
            a[(n + 2) * m + i] = c[i].y
            b[i] = target[i]
        }
        guard let x = Self.solve(&a, &b, size: m) else { return nil }
        centers = c
        weights = Array(x[0..<n])
        a0 = x[n]
        ax = x[n + 1]
        ay = x[n + 2]
        origin = mean
        scale = 1 / rms
        self.falloff = falloff
    }

    /// `f(p)`.
    func callAsFunction(_ p: SIMD2<Double>) -> SIMD2<Double> {
        let q = (p - origin) * scale
        let affine = a0 + ax * q.x + ay * q.y
        var bend = SIMD2<Double>.zero
        var nearest = Double.infinity
        for i in 0..<centers.count {
            let d = q - centers[i]
            let r2 = (d * d).sum()
            nearest = min(nearest, r2)
            bend += weights[i] * Self.kernel(r2: r2)
        }
        let t = (nearest.squareRoot() - falloff.inner) / (falloff.outer - falloff.inner)
        guard t > 0 else { return affine + bend }
        let s = min(t, 1)
        let keep = 1 - s * s * (3 - 2 * s)
        return affine + bend * keep
    }

    /// The affine part of `f` alone.
    func affine(_ p: SIMD2<Double>) -> SIMD2<Double> {
        let q = (p - origin) * scale
        return a0 + ax * q.x + ay * q.y
    }

    /// `U` for a difference vector.
    @inline(__always)
    private static func kernel(_ d: SIMD2<Double>) -> Double { kernel(r2: (d * d).sum()) }

    /// `U(r) = r^2 log r^2`, 0 at r = 0.
    @inline(__always)
    private static func kernel(r2: Double) -> Double { r2 > 0 ? r2 * log(r2) : 0 }

    /// Gaussian elimination with partial pivoting on a dense `size x size` system; `nil` when
    /// a pivot is (relatively) zero.
    private static func solve(_ a: inout [Double], _ b: inout [SIMD2<Double>], size m: Int) -> [SIMD2<Double>]? {
        let largest = a.map(abs).max() ?? 0
        guard largest > 0 else { return nil }
        for col in 0..<m {
            var pivot = col
            for row in (col + 1)..<m where abs(a[row * m + col]) > abs(a[pivot * m + col]) { pivot = row }
            guard abs(a[pivot * m + col]) > 1e-12 * largest else { return nil }
            if pivot != col {
                for k in 0..<m { a.swapAt(col * m + k, pivot * m + k) }
                b.swapAt(col, pivot)
            }
            let inv = 1 / a[col * m + col]
            for row in (col + 1)..<m {
                let f = a[row * m + col] * inv
                guard f != 0 else { continue }
                for k in col..<m { a[row * m + k] -= f * a[col * m + k] }
                b[row] -= f * b[col]
            }
        }
        var x = [SIMD2<Double>](repeating: .zero, count: m)
        for row in stride(from: m - 1, through: 0, by: -1) {
            var s = b[row]
            for k in (row + 1)..<m { s -= a[row * m + k] * x[k] }
            x[row] = s / a[row * m + row]
        }
        return x
    }
}
