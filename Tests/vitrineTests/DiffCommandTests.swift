import Foundation
import Render
import Testing
import VitrineTestSupport

@testable import vitrine

@Suite struct DiffCommandTests {
    @Test func parsesOptions() throws {
        let command = try DiffCommand.parse([
            "a.png", "b.png", "--threshold", "0.2", "--include-aa", "--alpha", "0.5", "--out", "d.png",
            "--max-diff-pixels", "10", "--max-diff-ratio", "0.01", "--resize", "--diff-mask",
        ])
        #expect(command.expected == "a.png" && command.actual == "b.png")
        #expect(command.threshold == 0.2 && command.includeAA && command.alpha == 0.5 && command.out == "d.png")
        #expect(command.maxDiffPixels == 10 && command.maxDiffRatio == 0.01 && command.resize && command.diffMask)
        let defaults = try DiffCommand.parse(["a.png", "b.png"])
        #expect(defaults.threshold == 0.1 && !defaults.includeAA && defaults.out == nil && !defaults.resize)
        #expect(throws: (any Error).self) { try DiffCommand.parse(["a.png", "b.png", "--threshold", "2"]) }
        #expect(throws: (any Error).self) { try DiffCommand.parse(["a.png"]) }
    }

    @Test func limits() throws {
        let result = Pixelmatch.Result(differingPixels: 5, totalPixels: 1000, diffImage: nil)
        #expect(try DiffCommand.parse(["a", "b"]).exceedsLimits(result))
        #expect(!(try DiffCommand.parse(["a", "b", "--max-diff-pixels", "5"]).exceedsLimits(result)))
        #expect(try DiffCommand.parse(["a", "b", "--max-diff-pixels", "4"]).exceedsLimits(result))
        #expect(!(try DiffCommand.parse(["a", "b", "--max-diff-ratio", "0.005"]).exceedsLimits(result)))
        #expect(try DiffCommand.parse(["a", "b", "--max-diff-ratio", "0.004"]).exceedsLimits(result))
        #expect(DiffCommand.percent(0.00381) == "0.381%")
    }

    /// End to end: the built binary prints the library's count first, writes the diff, and
    /// exits 0/1/2 as documented.
    @Test func endToEnd() throws {
        let binary = try #require(VitrineBinary.url, "build the vitrine executable first")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "vitrine-diff-cli-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let frame = try PNGCodec.decodeRGBA8(
            [UInt8](Data(contentsOf: Fixtures.shared("reference/llvmpipe/DamagedHelmet/512_linear/f00.png"))))
        var changed = frame
        for y in 100..<140 {
            for x in 200..<260 { changed[x, y] = [255, 0, 255, 255] }
        }
        let expectedURL = folder.appendingPathComponent("expected.png")
        let actualURL = folder.appendingPathComponent("actual.png")
        let diffURL = folder.appendingPathComponent("diff.png")
        try Data(PNGCodec.encode(frame)).write(to: expectedURL)
        try Data(PNGCodec.encode(changed)).write(to: actualURL)
        let library = try Pixelmatch.compare(frame, changed)

        let failing = try VitrineBinary.run(binary, ["diff", expectedURL.path, actualURL.path, "--out", diffURL.path])
        #expect(failing.status == 1)
        let firstLine = failing.stdout.split(separator: "\n").first.map(String.init)
        let percent = DiffCommand.percent(library.differingFraction)
        #expect(firstLine == "\(library.differingPixels) differing pixels (\(percent))")
        #expect(try PNGCodec.decodeRGBA8([UInt8](Data(contentsOf: diffURL))) == library.diffImage)

        let passing = try VitrineBinary.run(
            binary, ["diff", expectedURL.path, actualURL.path, "--max-diff-pixels", "\(library.differingPixels)"])
        #expect(passing.status == 0)
        let same = try VitrineBinary.run(binary, ["diff", expectedURL.path, expectedURL.path])
        #expect(same.status == 0 && same.stdout.hasPrefix("0 differing pixels (0.000%)"))

        // Different sizes: a clear error, or compared after --resize.
        let smallURL = folder.appendingPathComponent("small.png")
        try Data(PNGCodec.encode(frame.resized(width: 256, height: 256))).write(to: smallURL)
        let mismatch = try VitrineBinary.run(binary, ["diff", expectedURL.path, smallURL.path])
        #expect(mismatch.status == 2 && mismatch.stderr.contains("differ in size"))
        let resized = try VitrineBinary.run(
            binary, ["diff", expectedURL.path, smallURL.path, "--resize", "--max-diff-ratio", "1"])
        #expect(resized.status == 0 && resized.stdout.contains("differing pixels"))
        let unreadable = try VitrineBinary.run(
            binary, ["diff", expectedURL.path, folder.appendingPathComponent("none.png").path])
        #expect(unreadable.status == 2)
    }
}
