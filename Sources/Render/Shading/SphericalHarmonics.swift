/// Diffuse irradiance as 9 spherical-harmonic coefficients (bands 0-2), after Ramamoorthi &
/// Hanrahan 2001, "An Efficient Representation for Irradiance Environment Maps".
///
/// The coefficients are stored already convolved with the clamped cosine and divided by pi,
/// so ``evaluate(_:)`` returns `E(n) / pi`: the radiance a white Lambertian surface reflects
/// (1 in a uniform environment of radiance 1).
public struct SphericalHarmonics: Sendable, Equatable {
    /// `A_l L_lm / pi`, in the order (0,0), (1,-1), (1,0), (1,1), (2,-2), (2,-1), (2,0), (2,1), (2,2).
    public var coefficients: [SIMD3<Float>]

    /// Wraps coefficients.
    public init(coefficients: [SIMD3<Float>]) {
        precondition(coefficients.count == 9, "9 coefficients")
        self.coefficients = coefficients
    }

    /// The nine real SH basis functions at unit direction `d`.
    @inlinable @inline(__always)
    public static func basis(_ d: SIMD3<Float>) -> (Float, Float, Float, Float, Float, Float, Float, Float, Float) {
        (
            0.282_095, 0.488_603 * d.y, 0.488_603 * d.z, 0.488_603 * d.x,
            1.092_548 * d.x * d.y, 1.092_548 * d.y * d.z, 0.315_392 * (3 * d.z * d.z - 1),
            1.092_548 * d.x * d.z, 0.546_274 * (d.x * d.x - d.y * d.y)
        )
    }

    /// Cosine-lobe convolution factors per band (A_l / pi): 1, 2/3, 1/4.
    public static let bandFactors: [Float] = [1, 2.0 / 3.0, 0.25]

    /// Projects the interior texels of level 0 of `chain` (solid-angle weighted) and convolves
    /// with the clamped cosine.
    static func project(_ chain: CubeMapChain) -> SphericalHarmonics {
        let lv = chain.levels[0]
        let size = lv.size
        let stride = size + 2
        var sums = [SIMD3<Double>](repeating: .zero, count: 9)
        var totalWeight = 0.0
        for face in 0..<6 {
            for j in 1...size {
                for i in 1...size {
                    let st = SIMD2((Float(i) - 0.5) / Float(size), (Float(j) - 0.5) / Float(size))
                    let raw = CubeMapChain.direction(face: face, st: st)
                    let d = normalize(raw)
                    // Texel solid angle: (2/size)^2 / |raw|^3 (raw has unit major axis).
                    let len2 = Double(dot(raw, raw))
                    let w = 4 / (Double(size * size) * len2 * len2.squareRoot())
                    let t = chain.texels[lv.offset + face * stride * stride + j * stride + i]
                    let c = SIMD3<Double>(Double(t.x), Double(t.y), Double(t.z)) * w
                    let y = basis(d)
                    let ys = [y.0, y.1, y.2, y.3, y.4, y.5, y.6, y.7, y.8]
                    for k in 0..<9 { sums[k] += c * Double(ys[k]) }
                    totalWeight += w
                }
            }
        }
        // Texel solid angles sum to 4 pi up to discretisation; renormalise so a uniform
        // environment projects exactly.
        let norm = 4 * Double.pi / totalWeight
        let bands = [0, 1, 1, 1, 2, 2, 2, 2, 2]
        return SphericalHarmonics(
            coefficients: (0..<9).map { k in SIMD3<Float>(sums[k] * norm) * bandFactors[bands[k]] })
    }

    /// `E(n) / pi` for unit normal `n`, clamped at 0 (the order-2 fit can ring below zero
    /// opposite a strong light).
    @inlinable @inline(__always)
    public func evaluate(_ n: SIMD3<Float>) -> SIMD3<Float> {
        let y = Self.basis(n)
        return coefficients.withUnsafeBufferPointer { c in
            var e = c[0] * y.0 + c[1] * y.1 + c[2] * y.2
            e += c[3] * y.3 + c[4] * y.4 + c[5] * y.5
            e += c[6] * y.6 + c[7] * y.7 + c[8] * y.8
            return e.replacing(with: 0, where: e .< 0)
        }
    }
}
