/// A port of pixelmatch (mapbox/pixelmatch 5.x/6.x, and the PyPI `pixelmatch` package that
/// follows it): counts the pixels that differ perceptibly between two images.
///
/// - Colour distance is the YIQ metric of Kotsarenko and Ramos ("Measuring perceived color
///   difference using YIQ NTSC transmission color space in mobile applications"), on colours
///   first blended over white by their alpha; a pixel differs when its squared distance is over
///   `35215 * threshold²` (35215 is the largest possible value).
/// - Unless `includeAA`, a differing pixel that looks like anti-aliasing in either image
///   (Vysniauskas, "Anti-aliased Pixel and Intensity Slope Detector", 2009) is not counted and
///   is drawn in `aaColor`.
/// - The diff image shows counted pixels in `diffColor` (or `diffColorAlt` where the actual
///   image is darker) over a faded grey copy of the expected image (`alpha` is its opacity),
///   or over transparency with `diffMask`.
///
/// The arithmetic follows the reference step by step in `Double` (no reordering, no fused
/// multiply-add), so counts are identical to it; a test compares them with the PyPI package.
///
/// ```swift
/// let result = try Pixelmatch.compare(expected, actual, options: .init(threshold: 0.1))
/// print("\(result.differingPixels) differing pixels")
/// ```
public enum Pixelmatch {
    /// Comparison options; the defaults are pixelmatch's.
    public struct Options: Sendable, Equatable {
        /// Matching threshold 0...1; smaller is more sensitive. Default 0.1.
        public var threshold: Double
        /// Count anti-aliased pixels too (skip the anti-aliasing detection). Default false.
        public var includeAA: Bool
        /// Opacity of the expected image under the diff. Default 0.1.
        public var alpha: Double
        /// Colour of anti-aliased pixels in the diff. Default yellow.
        public var aaColor: SIMD3<UInt8>
        /// Colour of differing pixels in the diff. Default red.
        public var diffColor: SIMD3<UInt8>
        /// Colour of differing pixels where the actual image is darker; nil uses `diffColor`.
        public var diffColorAlt: SIMD3<UInt8>?
        /// Draw only the differing pixels, over transparency. Default false.
        public var diffMask: Bool

        /// Options with pixelmatch's defaults unless given.
        public init(
            threshold: Double = 0.1, includeAA: Bool = false, alpha: Double = 0.1,
            aaColor: SIMD3<UInt8> = [255, 255, 0], diffColor: SIMD3<UInt8> = [255, 0, 0],
            diffColorAlt: SIMD3<UInt8>? = nil, diffMask: Bool = false
        ) {
            self.threshold = threshold
            self.includeAA = includeAA
            self.alpha = alpha
            self.aaColor = aaColor
            self.diffColor = diffColor
            self.diffColorAlt = diffColorAlt
            self.diffMask = diffMask
        }
    }

    /// What a comparison found.
    public struct Result: Sendable, Equatable {
        /// Pixels counted as different.
        public var differingPixels: Int
        /// Pixels compared (`width * height`).
        public var totalPixels: Int
        /// The diff image, when asked for.
        public var diffImage: RGBA8Image?

        /// A result (for callers that build reports from stored figures).
        public init(differingPixels: Int, totalPixels: Int, diffImage: RGBA8Image?) {
            self.differingPixels = differingPixels
            self.totalPixels = totalPixels
            self.diffImage = diffImage
        }

        /// `differingPixels / totalPixels` (0 for empty images).
        public var differingFraction: Double {
            totalPixels == 0 ? 0 : Double(differingPixels) / Double(totalPixels)
        }
    }

    /// Compares two images of the same size.
    /// - Parameters:
    ///   - expected: the approved picture (pixelmatch's `img1`; the diff fades it in grey).
    ///   - actual: the new picture (`img2`).
    ///   - options: threshold, anti-aliasing and diff colours.
    ///   - diffImage: whether to draw the diff image.
    /// - Returns: the count and the diff image.
    /// - Throws: ``ImageComparisonError/sizeMismatch(expectedWidth:expectedHeight:actualWidth:actualHeight:)``.
    public static func compare(
        _ expected: RGBA8Image, _ actual: RGBA8Image, options: Options = Options(), diffImage: Bool = true
    ) throws -> Result {
        guard expected.width == actual.width, expected.height == actual.height else {
            throw ImageComparisonError.sizeMismatch(
                expectedWidth: expected.width, expectedHeight: expected.height, actualWidth: actual.width,
                actualHeight: actual.height)
        }
        let width = expected.width
        let height = expected.height
        var output = diffImage ? [UInt8](repeating: 0, count: width * height * 4) : []
        let count = expected.pixels.withUnsafeBufferPointer { a in
            actual.pixels.withUnsafeBufferPointer { b in
                output.withUnsafeMutableBufferPointer { out in
                    var kernel = PixelmatchKernel(
                        img1: a, img2: b, output: out, width: width, height: height, options: options)
                    return kernel.run()
                }
            }
        }
        return Result(
            differingPixels: count, totalPixels: width * height,
            diffImage: diffImage ? RGBA8Image(width: width, height: height, pixels: output) : nil)
    }
}
