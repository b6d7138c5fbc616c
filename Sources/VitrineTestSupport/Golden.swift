import Foundation
import Render
import Testing

/// Compares an image with its approved ("golden") PNG and records a Swift Testing issue when
/// they differ beyond the tolerance.
///
/// - The golden is `directory/<name>.png`; the caller finds its folder through `#filePath`.
/// - On failure `actual.png`, `expected.png` and `diff.png` (differences in red over a faded
///   copy of the expected image) are written under `.build/golden-failures/<name>/`, and the
///   issue names them.
/// - A missing golden is a failure that says how to record it.
/// - With `VITRINE_RECORD_GOLDENS=1` the golden is (re)written from `image` and the test passes.
///
/// ```swift
/// let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
/// assertGolden(frame, named: "helmet-front", directory: goldens,
///              tolerance: .init(maxChannelDelta: 2, maxDifferingFraction: 0.001))
/// ```
/// - Parameters:
///   - image: the image under test.
///   - name: file name of the golden without `.png` (letters, digits, `-`, `_`, `.`).
///   - directory: the folder holding the goldens.
///   - tolerance: accepted channel difference and fraction of differing pixels.
///   - sourceLocation: where the issue is reported (the caller's line by default).
public func assertGolden(
    _ image: RGBA8Image, named name: String, directory: URL,
    tolerance: ImageComparison.Tolerance = .init(maxChannelDelta: 2, maxDifferingFraction: 0.001),
    sourceLocation: SourceLocation = #_sourceLocation
) {
    GoldenFile(name: name, directory: directory, sourceLocation: sourceLocation).check(image) { expected in
        let result = ImageComparison.compare(expected: expected, actual: image, tolerance: tolerance)
        return (result.passed, result.summary, result.diffImage)
    }
}

/// Like ``assertGolden(_:named:directory:tolerance:sourceLocation:)`` but with the perceptual
/// pixelmatch comparison of `vitrine diff`: passes when at most `maxDifferingPixels` pixels
/// differ under `options`.
public func assertGolden(
    _ image: RGBA8Image, named name: String, directory: URL, pixelmatch options: Pixelmatch.Options,
    maxDifferingPixels: Int = 0, sourceLocation: SourceLocation = #_sourceLocation
) {
    GoldenFile(name: name, directory: directory, sourceLocation: sourceLocation).check(image) { expected in
        do {
            let result = try Pixelmatch.compare(expected, image, options: options)
            let summary = "\(result.differingPixels) differing pixels (pixelmatch threshold \(options.threshold))"
            return (result.differingPixels <= maxDifferingPixels, summary, result.diffImage)
        } catch {
            return (false, "\(error)", nil)
        }
    }
}

/// One golden file: recording, loading, and writing failure artefacts.
struct GoldenFile {
    var name: String
    var directory: URL
    var sourceLocation: SourceLocation
    /// Whether to (re)write the golden instead of comparing; `VITRINE_RECORD_GOLDENS=1`.
    var recording = ProcessInfo.processInfo.environment["VITRINE_RECORD_GOLDENS"] == "1"

    var url: URL { directory.appendingPathComponent("\(name).png") }

    /// Where failure images go: `.build/golden-failures/<name>/`.
    var failureDirectory: URL {
        Fixtures.repositoryRoot.appendingPathComponent(".build/golden-failures").appendingPathComponent(name)
    }

    /// Records, or loads the golden and runs `compare` (passed, summary, diff image).
    func check(_ image: RGBA8Image, compare: (RGBA8Image) -> (Bool, String, RGBA8Image?)) {
        do {
            if recording {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try Data(PNGCodec.encode(image, compression: .level(12))).write(to: url, options: .atomic)
                return
            }
            guard FileManager.default.fileExists(atPath: url.path) else {
                let actual = try writeFailure(actual: image, expected: nil, diff: nil)
                let message =
                    "Golden '\(name)' is missing: \(url.path). The image is in \(actual). Record it with "
                    + "VITRINE_RECORD_GOLDENS=1 (e.g. `VITRINE_RECORD_GOLDENS=1 swift test --filter <test>`), "
                    + "look at it, and commit it."
                Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
                return
            }
            let expected = try PNGCodec.decodeRGBA8([UInt8](Data(contentsOf: url)))
            let (passed, summary, diff) = compare(expected)
            if passed { return }
            let folder = try writeFailure(actual: image, expected: expected, diff: diff)
            let message =
                "Golden '\(name)' differs: \(summary). See \(folder)/actual.png, expected.png and diff.png "
                + "(golden: \(url.path); re-record with VITRINE_RECORD_GOLDENS=1 if the change is intended)."
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        } catch {
            Issue.record("Golden '\(name)': \(error)", sourceLocation: sourceLocation)
        }
    }

    /// Writes the failure images and returns their folder's path.
    private func writeFailure(actual: RGBA8Image, expected: RGBA8Image?, diff: RGBA8Image?) throws -> String {
        let folder = failureDirectory
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let images = [("actual", actual), ("expected", expected), ("diff", diff)]
        for (file, image) in images {
            let path = folder.appendingPathComponent("\(file).png")
            if let image, image.width > 0, image.height > 0 {
                try Data(PNGCodec.encode(image)).write(to: path, options: .atomic)
            } else {
                try? FileManager.default.removeItem(at: path)
            }
        }
        return folder.path
    }
}
