import Foundation
import Testing
import VitrineTestSupport

@testable import Render
@testable import VitrineTestSupport

@Suite struct GoldenTests {
    static func temporaryFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "vitrine-golden-\(name)-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Recording writes the golden; the same image then passes, even with small changes
    /// within the tolerance.
    @Test func recordThenPass() throws {
        let folder = try Self.temporaryFolder("record")
        defer { try? FileManager.default.removeItem(at: folder) }
        let image = TestImages.gradient(width: 32, height: 24)
        var golden = GoldenFile(name: "golden-test-record", directory: folder, sourceLocation: #_sourceLocation)
        golden.recording = true
        golden.check(image) { _ in (false, "never called when recording", nil) }
        let written = try PNGCodec.decodeRGBA8(
            [UInt8](Data(contentsOf: folder.appendingPathComponent("golden-test-record.png"))))
        #expect(written == image)
        var nearly = image
        nearly.pixels[5] = nearly.pixels[5] &+ 1
        assertGolden(nearly, named: "golden-test-record", directory: folder)
        assertGolden(image, named: "golden-test-record", directory: folder, pixelmatch: .init())
    }

    /// A difference past the tolerance is a failure that writes actual, expected and diff
    /// images and names them.
    @Test func mismatchWritesFailureImages() throws {
        let folder = try Self.temporaryFolder("mismatch")
        defer { try? FileManager.default.removeItem(at: folder) }
        let image = TestImages.gradient(width: 16, height: 16)
        try Data(PNGCodec.encode(image)).write(to: folder.appendingPathComponent("golden-test-mismatch.png"))
        var changed = image
        for x in 0..<16 { changed[x, 3] = [0, 0, 0, 255] }
        let failures = Fixtures.repositoryRoot.appendingPathComponent(".build/golden-failures/golden-test-mismatch")
        try? FileManager.default.removeItem(at: failures)
        withKnownIssue {
            assertGolden(changed, named: "golden-test-mismatch", directory: folder)
        } matching: { issue in
            let text = "\(issue)"
            return text.contains("16 of 256 pixels differ") && text.contains(failures.path)
        }
        for file in ["actual", "expected", "diff"] {
            let url = failures.appendingPathComponent("\(file).png")
            #expect(FileManager.default.fileExists(atPath: url.path), "\(file).png")
        }
        let diff = try PNGCodec.decodeRGBA8([UInt8](Data(contentsOf: failures.appendingPathComponent("diff.png"))))
        #expect(diff[5, 3] == [255, 0, 0, 255])
        #expect(diff[5, 4] != [255, 0, 0, 255])
    }

    /// A missing golden fails and says how to record it.
    @Test func missingGoldenSaysHowToRecord() throws {
        let folder = try Self.temporaryFolder("missing")
        defer { try? FileManager.default.removeItem(at: folder) }
        withKnownIssue {
            assertGolden(TestImages.gradient(width: 4, height: 4), named: "golden-test-missing", directory: folder)
        } matching: { issue in
            "\(issue)".contains("VITRINE_RECORD_GOLDENS=1") && "\(issue)".contains("is missing")
        }
    }
}
