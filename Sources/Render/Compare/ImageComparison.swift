/// Exact-tolerance image comparison for golden tests: a pixel differs when any channel
/// (alpha included) differs by more than `maxChannelDelta`; the comparison passes when at most
/// `maxDifferingFraction` of the pixels differ. For a perceptual comparison, see
/// ``Pixelmatch``.
///
/// ```swift
/// let result = ImageComparison.compare(
///     expected: golden, actual: frame, tolerance: .init(maxChannelDelta: 2, maxDifferingFraction: 0.001))
/// if !result.passed { print(result.summary) }   // result.diffImage shows where
/// ```
public enum ImageComparison {
    /// How much two images may differ and still match.
    public struct Tolerance: Sendable, Equatable {
        /// Largest accepted difference in any channel of a pixel (0...255).
        public var maxChannelDelta: Int
        /// Largest accepted fraction of differing pixels (0...1).
        public var maxDifferingFraction: Double

        /// A tolerance.
        public init(maxChannelDelta: Int, maxDifferingFraction: Double) {
            self.maxChannelDelta = maxChannelDelta
            self.maxDifferingFraction = maxDifferingFraction
        }

        /// Every byte equal.
        public static let exact = Tolerance(maxChannelDelta: 0, maxDifferingFraction: 0)
    }

    /// What a comparison found.
    public struct Result: Sendable, Equatable {
        /// Size of the expected image.
        public var expectedSize: SIMD2<Int>
        /// Size of the actual image.
        public var actualSize: SIMD2<Int>
        /// Pixels with a channel difference over the tolerance (all pixels when sizes differ).
        public var differingPixels: Int
        /// Pixels of the expected image.
        public var totalPixels: Int
        /// Largest channel difference seen (0 when sizes differ).
        public var largestChannelDelta: Int
        /// Whether the images match within the tolerance (never when sizes differ).
        public var passed: Bool
        /// Differing pixels in red over a faded grey copy of the expected image; nil when the
        /// sizes differ.
        public var diffImage: RGBA8Image?

        /// Whether the images differ in size.
        public var sizeMismatch: Bool { expectedSize != actualSize }

        /// `differingPixels / totalPixels`.
        public var differingFraction: Double {
            totalPixels == 0 ? 0 : Double(differingPixels) / Double(totalPixels)
        }

        /// One line for a failure message.
        public var summary: String {
            if sizeMismatch {
                return "sizes differ: expected \(expectedSize.x)x\(expectedSize.y), "
                    + "actual \(actualSize.x)x\(actualSize.y)"
            }
            let percent = (differingFraction * 100_000).rounded() / 1000
            return "\(differingPixels) of \(totalPixels) pixels differ (\(percent)%), "
                + "largest channel difference \(largestChannelDelta)"
        }
    }

    /// Compares two images pixel by pixel.
    /// - Parameters:
    ///   - expected: the approved image.
    ///   - actual: the image under test.
    ///   - tolerance: accepted channel difference and fraction of differing pixels.
    /// - Returns: counts, the verdict and a diff image (a size mismatch is a failed result,
    ///   not an error).
    public static func compare(expected: RGBA8Image, actual: RGBA8Image, tolerance: Tolerance) -> Result {
        let expectedSize = SIMD2(expected.width, expected.height)
        let actualSize = SIMD2(actual.width, actual.height)
        let total = expected.width * expected.height
        guard expectedSize == actualSize else {
            return Result(
                expectedSize: expectedSize, actualSize: actualSize, differingPixels: total, totalPixels: total,
                largestChannelDelta: 0, passed: false, diffImage: nil)
        }
        var diff = [UInt8](repeating: 0, count: total * 4)
        var differing = 0
        var largest = 0
        expected.pixels.withUnsafeBufferPointer { e in
            actual.pixels.withUnsafeBufferPointer { a in
                diff.withUnsafeMutableBufferPointer { d in
                    for p in 0..<total {
                        let i = p * 4
                        var delta = 0
                        for c in 0..<4 { delta = max(delta, abs(Int(e[i + c]) - Int(a[i + c]))) }
                        largest = max(largest, delta)
                        if delta > tolerance.maxChannelDelta {
                            differing += 1
                            (d[i], d[i + 1], d[i + 2], d[i + 3]) = (255, 0, 0, 255)
                        } else {
                            // Rec. 601 luma of the expected pixel, faded 90% towards white.
                            let luma = (299 * Int(e[i]) + 587 * Int(e[i + 1]) + 114 * Int(e[i + 2])) / 1000
                            let faded = UInt8(255 - (255 - luma) * Int(e[i + 3]) / 2550)
                            (d[i], d[i + 1], d[i + 2], d[i + 3]) = (faded, faded, faded, 255)
                        }
                    }
                }
            }
        }
        let fraction = total == 0 ? 0 : Double(differing) / Double(total)
        return Result(
            expectedSize: expectedSize, actualSize: actualSize, differingPixels: differing, totalPixels: total,
            largestChannelDelta: largest, passed: fraction <= tolerance.maxDifferingFraction,
            diffImage: RGBA8Image(width: expected.width, height: expected.height, pixels: diff))
    }
}
