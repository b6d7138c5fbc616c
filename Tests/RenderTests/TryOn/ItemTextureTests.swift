import Testing

@testable import Render

@Suite struct ItemTextureTests {
    @Test func mipChainHalvesDownToOnePixel() {
        let texture = ItemTexture(RGBA8Image(width: 100, height: 37, fill: SIMD4(10, 20, 30, 255)))
        let sizes = texture.levels.map { SIMD2($0.width, $0.height) }
        #expect(
            sizes == [SIMD2(100, 37), SIMD2(50, 18), SIMD2(25, 9), SIMD2(12, 4), SIMD2(6, 2), SIMD2(3, 1), SIMD2(1, 1)])
        // A uniform opaque image stays uniform at every level.
        for level in texture.levels {
            #expect(level[level.width - 1, level.height - 1] == 10 | 20 << 8 | 30 << 16 | 255 << 24)
            // The border is transparent.
            #expect(level[-1, 0] == 0 && level[level.width + 1, level.height + 1] == 0)
        }
    }

    @Test func oddSizesAreAveragedByArea() {
        // 3x1 -> 1x1: a third of each texel (PreparedTexture's box filter), on premultiplied
        // codes: the opaque red texel's colour is not darkened by the transparent ones' black.
        var image = RGBA8Image(width: 3, height: 1)
        image[0, 0] = SIMD4(255, 0, 0, 255)
        let texture = ItemTexture(image, featherTexels: 0)
        #expect(texture.levels.count == 2)
        #expect(texture.levels[1][0, 0] == 85 | 85 << 24)
        #expect(texture.testOnly_unpremultipliedLevel(1, feathered: false)[0, 0] == SIMD4(255, 0, 0, 85))
    }

    @Test func texelsArePremultiplied() {
        let texture = ItemTexture(RGBA8Image(width: 2, height: 2, fill: SIMD4(200, 100, 50, 128)))
        let t = texture.levels[0][0, 0]
        #expect(t & 0xFF == 100)  // (200 * 128 + 127) / 255
        #expect(t >> 8 & 0xFF == 50)
        #expect(t >> 16 & 0xFF == 25)
        #expect(t >> 24 == 128)
    }

    @Test func levelChoiceFollowsTheFootprint() {
        let texture = ItemTexture(RGBA8Image(width: 256, height: 256, fill: SIMD4(1, 1, 1, 255)))
        #expect(texture.levelIndex(texelsPerPixel: 0.3) == 0)
        #expect(texture.levelIndex(texelsPerPixel: 1.4) == 0)
        #expect(texture.levelIndex(texelsPerPixel: 1.5) == 1)
        #expect(texture.levelIndex(texelsPerPixel: 4) == 2)
        #expect(texture.levelIndex(texelsPerPixel: 1e9) == 8)
        #expect(texture.levelIndex(texelsPerPixel: .nan) == 8)
    }

    @Test func featherFadesInwardOverAboutTheWidth() {
        // A 40x40 opaque square in a 60x60 image: alpha along a row through its middle.
        var image = RGBA8Image(width: 60, height: 60)
        for y in 10..<50 { for x in 10..<50 { image[x, y] = SIMD4(255, 255, 255, 255) } }
        let texture = ItemTexture(image, featherTexels: 1.5)
        let row = texture.testOnly_unpremultipliedLevel(0, feathered: true)
        let alpha = (8..<16).map { Int(row[$0, 30].w) }
        // Outside stays 0; the edge texel is 1.5 / 2.5 of full (153/255), the next one full.
        #expect(alpha == [0, 0, 153, 255, 255, 255, 255, 255])
        // The plain chain is untouched, and the feathered one never adds alpha.
        #expect(texture.testOnly_unpremultipliedLevel(0, feathered: false)[10, 30].w == 255)
        for level in 0..<texture.levelCount {
            let plain = texture.levels[level]
            let soft = texture.featheredLevels[level]
            for y in 0..<plain.height {
                for x in 0..<plain.width { #expect(soft[x, y] >> 24 <= plain[x, y] >> 24) }
            }
        }
    }
}
