import Testing

@testable import Render

@Suite struct PreparedTextureTests {
    /// An image whose texel (x, y) has R = x, G = y, B = 7, A = 255 (as codes).
    static func ramp(_ w: Int, _ h: Int) -> RGBA8Image {
        var img = RGBA8Image(width: w, height: h)
        for y in 0..<h { for x in 0..<w { img[x, y] = SIMD4(UInt8(x), UInt8(y), 7, 255) } }
        return img
    }

    @Test func mipSizesFollowOpenGLForNonPowerOfTwo() {
        let t = PreparedTexture(image: Self.ramp(211, 13), sampler: Sampler(), isColor: false)
        let sizes = (0..<t.levelCount).map { t.levelSize($0) }
        #expect(sizes.map(\.width) == [211, 105, 52, 26, 13, 6, 3, 1])
        #expect(sizes.map(\.height) == [13, 6, 3, 1, 1, 1, 1, 1])
        #expect(t.byteCount == sizes.reduce(0) { $0 + $1.width * $1.height * 4 })
    }

    @Test func dataMipsAreAreaWeightedBoxAverages() {
        let t = PreparedTexture(image: Self.ramp(4, 2), sampler: Sampler(), isColor: false)
        // Level 1 (2x1): texel 0 averages x 0...1, y 0...1: R = 0.5 and G = 0.5 round to even (0);
        // texel 1: R = 2.5 -> 2.
        #expect(t.texel(level: 1, x: 0, y: 0) == SIMD4(0, 0, 7, 255))
        #expect(t.texel(level: 1, x: 1, y: 0) == SIMD4(2, 0, 7, 255))
        // Odd width: 3 -> 1 averages all three columns equally.
        let odd = PreparedTexture(image: Self.ramp(3, 1), sampler: Sampler(), isColor: false)
        #expect(odd.texel(level: 1, x: 0, y: 0) == SIMD4(1, 0, 7, 255))
        // 5 -> 2: texel 0 covers columns 0, 1 and half of 2: (0 + 1 + 1) / 2.5 = 0.8 -> 1.
        let five = PreparedTexture(image: Self.ramp(5, 1), sampler: Sampler(), isColor: false)
        #expect(five.texel(level: 1, x: 0, y: 0).x == 1)
        #expect(five.texel(level: 1, x: 1, y: 0).x == 3)  // (0.5 x 2 + 3 + 4) / 2.5 = 3.2
    }

    @Test func boxTapsSumToOne() {
        for (src, dst) in [(2, 1), (3, 1), (5, 2), (211, 105), (7, 3)] {
            for tap in PreparedTexture.boxTaps(source: src, destination: dst) {
                #expect(abs(tap.weights.sum() - 1) < 1e-6)
                #expect(tap.first >= 0 && tap.first < src)
            }
        }
    }

    @Test func colourMipsAverageInLinearSpace() {
        // Black and white columns average to linear 0.5, which is sRGB code 188, not 128.
        var img = RGBA8Image(width: 2, height: 2)
        for y in 0..<2 {
            img[0, y] = SIMD4(0, 0, 0, 255)
            img[1, y] = SIMD4(255, 255, 255, 255)
        }
        let colour = PreparedTexture(image: img, sampler: Sampler(), isColor: true)
        #expect(colour.texel(level: 1, x: 0, y: 0) == SIMD4(188, 188, 188, 255))
        let data = PreparedTexture(image: img, sampler: Sampler(), isColor: false)
        #expect(data.texel(level: 1, x: 0, y: 0) == SIMD4(128, 128, 128, 255))
    }

    @Test func meanIsPreservedDownTheChain() {
        // A power-of-two data texture: every level's mean equals level 0's (up to rounding).
        var img = RGBA8Image(width: 64, height: 32)
        var seed: UInt32 = 12345
        for y in 0..<32 {
            for x in 0..<64 {
                seed = seed &* 1_664_525 &+ 1_013_904_223
                img[x, y] = SIMD4(UInt8(seed >> 24), UInt8((seed >> 16) & 0xFF), 0, 255)
            }
        }
        let t = PreparedTexture(image: img, sampler: Sampler(), isColor: false)
        func mean(_ l: Int) -> Double {
            let (w, h) = t.levelSize(l)
            var s = 0.0
            for y in 0..<h { for x in 0..<w { s += Double(t.texel(level: l, x: x, y: y).x) } }
            return s / Double(w * h)
        }
        let m0 = mean(0)
        for l in 1..<t.levelCount { #expect(abs(mean(l) - m0) < 1.0, "level \(l)") }
    }

    @Test func emptyImageBecomesOneWhiteTexel() {
        let t = PreparedTexture(image: RGBA8Image(width: 0, height: 0), sampler: Sampler(), isColor: true)
        #expect(t.levelCount == 1)
        #expect(t.sample(SIMD2(0.3, 0.3), dx: .zero, dy: .zero) == SIMD4(1, 1, 1, 1))
    }
}
