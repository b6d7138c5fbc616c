import Testing

@testable import Render

@Suite struct RGBA8ImageResizeTests {
    /// Flat colours stay flat at any size, up or down.
    @Test(arguments: [(1, 1), (7, 3), (64, 64), (200, 90)])
    func flatStaysFlat(width: Int, height: Int) {
        let flat = RGBA8Image(width: 33, height: 17, fill: [10, 200, 30, 255])
        let resized = flat.resized(width: width, height: height)
        #expect(resized.width == width && resized.height == height)
        #expect(resized == RGBA8Image(width: width, height: height, fill: [10, 200, 30, 255]))
    }

    /// Halving a checkerboard gives its mean away from the border (the tent filter of a 2x
    /// downscale is symmetric over 4 source pixels, so each output averages two of each).
    @Test func halvingAveragesEvenly() {
        var checker = RGBA8Image(width: 8, height: 8)
        for y in 0..<8 {
            for x in 0..<8 { checker[x, y] = (x + y) % 2 == 0 ? [0, 0, 0, 255] : [200, 200, 200, 255] }
        }
        let half = checker.resized(width: 4, height: 4)
        for y in 1..<3 {
            for x in 1..<3 { #expect(abs(Int(half[x, y].x) - 100) <= 1) }
        }
    }

    /// Fully transparent pixels do not darken their neighbours (premultiplied resampling).
    @Test func transparentPixelsDoNotBleed() {
        var image = RGBA8Image(width: 4, height: 1, fill: [0, 0, 0, 0])
        image[0, 0] = [255, 255, 255, 255]
        image[1, 0] = [255, 255, 255, 255]
        let wide = image.resized(width: 8, height: 1)
        for x in 0..<8 where wide[x, 0].w > 0 { #expect(wide[x, 0].x == 255) }
        #expect(image.resized(width: 4, height: 1) == image)
    }
}
