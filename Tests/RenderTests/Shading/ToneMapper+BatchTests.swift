import Foundation
import Testing

@testable import Render

@Suite struct ToneMapperBatchTests {
    /// Random radiance from deep shadow to strong highlights, with bad values mixed in.
    static func colors(_ rng: inout SplitMix, count: Int) -> [SIMD3<Float>] {
        let special: [Float] = [0, -0.0, -1, .nan, .infinity, -.infinity, 1e-30, 65504, 1, 0.08, 0.76]
        return (0..<count).map { i in
            if i % 9 == 0 {
                return SIMD3(special[i % special.count], special[(i / 3) % special.count], rng.float(0...1))
            }
            return SIMD3(repeating: Float(pow(10, Double(rng.float(-4...1.5)))))
                * SIMD3(
                    rng.float(0...1), rng.float(0...1), rng.float(0...1))
        }
    }

    @Test(arguments: [ToneMapping.pbrNeutral, .aces, .none])
    func mapAndEncodeAreBitIdentical(mode: ToneMapping) {
        var rng = SplitMix(seed: 51)
        let colors = Self.colors(&rng, count: 4000)
        for exposure: Float in [0, -1.5, 2] {
            let mapper = ToneMapper(mode: mode, exposure: exposure)
            for start in stride(from: 0, to: colors.count, by: 8) {
                var c = Vector3x8.zero
                for i in 0..<8 { c[lane: i] = colors[start + i] }
                let m = mapper.map8(c)
                let (r, g, b) = mapper.encode8(c)
                for i in 0..<8 {
                    let color = colors[start + i]
                    let expected = mapper.map(color)
                    // NaN from infinite input (ACES: inf / inf) is the one place where lanes may
                    // differ in NaN payload; compare values otherwise bit for bit.
                    let same = sameBits(m[lane: i], expected) || (m[lane: i] != m[lane: i] && expected != expected)
                    #expect(same, "\(color): batched \(m[lane: i]) scalar \(expected)")
                    let code = mapper.encode(color)
                    #expect(SIMD3(UInt8(r[i]), UInt8(g[i]), UInt8(b[i])) == code, "\(color)")
                }
            }
        }
    }
}
