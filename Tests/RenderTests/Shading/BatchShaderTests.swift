import Foundation
import Testing

@testable import Render

@Suite struct BatchShaderTests {
    /// The studio turned and scaled, so rotation and intensity are exercised too.
    static let studio = Environment.studio().transformed(rotationDegrees: 37, intensity: 1.3)
    static let keyLight = KeyLight(direction: SIMD3(-0.3, -1, -0.5), color: SIMD3(2, 1.8, 1.5))

    /// Random material inputs, some lanes without sheen or clearcoat, some at roughness 0.
    static func inputs(_ rng: inout SplitMix) -> SurfaceInputs {
        var s = SurfaceInputs()
        s.baseColor = SIMD4(rng.float(0...1), rng.float(0...1), rng.float(0...1), rng.float(0...1))
        s.metallic = Bool.random(using: &rng) ? rng.float(0...1) : 0
        s.roughness = Int.random(in: 0..<6, using: &rng) == 0 ? 0 : rng.float(0...1)
        s.occlusion = rng.float(0...1)
        s.emissive = SIMD3(rng.float(0...2), rng.float(0...2), rng.float(0...2))
        s.normal = rng.direction()
        s.geometricNormal = s.normal
        if Bool.random(using: &rng) {
            s.sheenColor = SIMD3(rng.float(0...1), rng.float(0...1), rng.float(0...1))
            s.sheenRoughness = rng.float(0...1)
        }
        if Bool.random(using: &rng) {
            s.clearcoat = rng.float(0...1)
            s.clearcoatRoughness = rng.float(0...1)
            s.clearcoatNormal = normalize(s.normal + rng.direction() * 0.3)
        }
        return s
    }

    @Test(arguments: [false, true])
    func shadeIsBitIdenticalToTheScalarPath(keyLight: Bool) {
        let shader = SurfaceShader(environment: Self.studio, keyLight: keyLight ? Self.keyLight : nil)
        let batched = BatchShader(shader)
        var rng = SplitMix(seed: keyLight ? 31 : 32)
        for _ in 0..<64 {
            var s = SurfaceInputsBatch()
            var wo = Vector3x8.zero
            var lanes: [(SurfaceInputs, SIMD3<Float>)] = []
            for i in 0..<8 {
                let input = Self.inputs(&rng)
                // Mostly in front of the surface, sometimes grazing or behind it.
                let v = normalize(input.normal * rng.float(-0.2...1.5) + rng.direction())
                s[lane: i] = input
                wo[lane: i] = v
                lanes.append((input, v))
            }
            let c = batched.shade(s, wo: wo)
            for (i, (input, v)) in lanes.enumerated() {
                let expected = shader.shade(input, wo: v)
                #expect(sameBits(c[lane: i], expected), "lane \(i) \(input): batched \(c[lane: i]) scalar \(expected)")
            }
        }
    }

    @Test(arguments: [false, true])
    func fullPathThroughTexturesIsBitIdentical(keyLight: Bool) {
        var rng = SplitMix(seed: 41)
        let (material, textures) = MaterialEvaluatorBatchTests.fullMaterial(&rng)
        let shader = SurfaceShader(environment: Self.studio, keyLight: keyLight ? Self.keyLight : nil)
        let batched = BatchShader(shader)
        withExtendedLifetime(textures) {
            for _ in 0..<32 {
                var batch = ShadingBatch()
                var points: [(SurfaceAttributes, SIMD3<Float>)] = []
                for i in 0..<8 {
                    let a = rng.attributes()
                    let wo = normalize(a.normal + rng.direction() * 0.8)
                    batch.set(lane: i, a, wo: wo)
                    points.append((a, wo))
                }
                batch.count = 8
                batched.shade(&batch, material: material, override: nil)
                for (i, (a, wo)) in points.enumerated() {
                    let s = MaterialEvaluator.evaluate(a, material: material, override: nil)
                    let rgb = shader.shade(s, wo: wo)
                    let expected = SIMD4(rgb.x, rgb.y, rgb.z, s.baseColor.w)
                    #expect(sameBits(batch.output[lane: i], expected), "lane \(i)")
                }
            }
        }
    }

    @Test func unlitGivesTheBaseColour() {
        var m = Material()
        m.unlit = true
        m.baseColorFactor = SIMD4(0.2, 0.4, 0.6, 0.8)
        let batched = BatchShader(environment: Self.studio, keyLight: Self.keyLight)
        var batch = ShadingBatch()
        batch.count = 3
        batched.shade(&batch, material: PreparedMaterial(material: m) { _, _ in nil }, override: nil)
        for i in 0..<3 { #expect(batch.output[lane: i] == SIMD4(0.2, 0.4, 0.6, 0.8)) }
    }

    @Test func whiteFurnaceThroughTheBatchedPath() {
        // A unit sphere seen from +Z in a uniform environment of 1, full material path.
        let batched = BatchShader(environment: SurfaceShaderTests.furnace)
        var material = Material()
        material.metallicFactor = 0
        material.roughnessFactor = 1
        let prepared = PreparedMaterial(material: material) { _, _ in nil }
        var normals: [SIMD3<Float>] = []
        for y in stride(from: Float(-0.99), through: 0.99, by: 0.03) {
            for x in stride(from: Float(-0.99), through: 0.99, by: 0.03) where x * x + y * y < 0.99 {
                normals.append(SIMD3(x, y, (1 - x * x - y * y).squareRoot()))
            }
        }
        var worst: Float = 0
        for start in stride(from: 0, to: normals.count, by: 8) {
            var batch = ShadingBatch()
            batch.count = min(8, normals.count - start)
            for i in 0..<batch.count { batch.normal[lane: i] = normals[start + i] }
            batched.shade(&batch, material: prepared, override: nil)
            for i in 0..<batch.count {
                let c = batch.output[lane: i]
                worst = max(worst, abs(c.x - 1), abs(c.y - 1), abs(c.z - 1))
            }
        }
        #expect(worst < 0.01)
    }

    @Test func batchedBRDFNeverCreatesEnergy() {
        // The energy test of SurfaceShaderTests, with the BRDF evaluated 8 directions at a time.
        let batched = BatchShader(environment: SurfaceShaderTests.furnace)
        var worst: Float = 0
        for roughness: Float in [0.05, 0.5, 1] {
            for metallic: Float in [0, 1] {
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
                    for cosV: Float in [0.05, 0.6, 1] {
                        let wo = SIMD3((1 - cosV * cosV).squareRoot(), 0, cosV)
                        let e = Self.albedo(batched, s, wo: wo)
                        worst = max(worst, e.max())
                        #expect(e.max() <= 1.02, "r \(roughness) m \(metallic) layers \(layers) cos \(cosV): \(e)")
                    }
                }
            }
        }
        #expect(worst > 0.8)
    }

    /// `SurfaceShaderTests.albedo` with `BatchShader.reflectance`, each sample also checked
    /// bit for bit against the scalar reflectance.
    static func albedo(_ shader: BatchShader, _ s: SurfaceInputs, wo: SIMD3<Float>, samples: Int = 2048) -> SIMD3<Float>
    {
        let alpha = max(s.roughness, 0.03) * max(s.roughness, 0.03)
        let ca = max(s.clearcoatRoughness, 0.03) * max(s.clearcoatRoughness, 0.03)
        var inputs = SurfaceInputsBatch()
        for i in 0..<8 { inputs[lane: i] = s }
        var sum = SIMD3<Double>.zero
        var directions: [SIMD3<Float>] = []
        for i in 0..<samples {
            let xi = Hammersley.point(i / 3, of: (samples + 2) / 3)
            if i % 3 == 0 {
                directions.append(Hammersley.cosineDirection(xi))
            } else {
                let h = Hammersley.ggxHalfVector(xi, alpha: i % 3 == 1 ? alpha : ca)
                directions.append(2 * dot(wo, h) * h - wo)
            }
        }
        for start in stride(from: 0, to: directions.count, by: 8) {
            var wi = Vector3x8(repeating: SIMD3(0, 0, 1))
            for i in 0..<min(8, directions.count - start) { wi[lane: i] = directions[start + i] }
            let f = shader.reflectance(inputs, wo: Vector3x8(repeating: wo), wi: wi)
            for i in 0..<min(8, directions.count - start) where wi[lane: i].z > 0 {
                let expected = shader.shader.reflectance(s, wo: wo, wi: wi[lane: i])
                #expect(sameBits(f[lane: i], expected))
                let pdf = SurfaceShaderTests.mixturePdf(wi: wi[lane: i], wo: wo, alphas: [alpha, ca])
                sum += SIMD3<Double>(f[lane: i]) / Double(pdf)
            }
        }
        return SIMD3<Float>(sum / Double(samples))
    }
}
