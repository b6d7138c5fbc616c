import Foundation
import Testing

@testable import Render

@Suite struct SurfaceShaderTests {
    /// A uniform environment of radiance `value`.
    static func uniform(_ value: Float = 1) -> Environment {
        Environment(
            equirect: RGBFloatImage(
                width: 64, height: 32, pixels: .init(repeating: SIMD3(repeating: value), count: 2048)))
    }

    static let furnace = uniform()

    static func directions(_ count: Int) -> [SIMD3<Float>] {
        // Fibonacci sphere: deterministic, evenly spread.
        (0..<count).map { i in
            let z = 1 - (2 * Float(i) + 1) / Float(count)
            let r = (1 - z * z).squareRoot()
            let phi = Float(i) * 2.399_963
            return SIMD3(r * cos(phi), r * sin(phi), z)
        }
    }

    @Test func whiteFurnaceLambertianComesOutAtTheEnvironment() {
        let shader = SurfaceShader(environment: Self.furnace)
        for n in Self.directions(200) {
            for roughness: Float in [0, 0.3, 1] {
                var s = SurfaceInputs()
                s.metallic = 0
                s.roughness = roughness
                s.normal = n
                s.geometricNormal = n
                // Seen from 45 degrees off the normal.
                let (t, _) = Hammersley.basis(n)
                let wo = normalize(n + t)
                let c = shader.shade(s, wo: wo)
                #expect(
                    abs(c.x - 1) < 0.01 && abs(c.y - 1) < 0.01 && abs(c.z - 1) < 0.01, "n \(n) r \(roughness): \(c)")
            }
        }
    }

    @Test func whiteFurnaceSphereThroughEvaluateAndShade() {
        // A unit sphere seen from +Z: every visible normal, full material path.
        let shader = SurfaceShader(environment: Self.furnace)
        var material = Material()
        material.metallicFactor = 0
        material.roughnessFactor = 1
        let prepared = PreparedMaterial(material: material) { _, _ in nil }
        var worst: Float = 0
        for y in stride(from: Float(-0.99), through: 0.99, by: 0.03) {
            for x in stride(from: Float(-0.99), through: 0.99, by: 0.03) where x * x + y * y < 0.99 {
                var a = SurfaceAttributes()
                a.normal = SIMD3(x, y, (1 - x * x - y * y).squareRoot())
                let inputs = MaterialEvaluator.evaluate(a, material: prepared, override: nil)
                let c = shader.shade(inputs, wo: SIMD3(0, 0, 1))
                worst = max(worst, abs(c.x - 1), abs(c.y - 1), abs(c.z - 1))
            }
        }
        #expect(worst < 0.01)
    }

    @Test func whiteMetalAlsoKeepsTheFurnace() {
        let shader = SurfaceShader(environment: Self.furnace)
        for roughness: Float in [0.05, 0.5, 1] {
            var s = SurfaceInputs()
            s.metallic = 1
            s.roughness = roughness
            let c = shader.shade(s, wo: normalize(SIMD3(0.5, 0, 1)))
            #expect(abs(c.x - 1) < 0.02, "roughness \(roughness): \(c.x)")
        }
    }

    /// Directional albedo of `s` seen from `wo` (normal +Z), by one-sample mixture importance
    /// sampling (GGX half vectors, the clearcoat's GGX and cosine directions), deterministic.
    static func albedo(_ shader: SurfaceShader, _ s: SurfaceInputs, wo: SIMD3<Float>, samples: Int = 4096) -> SIMD3<
        Float
    > {
        let alpha = max(s.roughness, 0.03) * max(s.roughness, 0.03)
        let ca = max(s.clearcoatRoughness, 0.03) * max(s.clearcoatRoughness, 0.03)
        var sum = SIMD3<Double>.zero
        for i in 0..<samples {
            // Each Hammersley point is used once by each of the three strategies.
            let strategy = i % 3
            let xi = Hammersley.point(i / 3, of: (samples + 2) / 3)
            let wi: SIMD3<Float>
            if strategy == 0 {
                wi = Hammersley.cosineDirection(xi)
            } else {
                let h = Hammersley.ggxHalfVector(xi, alpha: strategy == 1 ? alpha : ca)
                wi = 2 * dot(wo, h) * h - wo
            }
            guard wi.z > 0 else { continue }
            let pdf = mixturePdf(wi: wi, wo: wo, alphas: [alpha, ca])
            let f = shader.reflectance(s, wo: wo, wi: wi)
            sum += SIMD3<Double>(f) / Double(pdf)
        }
        return SIMD3<Float>(sum / Double(samples))
    }

    static func mixturePdf(wi: SIMD3<Float>, wo: SIMD3<Float>, alphas: [Float]) -> Float {
        let h = normalize(wi + wo)
        var p = wi.z / Float.pi
        for a in alphas {
            p += BRDF.distributionGGX(nDotH: h.z, alpha: a) * h.z / (4 * max(dot(wo, h), 1e-6))
        }
        return p / 3
    }

    @Test func brdfNeverCreatesEnergy() {
        let shader = SurfaceShader(environment: Self.furnace)
        var worst: Float = 0
        for roughness: Float in [0.05, 0.25, 0.5, 0.75, 1] {
            for metallic: Float in [0, 0.5, 1] {
                for layers in 0..<3 {
                    var s = SurfaceInputs()
                    s.roughness = roughness
                    s.metallic = metallic
                    if layers == 1 {
                        s.sheenColor = SIMD3(repeating: 1)
                        s.sheenRoughness = roughness
                    }
                    if layers == 2 {
                        s.clearcoat = 1
                        s.clearcoatRoughness = 1 - roughness
                    }
                    for cosV: Float in [0.05, 0.3, 0.6, 0.9, 1] {
                        let wo = SIMD3((1 - cosV * cosV).squareRoot(), 0, cosV)
                        let e = Self.albedo(shader, s, wo: wo)
                        worst = max(worst, e.max())
                        #expect(e.max() <= 1.02, "r \(roughness) m \(metallic) layers \(layers) cos \(cosV): \(e)")
                    }
                }
            }
        }
        #expect(worst > 0.8)  // the integrator sees real energy
    }

    @Test func unlitReturnsBaseColourAndEmissiveAdds() {
        let shader = SurfaceShader(environment: Self.furnace)
        var s = SurfaceInputs()
        s.baseColor = SIMD4(0.2, 0.4, 0.6, 1)
        s.unlit = true
        #expect(shader.shade(s, wo: SIMD3(0, 0, 1)) == SIMD3(0.2, 0.4, 0.6))
        s.unlit = false
        s.baseColor = SIMD4(0, 0, 0, 1)
        s.metallic = 1
        let dark = shader.shade(s, wo: SIMD3(0, 0, 1))
        s.emissive = SIMD3(1, 2, 3)
        let lit = shader.shade(s, wo: SIMD3(0, 0, 1))
        #expect(abs((lit - dark) - SIMD3(1, 2, 3)).max() < 1e-5)
    }

    @Test func keyLightAddsLambertForAWhiteDiffuseSurface() {
        let black = Self.uniform(0)
        let shader = SurfaceShader(
            environment: black, keyLight: KeyLight(direction: SIMD3(0, 0, -1), color: SIMD3(repeating: 1)))
        var s = SurfaceInputs()
        s.metallic = 0
        s.roughness = 1
        s.baseColor = SIMD4(0.5, 0.5, 0.5, 1)
        let c = shader.shade(s, wo: normalize(SIMD3(1, 0, 1)))
        // Lambert: albedo / pi x cos 0 (less the little energy the specular lobe takes).
        #expect(c.x > 0.5 / Float.pi * 0.9 && c.x < 0.5 / Float.pi * 1.2)
    }

    @Test func occlusionDarkensOnlyTheEnvironment() {
        let shader = SurfaceShader(environment: Self.furnace)
        var s = SurfaceInputs()
        s.metallic = 0
        s.occlusion = 0.25
        s.emissive = SIMD3(repeating: 0.5)
        let c = shader.shade(s, wo: SIMD3(0, 0, 1))
        #expect(abs(c.x - 0.75) < 0.01)
    }
}
