import Foundation
import Testing

@testable import Render

@Suite struct TextureViewBatchTests {
    static let minFilters: [Sampler.MinFilter] = [
        .nearest, .linear, .nearestMipmapNearest, .linearMipmapNearest, .nearestMipmapLinear, .linearMipmapLinear,
    ]
    static let wraps: [Sampler.Wrap] = [.repeat_, .clampToEdge, .mirroredRepeat]

    /// Lanes of random lookups, with a few special values (texel centres, edges, non-finite).
    static func lookups(_ rng: inout SplitMix, count: Int) -> [(SIMD2<Float>, SIMD2<Float>, SIMD2<Float>)] {
        (0..<count).map { i in
            var uv = SIMD2(rng.float(-3...3), rng.float(-3...3))
            var dx = rng.derivative()
            var dy = rng.derivative()
            switch i % 17 {
            case 1: uv = SIMD2(Float(i % 5) / 4, 1 - Float(i % 3) / 2)  // edges and centres
            case 2: uv.x = .nan
            case 3: uv.y = .infinity
            case 4: dx = SIMD2(.nan, 0)
            case 5: dy = SIMD2(.infinity, 1)
            case 6: (dx, dy) = (.zero, .zero)
            case 7: uv = SIMD2(-1e-9, 1e30)
            default: break
            }
            return (uv, dx, dy)
        }
    }

    /// Compares `sample8` with `sample` lane by lane, bit for bit.
    static func compare(_ t: PreparedTexture, _ rng: inout SplitMix, lanes: Int = 256) -> Int {
        let cases = lookups(&rng, count: lanes)
        var mismatches = 0
        for start in stride(from: 0, to: cases.count, by: 8) {
            var q = TextureLookup8(uv: .zero, dx: .zero, dy: .zero)
            for i in 0..<8 {
                q.uv[lane: i] = cases[start + i].0
                q.dx[lane: i] = cases[start + i].1
                q.dy[lane: i] = cases[start + i].2
            }
            t.view.sample8(&q)
            for i in 0..<8 {
                let (uv, dx, dy) = cases[start + i]
                let expected = t.sample(uv, dx: dx, dy: dy)
                if !sameBits(q.result[lane: i], expected) {
                    mismatches += 1
                    Issue.record("uv \(uv) dx \(dx) dy \(dy): batched \(q.result[lane: i]), scalar \(expected)")
                }
            }
        }
        return mismatches
    }

    @Test(arguments: [false, true])
    func batchedSamplingIsBitIdenticalForEveryFilterAndWrap(color: Bool) {
        var rng = SplitMix(seed: color ? 7 : 3)
        // Odd, non-square, non-power-of-two: 3-tap mip levels, 1-texel-wide levels at the end.
        let image = randomImage(width: 37, height: 20, &rng)
        for mag in [Sampler.MagFilter.nearest, .linear] {
            for min in Self.minFilters {
                for wrapS in Self.wraps {
                    for wrapT in Self.wraps {
                        let sampler = Sampler(magFilter: mag, minFilter: min, wrapS: wrapS, wrapT: wrapT)
                        let t = PreparedTexture(image: image, sampler: sampler, isColor: color)
                        #expect(Self.compare(t, &rng, lanes: 64) == 0, "\(sampler)")
                    }
                }
            }
        }
    }

    @Test func batchedSamplingOfLargerTexturesAndOneTexel() {
        var rng = SplitMix(seed: 11)
        for (w, h) in [(256, 256), (300, 7), (1, 1), (1, 64)] {
            let t = PreparedTexture(image: randomImage(width: w, height: h, &rng), sampler: Sampler(), isColor: true)
            #expect(Self.compare(t, &rng) == 0, "\(w)x\(h)")
        }
    }

    @Test(arguments: [TextureFilterOverride.nearest, .linear])
    func batchedReferenceOverrideIsBitIdentical(filter: TextureFilterOverride) {
        var rng = SplitMix(seed: 5)
        let t = PreparedTexture(image: randomImage(width: 13, height: 9, &rng), sampler: Sampler(), isColor: true)
        let cases = Self.lookups(&rng, count: 128)
        for start in stride(from: 0, to: cases.count, by: 8) {
            var q = TextureLookup8(uv: .zero, dx: .zero, dy: .zero)
            for i in 0..<8 { q.uv[lane: i] = cases[start + i].0 }
            t.view.sampleReference8(&q, filter: filter)
            for i in 0..<8 {
                let expected = t.sampleReference(cases[start + i].0, filter: filter)
                #expect(sameBits(q.result[lane: i], expected), "uv \(cases[start + i].0)")
            }
        }
    }

    @Test func batchedFastLog2MatchesScalar() {
        var rng = SplitMix(seed: 1)
        for _ in 0..<100 {
            var x = SIMD8<Float>()
            for i in 0..<8 { x[i] = Float(pow(2, Double(rng.float(-20...30)))) }
            let y = TextureView.fastLog2(x)
            for i in 0..<8 { #expect(sameBits(y[i], TextureView.fastLog2(x[i]))) }
        }
    }
}
