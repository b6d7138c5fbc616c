import Testing

@testable import Render

@Suite struct ToneMapperTests {
    @Test func pbrNeutralKeepsBaseColourMinusOffset() {
        // A base colour under unit white light: radiance = base colour; with one channel at
        // least 0.08 the curve is the identity minus 0.04 while the peak stays below 0.76.
        let mapper = ToneMapper(mode: .pbrNeutral, exposure: 0)
        var checked = 0
        for r in stride(from: Float(0.08), through: 0.8, by: 0.04) {
            for g in stride(from: Float(0.08), through: 0.8, by: 0.06) {
                let c = SIMD3<Float>(r, g, 0.3)
                let out = mapper.map(c)
                #expect(abs(out.x - (r - 0.04)) < 1e-6 && abs(out.y - (g - 0.04)) < 1e-6 && abs(out.z - 0.26) < 1e-6)
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test(arguments: [ToneMapping.pbrNeutral, .aces, .none])
    func curvesAreMonotonicAndContinuous(mode: ToneMapping) {
        let mapper = ToneMapper(mode: mode, exposure: 0)
        var previous: Float = -1
        var x: Float = 0
        while x < 64 {
            let y = mapper.map(SIMD3(repeating: x)).x
            #expect(y >= previous - 1e-7, "\(mode) decreases at \(x)")
            // Continuity: small input steps give small output steps.
            if previous >= 0 { #expect(y - previous < 0.01, "\(mode) jumps at \(x)") }
            #expect(y >= 0 && y <= 1)
            previous = y
            x += x < 2 ? 0.001 : 0.05
        }
    }

    @Test func pbrNeutralIsContinuousAtTheKnees() {
        // The toe ends at 0.08 and compression starts at a peak of 0.76 (input 0.8).
        for knee: Float in [0.08, 0.8] {
            let below = ToneMapper.pbrNeutral(SIMD3(repeating: knee - 1e-4))
            let above = ToneMapper.pbrNeutral(SIMD3(repeating: knee + 1e-4))
            #expect(abs(above.x - below.x) < 1e-3)
        }
    }

    @Test func exposureScalesByPowersOfTwo() {
        let plus = ToneMapper(mode: .none, exposure: 1)
        let zero = ToneMapper(mode: .none, exposure: 0)
        #expect(plus.map(SIMD3(repeating: 0.2)).x == zero.map(SIMD3(repeating: 0.4)).x)
    }

    @Test func encodeIsSRGBOfTheCurve() {
        let mapper = ToneMapper(mode: .none, exposure: 0)
        #expect(mapper.encode(SIMD3(0, 1, SRGB.decode8(200))) == SIMD3(0, 255, 200))
        #expect(mapper.encode(SIMD3(-1, .nan, 5)) == SIMD3(0, 0, 255))
    }

    @Test func acesMapsMidGreyAndSaturates() {
        let mid = ToneMapper.acesHill(SIMD3(repeating: 0.18)).x
        #expect(mid > 0.1 && mid < 0.35)
        #expect(ToneMapper.acesHill(SIMD3(repeating: 100)).x > 0.99)
    }
}
