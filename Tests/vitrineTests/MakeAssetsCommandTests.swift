import ArgumentParser
import Foundation
import Testing
import VitrineTestSupport

@testable import vitrine

@Suite struct MakeAssetsCommandTests {
    @Test func parsesOptions() throws {
        let command = try MakeAssetsCommand.parse(["--out", "/tmp/x", "--only", "garments"])
        #expect(command.out == "/tmp/x")
        #expect(command.only == .garments)
        #expect(try MakeAssetsCommand.parse([]).out == "assets")
        #expect(throws: (any Error).self) { try MakeAssetsCommand.parse(["--only", "shoes"]) }
    }

    /// The built binary regenerates into a temporary folder the same bytes as committed.
    @Test func regeneratesTheCommittedFilesIntoATemporaryFolder() throws {
        let binary = try #require(VitrineBinary.url, "the vitrine binary is built beside the tests")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-assets-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        for group in ["accessories", "garments"] {
            let result = try VitrineBinary.run(binary, ["make-assets", "--out", out.path, "--only", group])
            #expect(result.status == 0, "\(result.stderr)")
            let written = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent(group).path)
            #expect(!written.isEmpty)
            for name in written {
                let made = try Data(contentsOf: out.appendingPathComponent(group).appendingPathComponent(name))
                let committed = try Data(contentsOf: Fixtures.repo("assets/\(group)/\(name)"))
                #expect(made == committed, "assets/\(group)/\(name) differs from make-assets")
                #expect(result.stdout.contains("\(group)/\(name)"))
            }
        }
    }
}
