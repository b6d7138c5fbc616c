import Foundation
import Testing
import VitrineTestSupport

@Suite struct VersionCommandTests {
    /// Runs the built `vitrine` binary and checks its output and exit status.
    @Test func versionPrintsRendererVersion() throws {
        let binary = try #require(VitrineBinary.url, "the vitrine binary is built beside the tests")
        let result = try VitrineBinary.run(binary, ["version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("vitrine "))
    }
}
