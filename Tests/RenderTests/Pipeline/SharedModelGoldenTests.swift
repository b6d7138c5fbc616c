import Batch
import Foundation
import Render
import Testing
import VitrineTestSupport

/// Golden pictures of shared glTF sample models in the full lit mode (image-based light,
/// sheen, clearcoat, variants, alpha blending, contact shadow), as a `vitrine golden` suite:
/// `Tests/RenderTests/Golden/shared-models.json`, verified with the same code as
/// `vitrine golden verify` (pixelmatch, threshold 0.1, anti-aliased pixels not counted).
///
/// The suite's model paths are written for a clone beside `shared/`
/// (`../../../../shared/models/...`); when that folder is elsewhere (a git worktree,
/// `VITRINE_SHARED`) they are moved onto ``Fixtures/shared``. `VITRINE_RECORD_GOLDENS=1`
/// re-records the approved pictures instead (look at them before committing).
@Suite struct SharedModelGoldenTests {
    static let suiteURL = Fixtures.repo("Tests/RenderTests/Golden/shared-models.json")

    /// The suite with its model paths pointing into ``Fixtures/shared``.
    static func suite() throws -> GoldenSuite {
        var suite = try GoldenSuite(contentsOf: suiteURL)
        for i in suite.cases.indices {
            let path = suite.cases[i].asset.path
            if let range = path.range(of: "/shared/", options: .backwards) {
                suite.cases[i].asset = Fixtures.shared(String(path[range.upperBound...]))
            }
        }
        return suite
    }

    /// Every case matches its approved picture with 0 differing pixels (the renderer is
    /// deterministic). On failure the report (expected / actual / diff, worst first) is written
    /// to `.build/golden-failures/shared-models/index.html`.
    @Test(.enabled(if: Fixtures.hasShared, "needs ../shared/models"))
    func sharedModelsMatchTheirApprovedPictures() throws {
        let suite = try Self.suite()
        #expect(suite.cases.count == 7)
        for c in suite.cases {
            #expect(FileManager.default.fileExists(atPath: c.asset.path), "\(c.name): no model at \(c.asset.path)")
        }
        let runner = GoldenRunner(suite: suite, jobs: 2)
        if ProcessInfo.processInfo.environment["VITRINE_RECORD_GOLDENS"] == "1" {
            let results = runner.record()
            let failed = results.filter { !$0.ok }.map(\.message)
            #expect(failed.isEmpty, "\(failed)")
            return
        }
        let results = runner.verify()
        #expect(results.count == suite.cases.count)
        let bad = results.filter { !$0.ok }
        if !bad.isEmpty {
            let folder = Fixtures.repositoryRoot.appendingPathComponent(".build/golden-failures/shared-models")
            try GoldenReport(results: results, suiteName: "shared-models.json").write(to: folder)
            let names = bad.map { "\($0.name): \($0.message)" }.joined(separator: "; ")
            Issue.record(
                Comment(
                    rawValue: "\(names). Report: \(folder.path)/index.html; re-approve with "
                        + "`VITRINE_RECORD_GOLDENS=1 swift test --filter SharedModelGoldenTests` if intended."))
        }
        for (c, r) in zip(suite.cases, results) where r.status == .passed {
            #expect(r.name == c.name && r.totalPixels == c.settings.size * c.settings.size && r.diff != nil)
        }
    }

    /// The two shoe colourways are different pictures (the variant reaches the renderer).
    @Test(.enabled(if: Fixtures.hasShared, "needs ../shared/models"))
    func shoeVariantsDiffer() throws {
        let suite = try Self.suite()
        let pictures = try ["shoe-beach", "shoe-street"].map { name in
            let c = try #require(suite.cases.first { $0.name == name })
            return try PNGCodec.decodeRGBA8([UInt8](try Data(contentsOf: c.approved)))
        }
        let result = try Pixelmatch.compare(pictures[0], pictures[1], options: suite.pixelmatch)
        #expect(result.differingPixels > 500)
    }
}
