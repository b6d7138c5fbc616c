import Foundation
import Render
import Testing
import VitrineTestSupport

@testable import Batch

/// The runner in process: a damaged and a missing frame are rendered again (and only they),
/// the manifest comes out the same, and the sprite sheet holds the frames.
@Suite struct PrerendererTests {
    static func catalogue(in folder: URL) throws -> Catalogue {
        let json = """
            {"version": 1,
             "presets": [{"id": "spin", "size": 48, "frames": 4, "pitch": [0, 40], "samples": 1, "format": "png"}],
             "assets": [{"id": "bottle", "path": "\(Fixtures.repo("assets/products/bottle.glb").path)",
                         "presets": ["spin"]}]}
            """
        return try Catalogue(data: Data(json.utf8), file: folder.appendingPathComponent("c.json"))
    }

    @Test func rendersOnlyMissingOrDamagedFrames() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-prerenderer-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = PrerenderPlan(catalogue: try Self.catalogue(in: folder))
        let output = PrerenderOutput(root: folder.appendingPathComponent("out"))
        let first = Prerenderer(plan: plan, output: output, shard: .all, jobs: 2).run()
        #expect(first.frames == 8 && first.rendered == 8 && first.skipped == 0 && first.failed == 0)
        #expect(first.manifests == 1 && first.succeeded)

        let asset = plan.assets[0]
        let hashFolder = output.hashFolder(asset)
        let manifestURL = hashFolder.appendingPathComponent("manifest.json")
        let manifestBytes = try Data(contentsOf: manifestURL)
        let manifest = try JSONDecoder().decode(PrerenderManifest.self, from: manifestBytes)
        let frames = try #require(manifest.turntables.first?.frames)
        #expect(
            frames.map(\.pitch) == [0, 0, 0, 0, 40, 40, 40, 40]
                && frames.map(\.yaw) == [0, 90, 180, 270, 0, 90, 180, 270])

        // The sprite sheet holds frame 5 (row 1, column 1) at its place.
        let sprite = try #require(manifest.turntables.first?.sprite)
        #expect(sprite.width == 4 * 48 && sprite.height == 2 * 48)
        let sheet = try PNGCodec.decodeRGBA8(
            [UInt8](Data(contentsOf: hashFolder.appendingPathComponent(sprite.file.url))))
        let cell = try PNGCodec.decodeRGBA8(
            [UInt8](Data(contentsOf: hashFolder.appendingPathComponent(frames[5].file.url))))
        for y in stride(from: 0, to: 48, by: 7) {
            for x in stride(from: 0, to: 48, by: 5) { #expect(sheet[48 + x, 48 + y] == cell[x, y]) }
        }

        // Cut one frame short, delete another, leave a temporary file behind.
        let damaged = hashFolder.appendingPathComponent(frames[2].file.url)
        try Data(try Data(contentsOf: damaged).prefix(100)).write(to: damaged)
        try FileManager.default.removeItem(at: hashFolder.appendingPathComponent(frames[6].file.url))
        let spinFolder = hashFolder.appendingPathComponent("spin/default")
        try Data("partial".utf8).write(to: spinFolder.appendingPathComponent(".p40_f002.0123456789ab.png.1-2.tmp"))

        let second = Prerenderer(plan: plan, output: output, shard: .all, jobs: 1).run()
        #expect(second.rendered == 2 && second.skipped == 6 && second.failed == 0 && second.manifests == 1)
        #expect(try Data(contentsOf: manifestURL) == manifestBytes)
        let names = try FileManager.default.contentsOfDirectory(atPath: spinFolder.path)
        #expect(names.count == 9 && !names.contains { $0.hasSuffix(".tmp") })
    }

    @Test func aShardRendersItsFramesAndLeavesTheManifestToTheLast() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-prerenderer-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = PrerenderPlan(catalogue: try Self.catalogue(in: folder))
        let output = PrerenderOutput(root: folder.appendingPathComponent("out"))
        let a = Prerenderer(plan: plan, output: output, shard: Shard(index: 1, count: 3), jobs: 1).run()
        #expect(a.frames == 3 && a.rendered == 3 && a.manifests == 0 && a.shard == "1/3")
        let b = Prerenderer(plan: plan, output: output, shard: Shard(index: 0, count: 3), jobs: 1).run()
        #expect(b.frames == 3 && b.rendered == 3 && b.manifests == 0)
        let c = Prerenderer(plan: plan, output: output, shard: Shard(index: 2, count: 3), jobs: 2).run()
        #expect(c.frames == 2 && c.rendered == 2 && c.manifests == 1)
        #expect(
            FileManager.default.fileExists(
                atPath: output.hashFolder(plan.assets[0]).appendingPathComponent("manifest.json").path))
    }
}
