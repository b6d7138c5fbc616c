import Foundation
import Testing

@testable import Render

@Suite struct BRDFLookupTableTests {
    let lut = BRDFLookupTable.shared

    @Test func smoothMirrorSeenHeadOnIsOneAndZero() {
        let v = lut.lookup(nDotV: 1, roughness: 0)
        #expect(abs(v.x - 1) < 1e-3 && abs(v.y) < 1e-3)
    }

    @Test func albedoStaysWithinOneAndFallsWithRoughness() {
        for r in stride(from: Float(0), through: 1, by: 0.1) {
            for c in stride(from: Float(0.05), through: 1, by: 0.1) {
                let v = lut.lookup(nDotV: c, roughness: r)
                #expect(v.x >= 0 && v.y >= 0 && v.x + v.y <= 1.001)
                #expect(v.z >= 0 && v.z <= 1.001, "sheen albedo \(v.z) at r \(r) cos \(c)")
            }
            // Rougher surfaces lose more energy to single scattering (seen head-on).
            let rougher = lut.lookup(nDotV: 1, roughness: min(r + 0.1, 1))
            let here = lut.lookup(nDotV: 1, roughness: r)
            #expect(rougher.x + rougher.y <= here.x + here.y + 1e-3)
        }
    }

    /// The split sum by uniform sampling of the light direction (an independent estimator).
    static func uniformSplitSum(nDotV: Float, roughness: Float) -> SIMD2<Float> {
        let alpha = roughness * roughness
        let v = SIMD3<Float>((1 - nDotV * nDotV).squareRoot(), 0, nDotV)
        let n = 256
        var sum = SIMD2<Double>.zero
        for j in 0..<n {
            for i in 0..<(4 * n) {
                let cosT = (Float(j) + 0.5) / Float(n)
                let sinT = (1 - cosT * cosT).squareRoot()
                let phi = (Float(i) + 0.5) / Float(4 * n) * 2 * Float.pi
                let l = SIMD3(sinT * cos(phi), sinT * sin(phi), cosT)
                let h = normalize(l + v)
                let f =
                    BRDF.distributionGGX(nDotH: h.z, alpha: alpha)
                    * BRDF.visibilitySmithGGXCorrelated(nDotV: nDotV, nDotL: cosT, alpha: alpha) * cosT
                let fc = BRDF.schlickWeight(dot(v, h))
                sum += SIMD2(Double((1 - fc) * f), Double(fc * f))
            }
        }
        // d omega = d cos d phi.
        let dOmega = (1.0 / Double(n)) * (2 * Double.pi / Double(4 * n))
        return SIMD2<Float>(sum * dOmega)
    }

    @Test(arguments: [(Float(1), Float(0.5)), (0.5, 0.5), (0.5, 1), (0.2, 0.8), (0.9, 0.3)])
    func matchesAnIndependentIntegration(nDotV: Float, roughness: Float) {
        let expected = Self.uniformSplitSum(nDotV: nDotV, roughness: roughness)
        let got = lut.lookup(nDotV: nDotV, roughness: roughness)
        #expect(abs(got.x - expected.x) < 0.01 && abs(got.y - expected.y) < 0.01, "\(got) vs \(expected)")
    }

    @Test func isDeterministic() {
        let a = BRDFLookupTable.integrateSplitSum(nDotV: 0.37, roughness: 0.61, samples: 512)
        let b = BRDFLookupTable.integrateSplitSum(nDotV: 0.37, roughness: 0.61, samples: 512)
        #expect(a == b)
    }
}
