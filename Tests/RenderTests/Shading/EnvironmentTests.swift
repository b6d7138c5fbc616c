import Foundation
import Testing
import VitrineTestSupport

@testable import Render

@Suite struct EnvironmentTests {
    /// A smooth, coloured, non-symmetric environment.
    static func smoothImage() -> RGBFloatImage {
        SphericalHarmonicsTests.image(256, 128) { d in
            SIMD3(1 + 0.5 * d.y + 0.3 * d.x * d.x, 0.5 + 0.4 * d.z, 0.2 + 0.1 * d.x * d.y)
        }
    }

    @Test func roughnessZeroIsTheEnvironment() {
        let img = Self.smoothImage()
        let env = Environment(equirect: img)
        let source = EquirectSampler(img)
        for d in SurfaceShaderTests.directions(300) {
            let a = env.specular(direction: d, roughness: 0)
            let b = source.sample(d)
            #expect(abs(a - b).max() < 0.01 * b.max(), "d \(d): \(a) vs \(b)")
            #expect(env.background(direction: d) == a)
        }
    }

    @Test func everyLevelKeepsAUniformEnvironment() {
        let env = SurfaceShaderTests.furnace
        for r in stride(from: Float(0), through: 1, by: 0.125) {
            for d in SurfaceShaderTests.directions(40) {
                #expect(abs(env.specular(direction: d, roughness: r).x - 1) < 1e-3)
            }
        }
    }

    @Test func roughLevelsBlurABrightSpot() {
        let d0 = normalize(SIMD3<Float>(0.2, 0.3, 0.9))
        let img = SphericalHarmonicsTests.image(256, 128) { v in dot(v, d0) > 0.99 ? SIMD3(repeating: 10) : .zero }
        let env = Environment(equirect: img)
        let off = normalize(d0 + SIMD3(0.5, 0, 0))  // about 25 degrees away
        let sharp = env.specular(direction: off, roughness: 0).x
        let rough = env.specular(direction: off, roughness: 0.8).x
        #expect(sharp < 1e-3)
        #expect(rough > 0.01)
        // The peak drops as the lobe widens.
        #expect(env.specular(direction: d0, roughness: 0.8).x < env.specular(direction: d0, roughness: 0).x)
    }

    @Test func badValuesAreSanitised() {
        var px = [SIMD3<Float>](repeating: SIMD3(repeating: 1), count: 32 * 16)
        px[5] = SIMD3(.nan, .infinity, -3)
        let env = Environment(equirect: RGBFloatImage(width: 32, height: 16, pixels: px))
        for d in SurfaceShaderTests.directions(50) {
            let s = env.specular(direction: d, roughness: 0.5)
            #expect(s.x.isFinite && s.y.isFinite && s.z.isFinite)
            #expect(env.irradiance(normal: d).x.isFinite)
        }
        let empty = Environment(equirect: RGBFloatImage(width: 0, height: 0, pixels: []))
        #expect(empty.background(direction: SIMD3(0, 1, 0)) == .zero)
    }

    @Test func preparationIsDeterministic() {
        let a = Environment(equirect: Self.smoothImage())
        let b = Environment(equirect: Self.smoothImage())
        for d in SurfaceShaderTests.directions(100) {
            #expect(a.specular(direction: d, roughness: 0.37) == b.specular(direction: d, roughness: 0.37))
        }
        #expect(a.irradianceSH == b.irradianceSH)
    }

    @Test func studioHDRIrradiance() throws {
        // The shared Poly Haven studio. The SH projected through the cube map equal a direct
        // projection of the panorama (orientation and solid angles end to end); against brute-
        // force integration the order-2 fit is within 15% of the brightest irradiance (its known
        // limit with small, strong lights; see docs/shading.md).
        try #require(Fixtures.hasShared, "needs ../shared")
        let bytes = try Data(contentsOf: Fixtures.shared("environments/studio_small_03_1k.hdr"))
        let img = try HDRCodec.decode(Array(bytes))
        let env = Environment(equirect: img)
        let direct = SphericalHarmonicsTests.numericSH(img)
        let c0 = direct[0].x
        for (k, c) in env.irradianceSH.coefficients.enumerated() {
            #expect(abs(c - direct[k]).max() < 0.02 * c0, "coefficient \(k): \(c) vs \(direct[k])")
        }
        let normals = SurfaceShaderTests.directions(24)
        let numeric = normals.map { SphericalHarmonicsTests.numericIrradiance(img, $0) }
        let peak = numeric.max()!
        for (n, e) in zip(normals, numeric) {
            #expect(abs(env.irradiance(normal: n).x - e) < 0.15 * peak, "n \(n)")
        }
    }

    @Test func faceSizeFollowsThePanorama() {
        #expect(Environment.faceSize(forEquirectWidth: 1024) == 256)
        #expect(Environment.faceSize(forEquirectWidth: 4096) == 256)
        #expect(Environment.faceSize(forEquirectWidth: 64) == 16)
        #expect(Environment.faceSize(forEquirectWidth: 1) == 8)
    }
}
