import ArgumentParser
import Foundation
import Render

/// `vitrine diff EXPECTED ACTUAL`: the pixelmatch comparison of two PNG/JPEG images.
///
/// Prints `N differing pixels (R%)` first, then details; writes the diff image with `--out`;
/// exits 1 when the difference is past `--max-diff-pixels` / `--max-diff-ratio` (by default
/// any differing pixel), 2 when the images cannot be read or differ in size (unless
/// `--resize`).
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two images with pixelmatch (perceptual colour distance, anti-aliasing ignored).",
        discussion: """
            Exit status: 0 when the images match within the limits, 1 when they differ past them, \
            2 when an image cannot be read or the sizes differ (without --resize).
            Example: vitrine diff golden.png frame.png --threshold 0.1 --out diff.png --max-diff-ratio 0.001
            """)

    @Argument(help: "The approved image (PNG or JPEG); the diff image fades it in grey.")
    var expected: String

    @Argument(help: "The image to check (PNG or JPEG).")
    var actual: String

    @Option(help: "Matching threshold 0...1, smaller is more sensitive (pixelmatch's YIQ threshold).")
    var threshold: Double = 0.1

    @Flag(name: .customLong("include-aa"), help: "Count anti-aliased pixels as differences too.")
    var includeAA = false

    @Option(help: "Opacity 0...1 of the expected image under the diff.")
    var alpha: Double = 0.1

    @Option(help: "Write the diff image (PNG) here.")
    var out: String?

    @Flag(name: .customLong("diff-mask"), help: "Draw only the differences, over transparency.")
    var diffMask = false

    @Option(name: .customLong("max-diff-pixels"), help: "Fail when more pixels than this differ.")
    var maxDiffPixels: Int?

    @Option(name: .customLong("max-diff-ratio"), help: "Fail when a larger fraction (0...1) of pixels differs.")
    var maxDiffRatio: Double?

    @Flag(help: "Resize ACTUAL to EXPECTED's size first instead of failing on different sizes.")
    var resize = false

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be within 0...1") }
        guard (0...1).contains(alpha) else { throw ValidationError("--alpha must be within 0...1") }
        if let maxDiffPixels, maxDiffPixels < 0 { throw ValidationError("--max-diff-pixels must be >= 0") }
        if let maxDiffRatio, !(0...1).contains(maxDiffRatio) {
            throw ValidationError("--max-diff-ratio must be within 0...1")
        }
    }

    func run() throws {
        let expectedImage = try load(expected)
        var actualImage = try load(actual)
        if expectedImage.width != actualImage.width || expectedImage.height != actualImage.height {
            guard resize else {
                printError(
                    "error: images differ in size: \(expected) is \(expectedImage.width)x\(expectedImage.height), "
                        + "\(actual) is \(actualImage.width)x\(actualImage.height) (use --resize to compare anyway)")
                throw ExitCode(2)
            }
            actualImage = actualImage.resized(width: expectedImage.width, height: expectedImage.height)
        }
        let options = Pixelmatch.Options(threshold: threshold, includeAA: includeAA, alpha: alpha, diffMask: diffMask)
        let result = try Pixelmatch.compare(expectedImage, actualImage, options: options, diffImage: out != nil)
        print("\(result.differingPixels) differing pixels (\(Self.percent(result.differingFraction)))")
        print(
            "compared \(expectedImage.width)x\(expectedImage.height)\(resize ? " (actual resized)" : ""), "
                + "threshold \(threshold), anti-aliased pixels \(includeAA ? "counted" : "ignored")")
        if let out, let diff = result.diffImage {
            do {
                try Data(PNGCodec.encode(diff)).write(to: URL(fileURLWithPath: out), options: .atomic)
                print("diff image: \(out)")
            } catch {
                printError("error: cannot write \(out): \(error)")
                throw ExitCode(2)
            }
        }
        if exceedsLimits(result) {
            print("FAIL: over the limit (\(limitDescription))")
            throw ExitCode(1)
        }
    }

    /// Whether the result is past the limits; without any limit, any differing pixel is.
    func exceedsLimits(_ result: Pixelmatch.Result) -> Bool {
        if maxDiffPixels == nil && maxDiffRatio == nil { return result.differingPixels > 0 }
        if let maxDiffPixels, result.differingPixels > maxDiffPixels { return true }
        if let maxDiffRatio, result.differingFraction > maxDiffRatio { return true }
        return false
    }

    private var limitDescription: String {
        var parts: [String] = []
        if let maxDiffPixels { parts.append("--max-diff-pixels \(maxDiffPixels)") }
        if let maxDiffRatio { parts.append("--max-diff-ratio \(maxDiffRatio)") }
        return parts.isEmpty ? "no differing pixel allowed" : parts.joined(separator: ", ")
    }

    /// `R%` with three decimals (0.001% is 1 pixel in 100 000).
    static func percent(_ fraction: Double) -> String { String(format: "%.3f%%", fraction * 100) }

    private func load(_ path: String) throws -> RGBA8Image {
        guard let data = FileManager.default.contents(atPath: path) else {
            printError("error: cannot read \(path)")
            throw ExitCode(2)
        }
        do {
            return try ImageCodec.decodeRGBA8([UInt8](data))
        } catch {
            printError("error: \(path): \(error)")
            throw ExitCode(2)
        }
    }

    private func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
