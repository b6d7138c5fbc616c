import Testing

@testable import Render

@Suite struct EnvironmentViewBatchTests {
    @Test(arguments: [Float(0), 90, -123.4])
    func irradianceAndSpecularAreBitIdentical(rotation: Float) {
        let view = Environment.studio().transformed(rotationDegrees: rotation, intensity: 0.7).view
        var rng = SplitMix(seed: 71)
        for _ in 0..<64 {
            var d = Vector3x8.zero
            var roughness = SIMD8<Float>()
            for i in 0..<8 {
                d[lane: i] = rng.direction()
                roughness[i] = rng.float(0...1)
            }
            let e = view.irradiance8(normal: d)
            let s = view.specular8(direction: d, roughness: roughness)
            for i in 0..<8 {
                #expect(sameBits(e[lane: i], view.irradiance(normal: d[lane: i])))
                #expect(sameBits(s[lane: i], view.specular(direction: d[lane: i], roughness: roughness[i])))
            }
        }
    }
}
