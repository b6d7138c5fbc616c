import Foundation
import Testing
import VitrineTestSupport

@testable import AssetGenerator

/// Every sample asset, generated once for all the suites that look at them.
enum Generated {
    static let files: [SampleAssets.File] = {
        do {
            return try SampleAssets.generate()
        } catch {
            Issue.record("generation failed: \(error)")
            return []
        }
    }()

    /// A generated file by path (`products/mug.glb`).
    static func file(_ path: String) -> [UInt8]? { files.first { $0.path == path }?.bytes }

    /// The committed `assets/` folder.
    static let committed = Fixtures.repo("assets")
}
