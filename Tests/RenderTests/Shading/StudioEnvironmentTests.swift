import Testing

@testable import Render

@Suite struct StudioEnvironmentTests {
    @Test func studioIsCachedAndLitLikeAUnitWhiteLight() {
        let env = Environment.studio()
        #expect(env === Environment.studio())
        // A white diffuse surface facing the camera (+Z) or the sky reflects roughly what a unit
        // white light gives, so PBR Neutral keeps base colours.
        let front = env.irradiance(normal: SIMD3(0, 0, 1))
        let top = env.irradiance(normal: SIMD3(0, 1, 0))
        #expect(front.x > 0.6 && front.x < 1.3, "front \(front)")
        #expect(top.x > 0.6 && top.x < 1.5, "top \(top)")
        // The floor is darker than the sky, and the key softbox (front-left, above) is bright.
        #expect(env.irradiance(normal: SIMD3(0, -1, 0)).x < top.x)
        #expect(env.background(direction: normalize(SIMD3(-0.65, 0.55, 0.55))).x > 4)
        #expect(env.background(direction: SIMD3(0, -1, 0)).x < 0.2)
    }

    @Test func imageIsDeterministic() {
        let a = StudioEnvironment.image(width: 128, height: 64)
        let b = StudioEnvironment.image(width: 128, height: 64)
        #expect(a.pixels == b.pixels)
    }
}
