import Testing

@testable import Render

@Suite struct MaterialEvaluatorBatchTests {
    /// A material using every feature: all ten texture slots (colour and data, both UV sets,
    /// texture transforms, every filter and wrap mode across slots), factors, sheen, clearcoat.
    static func fullMaterial(_ rng: inout SplitMix, unlit: Bool = false) -> (PreparedMaterial, [PreparedTexture]) {
        let minFilters: [Sampler.MinFilter] = [
            .linearMipmapLinear, .nearest, .linear, .nearestMipmapNearest, .linearMipmapNearest, .nearestMipmapLinear,
        ]
        let wraps: [Sampler.Wrap] = [.repeat_, .clampToEdge, .mirroredRepeat]
        var textures: [PreparedTexture] = []
        var bindings: [TextureBinding] = []
        let colorSlots: Set<Int> = [0, 4, 5]  // base colour, emissive, sheen colour
        for slot in 0..<10 {
            let sampler = Sampler(
                magFilter: slot % 3 == 1 ? .nearest : .linear, minFilter: minFilters[slot % minFilters.count],
                wrapS: wraps[slot % 3], wrapT: wraps[(slot + 1) % 3])
            let size = 8 + 5 * slot
            textures.append(
                PreparedTexture(
                    image: randomImage(width: size, height: size + slot % 4, &rng), sampler: sampler,
                    isColor: colorSlots.contains(slot)))
            var transform: TextureTransform?
            if slot % 2 == 0 {
                transform = TextureTransform(
                    offset: SIMD2(rng.float(-1...1), rng.float(-1...1)), rotation: rng.float(-3...3),
                    scale: SIMD2(rng.float(0.2...3), rng.float(0.2...3)))
            }
            bindings.append(TextureBinding(texture: slot, texCoord: slot % 3 == 2 ? 1 : 0, transform: transform))
        }
        var m = Material()
        m.baseColorFactor = SIMD4(0.9, 0.8, 0.7, 0.6)
        m.baseColorTexture = bindings[0]
        m.metallicFactor = 0.7
        m.roughnessFactor = 0.9
        m.metallicRoughnessTexture = bindings[1]
        m.normalTexture = bindings[2]
        m.normalScale = 0.8
        m.occlusionTexture = bindings[3]
        m.occlusionStrength = 0.6
        m.emissiveTexture = bindings[4]
        m.emissiveFactor = SIMD3(0.2, 0.1, 0.05)
        m.emissiveStrength = 3
        m.unlit = unlit
        var sheen = Sheen()
        sheen.colorFactor = SIMD3(0.9, 0.5, 0.3)
        sheen.colorTexture = bindings[5]
        sheen.roughnessFactor = 0.6
        sheen.roughnessTexture = bindings[6]
        m.sheen = sheen
        var coat = Clearcoat()
        coat.factor = 0.9
        coat.texture = bindings[7]
        coat.roughnessFactor = 0.4
        coat.roughnessTexture = bindings[8]
        coat.normalTexture = bindings[9]
        m.clearcoat = coat
        return (PreparedMaterial(material: m) { i, _ in textures[i] }, textures)
    }

    /// Fills batches with random points and checks `evaluate8` against `evaluate` per lane.
    static func check(_ material: PreparedMaterial, override: TextureFilterOverride?, seed: UInt64) {
        var rng = SplitMix(seed: seed)
        for _ in 0..<32 {
            var batch = ShadingBatch()
            var points: [SurfaceAttributes] = []
            for i in 0..<8 {
                let a = rng.attributes()
                points.append(a)
                batch.set(lane: i, a, wo: SIMD3(0, 0, 1))
            }
            batch.count = 8
            let s = MaterialEvaluator.evaluate8(batch, material: material, override: override)
            for i in 0..<8 {
                let expected = MaterialEvaluator.evaluate(points[i], material: material, override: override)
                #expect(sameBits(s[lane: i], expected), "lane \(i): batched \(s[lane: i]) scalar \(expected)")
            }
        }
    }

    @Test func everyMaterialFeatureIsBitIdentical() {
        var rng = SplitMix(seed: 21)
        let (material, textures) = Self.fullMaterial(&rng)
        withExtendedLifetime(textures) { Self.check(material, override: nil, seed: 1) }
    }

    @Test(arguments: [TextureFilterOverride.nearest, .linear])
    func referenceOverrideIsBitIdentical(filter: TextureFilterOverride) {
        var rng = SplitMix(seed: 22)
        let (material, textures) = Self.fullMaterial(&rng)
        withExtendedLifetime(textures) { Self.check(material, override: filter, seed: 2) }
    }

    @Test func unlitAndUntexturedMaterialsAreBitIdentical() {
        var rng = SplitMix(seed: 23)
        let (unlit, textures) = Self.fullMaterial(&rng, unlit: true)
        withExtendedLifetime(textures) { Self.check(unlit, override: nil, seed: 3) }
        var plain = Material()
        plain.baseColorFactor = SIMD4(0.3, 0.6, 0.9, 1)
        plain.metallicFactor = 0.2
        plain.roughnessFactor = 0.4
        Self.check(PreparedMaterial(material: plain) { _, _ in nil }, override: nil, seed: 4)
    }

    @Test func baseColourAloneMatchesTheFullEvaluation() {
        var rng = SplitMix(seed: 24)
        let (material, textures) = Self.fullMaterial(&rng)
        withExtendedLifetime(textures) {
            var batch = ShadingBatch()
            for i in 0..<8 { batch.set(lane: i, rng.attributes(), wo: SIMD3(0, 0, 1)) }
            let base = MaterialEvaluator.baseColor8(batch, material: material, override: nil)
            let full = MaterialEvaluator.evaluate8(batch, material: material, override: nil)
            for i in 0..<8 { #expect(sameBits(base[lane: i], full.baseColor[lane: i])) }
        }
    }
}
