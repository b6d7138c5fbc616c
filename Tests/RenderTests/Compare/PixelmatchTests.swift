import Testing

@testable import Render

@Suite struct PixelmatchTests {
    /// A white image with a black vertical bar, and an anti-aliased version of its edges.
    static func bar(antialiased: Bool) -> RGBA8Image {
        var image = RGBA8Image(width: 16, height: 16, fill: [255, 255, 255, 255])
        for y in 0..<16 {
            for x in 6..<10 { image[x, y] = [0, 0, 0, 255] }
            if antialiased {
                image[5, y] = [128, 128, 128, 255]
                image[10, y] = [128, 128, 128, 255]
            }
        }
        return image
    }

    @Test func identicalImagesHaveNoDifferenceAndAFadedDiff() throws {
        let image = Self.bar(antialiased: false)
        let result = try Pixelmatch.compare(image, image)
        #expect(result.differingPixels == 0 && result.totalPixels == 256)
        // Black fades to 255 - 255 * 0.1 = 229.5 -> 229; white stays 255.
        #expect(result.diffImage?[7, 0] == [229, 229, 229, 255])
        #expect(result.diffImage?[0, 0] == [255, 255, 255, 255])
    }

    /// Grey edge pixels added next to a sharp bar look like anti-aliasing: ignored unless
    /// `includeAA`, and drawn yellow.
    @Test func antialiasedEdgesAreIgnoredUnlessIncluded() throws {
        let sharp = Self.bar(antialiased: false)
        let smooth = Self.bar(antialiased: true)
        let ignored = try Pixelmatch.compare(sharp, smooth)
        #expect(ignored.differingPixels == 0)
        #expect(ignored.diffImage?[5, 8] == [255, 255, 0, 255])
        let counted = try Pixelmatch.compare(sharp, smooth, options: .init(includeAA: true))
        #expect(counted.differingPixels == 32)
        #expect(counted.diffImage?[5, 8] == [255, 0, 0, 255])
    }

    /// A real change (a block of another colour) counts; the threshold decides how strong a
    /// change must be.
    @Test func thresholdDecides() throws {
        let base = RGBA8Image(width: 10, height: 10, fill: [100, 100, 100, 255])
        var changed = base
        for y in 2..<6 {
            for x in 2..<6 { changed[x, y] = [110, 100, 100, 255] }
        }
        // Squared YIQ distance of +10 red: 0.5053*(2.99)^2 + 0.299*(5.96)^2 + 0.1957*(2.11)^2 ≈ 16.0;
        // the limit is 35215 * t^2: 352 at t = 0.1, 8.8 at t = 0.0158.
        #expect(try Pixelmatch.compare(base, changed).differingPixels == 0)
        #expect(try Pixelmatch.compare(base, changed, options: .init(threshold: 0.0158)).differingPixels == 16)
    }

    /// Semi-transparent pixels are compared blended over white, so fully transparent pixels of
    /// any colour are equal.
    @Test func alphaBlendsOverWhite() throws {
        let a = RGBA8Image(width: 4, height: 4, fill: [255, 0, 0, 0])
        let b = RGBA8Image(width: 4, height: 4, fill: [0, 0, 255, 0])
        #expect(try Pixelmatch.compare(a, b, options: .init(threshold: 0)).differingPixels == 0)
        let c = RGBA8Image(width: 4, height: 4, fill: [0, 0, 0, 255])
        #expect(try Pixelmatch.compare(a, c, options: .init(includeAA: true)).differingPixels == 16)
    }

    /// diffMask draws differences over transparency; diffColorAlt marks pixels that got darker.
    @Test func maskAndAlternateColour() throws {
        let base = RGBA8Image(width: 4, height: 1, fill: [128, 128, 128, 255])
        var changed = base
        changed[0, 0] = [0, 0, 0, 255]  // darker
        changed[3, 0] = [255, 255, 255, 255]  // lighter
        let options = Pixelmatch.Options(includeAA: true, diffColorAlt: [0, 255, 0], diffMask: true)
        let result = try Pixelmatch.compare(base, changed, options: options)
        #expect(result.differingPixels == 2)
        #expect(result.diffImage?[0, 0] == [0, 255, 0, 255])
        #expect(result.diffImage?[3, 0] == [255, 0, 0, 255])
        #expect(result.diffImage?[1, 0] == [0, 0, 0, 0])
        #expect(try Pixelmatch.compare(base, changed, diffImage: false).diffImage == nil)
    }

    @Test func differentSizesAreAnError() {
        #expect(
            throws: ImageComparisonError.sizeMismatch(
                expectedWidth: 4, expectedHeight: 4, actualWidth: 4, actualHeight: 5)
        ) {
            try Pixelmatch.compare(RGBA8Image(width: 4, height: 4), RGBA8Image(width: 4, height: 5))
        }
    }
}
