import Foundation
import Render
import Testing
import VitrineTestSupport

@testable import vitrine

/// `vitrine golden record|verify` end to end: record approves, verify passes on the same
/// renders, a changed approved picture fails with exit status 1, an HTML report and JUnit XML.
@Suite struct GoldenCommandTests {
    @Test func parses() throws {
        let c = try GoldenCommand.parse(["verify", "s.json", "--report", "r", "--jobs", "1"])
        #expect(c.mode == .verify && c.suite == "s.json" && c.report == "r" && c.jobs == 1)
        #expect(throws: (any Error).self) { try GoldenCommand.parse(["approve", "s.json"]) }
    }

    @Test func recordThenVerifyThenCatchAChange() throws {
        let binary = try #require(VitrineBinary.url)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-golden-cli-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let suite = folder.appendingPathComponent("suite.json")
        let mug = Fixtures.repo("assets/products/mug.glb").path
        let bottle = Fixtures.repo("assets/products/bottle.glb").path
        try Data(
            """
            {"version": 1, "defaults": {"size": 64, "samples": 2, "background": "#EEEEEE"},
             "renders": [{"name": "mug", "asset": "\(mug)"}, {"name": "bottle", "asset": "\(bottle)", "yaw": 120}]}
            """.utf8
        ).write(to: suite)
        let report = folder.appendingPathComponent("report")

        let missing = try VitrineBinary.run(binary, ["golden", "verify", suite.path, "--report", report.path])
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("MISSING  mug"), "\(missing.stdout)")

        let record = try VitrineBinary.run(binary, ["golden", "record", suite.path])
        #expect(record.status == 0, "\(record.stderr)")
        let approved = folder.appendingPathComponent("approved/mug.png")
        let image = try PNGCodec.decodeRGBA8([UInt8](Data(contentsOf: approved)))
        #expect(image.width == 64 && image.height == 64)

        let pass = try VitrineBinary.run(binary, ["golden", "verify", suite.path, "--report", report.path])
        #expect(pass.status == 0, "\(pass.stdout) \(pass.stderr)")
        #expect(pass.stdout.contains("2 of 2 passed"))

        // Paint a block into the approved picture: verify must find exactly those pixels.
        var changed = image
        for y in 10..<14 { for x in 20..<25 { changed[x, y] = [255, 0, 255, 255] } }
        try Data(PNGCodec.encode(changed)).write(to: approved)
        let fail = try VitrineBinary.run(binary, ["golden", "verify", suite.path, "--report", report.path])
        #expect(fail.status == 1)
        let expectedCount = try Pixelmatch.compare(changed, image).differingPixels
        #expect(expectedCount > 0 && expectedCount <= 20)
        #expect(fail.stdout.contains("FAILED   mug: \(expectedCount) differing pixels"), "\(fail.stdout)")
        let junit = try String(contentsOf: report.appendingPathComponent("junit.xml"), encoding: .utf8)
        #expect(junit.contains(#"tests="2" failures="1" errors="0""#))
        let html = try String(contentsOf: report.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.range(of: "<b>mug</b>")!.lowerBound < html.range(of: "<b>bottle</b>")!.lowerBound)
        for kind in ["expected", "actual", "diff"] {
            #expect(
                FileManager.default.fileExists(atPath: report.appendingPathComponent("images/mug-\(kind).png").path))
        }
    }
}
