import Testing

@testable import Render

@Suite struct ImageComparisonTests {
    @Test func countsPixelsOverTheChannelDelta() {
        let expected = TestImages.gradient(width: 20, height: 10)
        var actual = expected
        actual.pixels[0] = actual.pixels[0] &+ 2  // within a delta of 2
        actual.pixels[7] = actual.pixels[7] &+ 3  // alpha of pixel 1: over
        actual.pixels[40] = actual.pixels[40] &- 9  // pixel 10: over
        let result = ImageComparison.compare(
            expected: expected, actual: actual, tolerance: .init(maxChannelDelta: 2, maxDifferingFraction: 0.01))
        #expect(result.differingPixels == 2 && result.totalPixels == 200)
        #expect(result.largestChannelDelta == 9)
        // 2 of 200 is exactly the 1% allowed: passes.
        #expect(result.differingFraction == 0.01 && result.passed)
        let strict = ImageComparison.compare(expected: expected, actual: actual, tolerance: .exact)
        #expect(strict.differingPixels == 3 && !strict.passed)
        // The diff image: red where over, faded grey elsewhere.
        #expect(result.diffImage?[1, 0] == [255, 0, 0, 255])
        #expect(result.diffImage?[10, 0] == [255, 0, 0, 255])
        #expect(result.diffImage?[0, 0].x == result.diffImage?[0, 0].y)
        #expect(result.summary == "2 of 200 pixels differ (1.0%), largest channel difference 9")
    }

    @Test func identicalImagesPass() {
        let image = TestImages.noise(width: 9, height: 7, seed: 1)
        let result = ImageComparison.compare(expected: image, actual: image, tolerance: .exact)
        #expect(result.passed && result.differingPixels == 0 && result.largestChannelDelta == 0)
    }

    @Test func differentSizesFail() {
        let result = ImageComparison.compare(
            expected: RGBA8Image(width: 4, height: 4), actual: RGBA8Image(width: 5, height: 4), tolerance: .exact)
        #expect(result.sizeMismatch && !result.passed && result.diffImage == nil)
        #expect(result.summary == "sizes differ: expected 4x4, actual 5x4")
    }
}
