import Foundation
import Render
import Testing
import VitrineTestSupport

@testable import AssetGenerator

@Suite struct SampleAssetsTests {
    /// The committed files are exactly what the generator makes now: regenerate (in memory)
    /// and compare bytes; a mismatch writes the new file under .build/test-artifacts.
    @Test func committedAssetsMatchTheGenerator() throws {
        #expect(!Generated.files.isEmpty)
        for file in Generated.files {
            let url = Generated.committed.appendingPathComponent(file.path)
            let committed = try? [UInt8](Data(contentsOf: url))
            if committed != file.bytes {
                let out = Fixtures.artifactDirectory("assets").appendingPathComponent(file.path)
                try? FileManager.default.createDirectory(
                    at: out.deletingLastPathComponent(), withIntermediateDirectories: true)
                try? Data(file.bytes).write(to: out)
                Issue.record(
                    "\(file.path) differs from the generator (regenerated copy in \(out.path)); run `vitrine make-assets`"
                )
            }
        }
    }

    /// No stale file lies in assets/ that the generator no longer makes.
    @Test func noExtraFilesInTheAssetsFolder() throws {
        let generated = Set(Generated.files.map(\.path))
        for group in SampleAssets.Group.allCases {
            let dir = Generated.committed.appendingPathComponent(group.rawValue)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for name in names where !name.hasPrefix(".") {
                #expect(
                    generated.contains("\(group.rawValue)/\(name)"), "assets/\(group.rawValue)/\(name) is not generated"
                )
            }
        }
    }

    @Test func sizesStayWithinBudget() {
        let total = Generated.files.reduce(0) { $0 + $1.bytes.count }
        #expect(total < 8_000_000, "assets total \(total) bytes")
        for file in Generated.files {
            #expect(file.bytes.count < 4_000_000, "\(file.path): \(file.bytes.count) bytes")
            if file.path.hasPrefix("products/") { #expect(file.bytes.count < 2_000_000, "\(file.path)") }
        }
    }

    @Test func onlyOneGroup() throws {
        let files = try SampleAssets.generate([.accessories])
        #expect(files.map(\.path) == ["accessories/sunglasses.glb", "accessories/sunglasses.json"])
        #expect(files == Generated.files.filter { $0.path.hasPrefix("accessories/") })
    }
}
