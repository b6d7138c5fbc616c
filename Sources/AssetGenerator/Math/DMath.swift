/// Deterministic elementary functions for the generator.
///
/// The committed assets must be reproduced byte for byte by `vitrine make-assets` on any
/// machine, so geometry and textures never call the platform's `libm` (whose last bit may
/// differ between glibc versions, or between Linux and macOS). These use only IEEE-754
/// additions, multiplications, divisions and square roots, which are exact everywhere, and
/// never a fused multiply-add.
public enum DMath {
    /// π in double precision.
    public static let pi = 3.141_592_653_589_793

    /// Sine, with range reduction to [-π/4, π/4] and Taylor polynomials (error < 1e-15).
    public static func sin(_ x: Double) -> Double {
        guard x.isFinite else { return .nan }
        let (r, quadrant) = reduce(x)
        switch quadrant {
        case 0: return sinKernel(r)
        case 1: return cosKernel(r)
        case 2: return -sinKernel(r)
        default: return -cosKernel(r)
        }
    }

    /// Cosine (see ``sin(_:)``).
    public static func cos(_ x: Double) -> Double {
        guard x.isFinite else { return .nan }
        let (r, quadrant) = reduce(x)
        switch quadrant {
        case 0: return cosKernel(r)
        case 1: return -sinKernel(r)
        case 2: return -cosKernel(r)
        default: return sinKernel(r)
        }
    }

    /// Sine of a `Float` angle, computed in double precision.
    public static func sin(_ x: Float) -> Float { Float(sin(Double(x))) }

    /// Cosine of a `Float` angle, computed in double precision.
    public static func cos(_ x: Float) -> Float { Float(cos(Double(x))) }

    /// Arc tangent of `y / x` in (-π, π], by argument halving and a series.
    public static func atan2(_ y: Double, _ x: Double) -> Double {
        if x == 0 && y == 0 { return 0 }
        if abs(x) >= abs(y) {
            let a = atan(y / x)
            if x > 0 { return a }
            return y >= 0 ? a + pi : a - pi
        }
        let a = atan(x / y)
        return y > 0 ? pi / 2 - a : -pi / 2 - a
    }

    /// Arc tangent for |x| <= 1: two argument halvings, then the Taylor series.
    static func atan(_ x: Double) -> Double {
        // atan(x) = 2 atan(x / (1 + sqrt(1 + x²))), applied twice brings |x| under 0.2.
        var t = x
        for _ in 0..<2 { t = t / (1 + (1 + t * t).squareRoot()) }
        let t2 = t * t
        var term = t
        var sum = t
        var k = 1.0
        for _ in 0..<12 {
            term = -term * t2
            k += 2
            sum += term / k
        }
        return sum * 4
    }

    /// `x` raised to a power: exact for integers and halves, otherwise exp(y·ln x) by series.
    public static func pow(_ x: Double, _ y: Double) -> Double {
        if y == 1 { return x }
        if y == 0.5 { return x.squareRoot() }
        if y == 2 { return x * x }
        guard x > 0 else { return 0 }
        return exp(y * log(x))
    }

    /// Natural logarithm by reduction to [1, 2) and the atanh series.
    public static func log(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return -.infinity }
        let e = Double(x.exponent)
        let m = x.significand  // [1, 2)
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        var term = s
        var sum = s
        var k = 1.0
        for _ in 0..<20 {
            term *= s2
            k += 2
            sum += term / k
        }
        return 2 * sum + e * 0.693_147_180_559_945_3
    }

    /// Exponential by halving and the Taylor series.
    public static func exp(_ x: Double) -> Double {
        guard x.isFinite else { return x > 0 ? .infinity : 0 }
        if x < -700 { return 0 }
        var halvings = 0
        var r = x
        while abs(r) > 0.5 {
            r /= 2
            halvings += 1
        }
        var term = 1.0
        var sum = 1.0
        for k in 1..<18 {
            term = term * r / Double(k)
            sum += term
        }
        for _ in 0..<halvings { sum *= sum }
        return sum
    }

    // MARK: - Kernels

    /// Reduces `x` to `r` in [-π/4, π/4] and the quadrant `k mod 4` with x = r + k·π/2.
    private static func reduce(_ x: Double) -> (Double, Int) {
        let halfPi = pi / 2
        let k = (x / halfPi).rounded()
        // Two-part π/2 (Cody-Waite) keeps the reduction accurate for the small angles used here.
        let r = (x - k * 1.570_796_326_794_896_558) - k * 6.123_233_995_736_766e-17
        let q = Int(k) & 3
        return (r, q)
    }

    private static func sinKernel(_ r: Double) -> Double {
        let r2 = r * r
        var term = r
        var sum = r
        var k = 1.0
        for _ in 0..<9 {
            term = -term * r2 / ((k + 1) * (k + 2))
            k += 2
            sum += term
        }
        return sum
    }

    private static func cosKernel(_ r: Double) -> Double {
        let r2 = r * r
        var term = 1.0
        var sum = 1.0
        var k = 0.0
        for _ in 0..<9 {
            term = -term * r2 / ((k + 1) * (k + 2))
            k += 2
            sum += term
        }
        return sum
    }
}
