import Foundation
import Render
import Testing
import VitrineTestSupport

@testable import Batch

/// The project's own visual regression suite (`samples/golden/products.json`), verified with
/// the same code as `vitrine golden verify`, and the suite format's errors.
@Suite struct GoldenSuiteTests {
    static let suiteURL = Fixtures.repo("samples/golden/products.json")

    /// Every bundled product render matches its approved picture (pixelmatch, threshold 0.1,
    /// anti-aliased pixels not counted, 0 differing pixels allowed). On failure the report
    /// (expected / actual / diff) is written under `.build/golden-failures/products/`.
    @Test func productsMatchTheirApprovedPictures() throws {
        let suite = try GoldenSuite(contentsOf: Self.suiteURL)
        #expect(suite.cases.count == 7)
        let results = GoldenRunner(suite: suite, jobs: 2).verify()
        #expect(results.count == suite.cases.count)
        let bad = results.filter { !$0.ok }
        if !bad.isEmpty {
            let folder = Fixtures.repositoryRoot.appendingPathComponent(".build/golden-failures/products")
            try GoldenReport(results: results, suiteName: "products.json").write(to: folder)
            let names = bad.map { "\($0.name): \($0.message)" }.joined(separator: "; ")
            let message =
                "\(names). Report: \(folder.path)/index.html; re-approve with "
                + "`vitrine golden record samples/golden/products.json` if the change is intended."
            Issue.record(Comment(rawValue: message))
        }
        for r in results where r.status == .passed {
            #expect(r.totalPixels == 96 * 96 && r.expected != nil && r.actual != nil && r.diff != nil)
        }
    }

    @Test func readsDefaultsAndPaths() throws {
        let suite = try GoldenSuite(contentsOf: Self.suiteURL)
        let first = try #require(suite.cases.first)
        #expect(first.name == "mug-front" && first.yaw == 0 && first.pitch == 15 && first.settings.size == 96)
        #expect(first.settings.background == "#FFFFFF" && first.maxDiffPixels == 0)
        #expect(first.asset == Fixtures.repo("assets/products/mug.glb").standardizedFileURL)
        #expect(first.approved == Fixtures.repo("samples/golden/approved/mug-front.png").standardizedFileURL)
        #expect(suite.cases[1].settings.background == "transparent" && suite.cases[1].yaw == 90)
        #expect(suite.cases.first { $0.name == "sneaker-navy-suede" }?.variant == "Navy Suede")
        #expect(suite.pixelmatch.threshold == 0.1 && !suite.pixelmatch.includeAA)
    }

    @Test func rejectsBadSuites() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-suite-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases: [(String, String)] = [
            (
                #"{"version": 1, "renders": [{"name": "a", "asset": "m.glb", "yaww": 3}]}"#,
                "renders[0].yaww: unknown key"
            ),
            (#"{"version": 1, "renders": [{"name": "a"}]}"#, "renders[0].asset: is required"),
            (#"{"version": 1, "renders": [{"name": "a", "asset": "m", "pitch": 91}]}"#, "renders[0].pitch: must be in"),
            (#"{"version": 1, "compare": {"threshold": 2}, "renders": []}"#, "compare.threshold: must be in 0...1"),
            (#"{"version": 1, "renders": [{"name": "a", "asset": "m"}, {"name": "a", "asset": "m"}]}"#, "listed twice"),
        ]
        for (json, message) in cases {
            let url = folder.appendingPathComponent("suite.json")
            try Data(json.utf8).write(to: url)
            #expect {
                try GoldenSuite(contentsOf: url)
            } throws: { error in
                "\(error)".contains(message) && "\(error)".contains(url.path)
            }
        }
    }
}
