import Testing

@testable import Render

@Suite struct MaterialEvaluatorTests {
    /// A 1x1 texture of one RGBA8 value.
    static func solid(_ c: SIMD4<UInt8>, color: Bool) -> PreparedTexture {
        PreparedTexture(image: RGBA8Image(width: 1, height: 1, fill: c), sampler: Sampler(), isColor: color)
    }

    static func prepared(_ m: Material, textures: [Int: PreparedTexture]) -> PreparedMaterial {
        PreparedMaterial(material: m) { i, _ in textures[i] }
    }

    @Test func baseColourIsFactorTimesTextureTimesVertexColour() {
        var m = Material()
        m.baseColorFactor = SIMD4(0.5, 1, 1, 0.5)
        m.baseColorTexture = TextureBinding(texture: 0)
        let p = Self.prepared(m, textures: [0: Self.solid(SIMD4(128, 255, 0, 255), color: true)])
        var a = SurfaceAttributes()
        a.color = SIMD4(1, 0.5, 1, 0.8)
        let s = MaterialEvaluator.evaluate(a, material: p, override: nil)
        let expected = SIMD4<Float>(0.5 * SRGB.decode8(128), 0.5, 0, 0.4)
        #expect(abs(s.baseColor - expected).max() < 1e-6)
        // The reference override reads codes / 255 (no sRGB decode).
        let raw = MaterialEvaluator.evaluate(a, material: p, override: .nearest)
        #expect(abs(raw.baseColor.x - 0.5 * 128 / 255) < 1e-6)
    }

    @Test func metallicRoughnessOcclusionEmissiveChannels() {
        var m = Material()
        m.metallicFactor = 0.5
        m.roughnessFactor = 0.8
        m.metallicRoughnessTexture = TextureBinding(texture: 0)
        m.occlusionTexture = TextureBinding(texture: 1)
        m.occlusionStrength = 0.5
        m.emissiveTexture = TextureBinding(texture: 2)
        m.emissiveFactor = SIMD3(1, 0.5, 0)
        m.emissiveStrength = 4
        let p = Self.prepared(
            m,
            textures: [
                0: Self.solid(SIMD4(9, 51, 102, 255), color: false),
                1: Self.solid(SIMD4(0, 0, 0, 255), color: false),
                2: Self.solid(SIMD4(255, 255, 255, 255), color: true),
            ])
        let s = MaterialEvaluator.evaluate(SurfaceAttributes(), material: p, override: nil)
        #expect(abs(s.metallic - 0.5 * 0.4) < 1e-6)
        #expect(abs(s.roughness - 0.8 * 0.2) < 1e-6)
        #expect(abs(s.occlusion - 0.5) < 1e-6)
        #expect(s.emissive == SIMD3(4, 2, 0))
    }

    @Test func normalMapFollowsTheTangentFrame() {
        var m = Material()
        m.normalTexture = TextureBinding(texture: 0)
        // Tangent-space normal pointing 45 degrees toward +tangent: (0.7071, 0, 0.7071).
        let p = Self.prepared(m, textures: [0: Self.solid(SIMD4(218, 128, 218, 255), color: false)])
        var a = SurfaceAttributes()
        a.normal = SIMD3(0, 1, 0)
        a.tangent = SIMD4(1, 0, 0, 1)
        let s = MaterialEvaluator.evaluate(a, material: p, override: nil)
        #expect(abs(s.normal - normalize(SIMD3(1, 1, 0))).max() < 0.01)
        #expect(s.geometricNormal == SIMD3(0, 1, 0))
    }

    @Test func bitangentSignAndScale() {
        var m = Material()
        m.normalTexture = TextureBinding(texture: 0)
        m.normalScale = 2
        // Tangent-space (0, 0.5, 0.866) with the green channel: toward +bitangent.
        let p = Self.prepared(m, textures: [0: Self.solid(SIMD4(128, 191, 238, 255), color: false)])
        var a = SurfaceAttributes()
        a.normal = SIMD3(0, 0, 1)
        a.tangent = SIMD4(1, 0, 0, 1)
        // n = z, t = x, b = cross(n, t) = +y; with w = -1, b = -y.
        let up = MaterialEvaluator.evaluate(a, material: p, override: nil).normal
        a.tangent.w = -1
        let down = MaterialEvaluator.evaluate(a, material: p, override: nil).normal
        #expect(up.y > 0.6 && down.y < -0.6)
        #expect(abs(up.y + down.y) < 1e-6)
        // Scale 2 doubles the tilt: atan(2 x 0.5 / 0.866) ~ 49 degrees, so y ~ 0.76.
        #expect(abs(up.y - 0.756) < 0.02)
    }

    @Test func zeroTangentSkipsTheMap() {
        var m = Material()
        m.normalTexture = TextureBinding(texture: 0)
        let p = Self.prepared(m, textures: [0: Self.solid(SIMD4(255, 128, 128, 255), color: false)])
        var a = SurfaceAttributes()
        a.normal = SIMD3(0, 0, 2)
        let s = MaterialEvaluator.evaluate(a, material: p, override: nil)
        #expect(s.normal == SIMD3(0, 0, 1))
    }

    @Test func backFacesMirrorTheTangent() {
        var m = Material()
        m.normalTexture = TextureBinding(texture: 0)
        let p = Self.prepared(m, textures: [0: Self.solid(SIMD4(218, 128, 218, 255), color: false)])
        var a = SurfaceAttributes()
        a.normal = SIMD3(0, 0, -1)  // flipped by the rasterizer
        a.tangent = SIMD4(1, 0, 0, 1)
        a.frontFacing = false
        let s = MaterialEvaluator.evaluate(a, material: p, override: nil)
        #expect(s.normal.x < -0.6 && s.normal.z < -0.6)
    }

    @Test func sheenClearcoatAndUnlit() {
        var m = Material()
        var sheen = Sheen()
        sheen.colorFactor = SIMD3(1, 0.5, 0.25)
        sheen.roughnessFactor = 0.5
        sheen.roughnessTexture = TextureBinding(texture: 0)
        m.sheen = sheen
        var coat = Clearcoat()
        coat.factor = 0.8
        coat.roughnessFactor = 0.5
        coat.roughnessTexture = TextureBinding(texture: 0)
        m.clearcoat = coat
        let p = Self.prepared(m, textures: [0: Self.solid(SIMD4(0, 51, 0, 102), color: false)])
        let s = MaterialEvaluator.evaluate(SurfaceAttributes(), material: p, override: nil)
        #expect(s.sheenColor == SIMD3(1, 0.5, 0.25))
        #expect(abs(s.sheenRoughness - 0.5 * 0.4) < 1e-6)
        #expect(s.clearcoat == 0.8)
        #expect(abs(s.clearcoatRoughness - 0.5 * 0.2) < 1e-6)
        m.unlit = true
        let u = MaterialEvaluator.evaluate(
            SurfaceAttributes(), material: Self.prepared(m, textures: [:]), override: nil)
        #expect(u.unlit)
    }

    @Test func prepareBuildsEachTextureOnceAndSkipsMissingImages() {
        var m = Material()
        m.baseColorTexture = TextureBinding(texture: 0)
        m.emissiveTexture = TextureBinding(texture: 0)
        m.normalTexture = TextureBinding(texture: 1)
        let textures = [Texture(image: 0), Texture(image: 1)]
        let images: [RGBA8Image?] = [RGBA8Image(width: 2, height: 2, fill: SIMD4(repeating: 255)), nil]
        let prepared = PreparedMaterial.prepare(materials: [m, m], textures: textures, images: images)
        #expect(prepared[0].textures.count == 2)
        #expect(prepared[0].textures[0] === prepared[0].textures[1])
        #expect(prepared[0].textures[0] === prepared[1].textures[0])
        #expect(prepared[0].normal.view == nil)
    }
}
