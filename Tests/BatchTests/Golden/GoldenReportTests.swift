import Foundation
import Render
import Testing

@testable import Batch

/// The HTML and JUnit reports: worst first, escaped, one test case per render.
@Suite struct GoldenReportTests {
    static let results: [GoldenResult] = {
        let image = RGBA8Image(width: 4, height: 4, fill: [10, 20, 30, 255])
        return [
            GoldenResult(
                name: "ok", status: .passed, totalPixels: 16, message: "0 differing", expected: image, actual: image,
                diff: image),
            GoldenResult(
                name: "bit-off", status: .failed, differingPixels: 1, totalPixels: 16,
                message: "1 <differing> & \"so\"", expected: image, actual: image, diff: image),
            GoldenResult(
                name: "way-off", status: .failed, differingPixels: 9, totalPixels: 16, message: "9 differing",
                expected: image, actual: image, diff: image),
            GoldenResult(name: "new", status: .missing, message: "no approved picture", actual: image),
            GoldenResult(name: "bad", status: .error, message: "asset missing"),
        ]
    }()

    @Test func worstFirst() {
        #expect(GoldenResult.worstFirst(Self.results).map(\.name) == ["bad", "new", "way-off", "bit-off", "ok"])
    }

    @Test func junitCountsFailuresAndErrors() throws {
        let xml = GoldenReport(results: Self.results, suiteName: "s.json").junit()
        #expect(xml.contains(#"<testsuite name="s.json" tests="5" failures="3" errors="1""#))
        #expect(xml.contains(#"<failure message="1 &lt;differing&gt; &amp; &quot;so&quot;" type="failed" />"#))
        #expect(xml.contains(#"<failure message="no approved picture" type="missing" />"#))
        #expect(xml.contains(#"<error message="asset missing" type="error" />"#))
        #expect(xml.components(separatedBy: "<testcase ").count == 6)
        #expect(xml.hasPrefix("<?xml") && xml.hasSuffix("</testsuites>\n"))
    }

    @Test func htmlShowsPicturesWorstFirstAndWritesFiles() throws {
        let report = GoldenReport(results: Self.results, suiteName: "s.json")
        let html = report.html()
        let order = ["bad", "new", "way-off", "bit-off", "ok"].map { html.range(of: "<b>\($0)</b>")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && zip(order, order.dropFirst()).allSatisfy { $0! < $1! })
        #expect(html.contains("1 &lt;differing&gt;"))
        #expect(html.contains(#"<img src="images/way-off-diff.png""#))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-report-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try report.write(to: folder)
        let images = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("images").path)
        #expect(images.count == 3 * 3 + 1)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("junit.xml").path))
        let diff = try PNGCodec.decodeRGBA8(
            [UInt8](Data(contentsOf: folder.appendingPathComponent("images/ok-diff.png"))))
        #expect(diff == Self.results[0].diff)
    }
}
