import Foundation
import Testing
import VitrineTestSupport

/// The viewer page of `vitrine serve` in headless Chromium (`Tests/Browser/run-viewer-test.sh`):
/// it loads, every frame of the spin loads, a drag and an arrow key turn the product, no script
/// error; then the try-on page with a shared photo (points clicked, result shown); screenshots are kept in `.build/test-artifacts/server/`. Skipped (with the reason
/// printed) when chromium or node is missing.
@Suite struct ServeViewerBrowserTests {
    @Test func theViewerLoadsAndADragTurnsTheProduct() throws {
        let binary = try #require(VitrineBinary.url, "build the vitrine binary first")
        let script = Fixtures.repo("Tests/Browser/run-viewer-test.sh")
        let result = try VitrineBinary.run(
            URL(fileURLWithPath: "/bin/bash"), [script.path, binary.path, "sneaker"],
            currentDirectory: Fixtures.repo(""))
        let output = result.stdout + result.stderr
        if output.hasPrefix("SKIP:") {
            print("ServeViewerBrowserTests: \(output)")
            return
        }
        #expect(result.status == 0, "\(output)")
        #expect(output.contains("PASS"), "\(output)")
        let screenshot = Fixtures.artifactDirectory("server").appendingPathComponent("viewer-after-drag.png")
        #expect(FileManager.default.fileExists(atPath: screenshot.path))
        if Fixtures.hasShared {
            // The try-on page: photo chosen, points clicked, garment tried on (tryon-test.mjs).
            #expect(output.components(separatedBy: "PASS").count == 3, "\(output)")
            let result = Fixtures.artifactDirectory("server").appendingPathComponent("tryon-result.png")
            #expect(FileManager.default.fileExists(atPath: result.path))
        }
    }
}
