import Foundation
import Render
import Testing
import VitrineTestSupport

@testable import vitrine

@Suite struct TurntableCommandTests {
    @Test func parsesFramesRowsAndSprite() throws {
        let c = try TurntableCommand.parse(["m.glb", "--frames", "12", "--rows", "3", "--sprite", "--out", "dir"])
        #expect(c.frames == 12 && c.rows == 3 && c.sprite && c.out == "dir")
        #expect(throws: (any Error).self) { try TurntableCommand.parse(["m.glb", "--frames", "0", "--out", "d"]) }
    }

    /// The same turntable with 1 and 2 threads, and a second run, gives identical bytes: every
    /// frame, the sprite sheet and the manifest (which holds their SHA-256).
    @Test func turntableBytesDoNotDependOnThreadsOrRuns() throws {
        let binary = try #require(VitrineBinary.url)
        let model = Fixtures.shared("models/DamagedHelmet/glTF-Binary/DamagedHelmet.glb").path
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-tt-\(UUID())")
        defer { try? FileManager.default.removeItem(at: base) }
        var outputs: [[String: Data]] = []
        for (run, threads) in [(0, 1), (1, 2), (2, 2)] {
            let dir = base.appendingPathComponent("run\(run)")
            let result = try VitrineBinary.run(
                binary,
                [
                    "turntable", model, "--frames", "6", "--rows", "2", "--size", "96", "--aa", "4", "--sprite",
                    "--threads", "\(threads)", "--out", dir.path,
                ])
            #expect(result.status == 0, "\(result.stderr)")
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
                files[name] = try Data(contentsOf: dir.appendingPathComponent(name))
            }
            outputs.append(files)
        }
        #expect(outputs[0].count == 6 * 2 + 2)  // frames, sprite.png, manifest.json
        #expect(outputs[0] == outputs[1])
        #expect(outputs[1] == outputs[2])
        let manifestData = try #require(outputs[0]["manifest.json"])
        let manifest = try #require(try JSONSerialization.jsonObject(with: manifestData) as? [String: Any])
        let images = try #require(manifest["images"] as? [[String: Any]])
        #expect(images.count == 12)
        #expect(
            images.map { $0["pitch"] as? Double } == [Double](repeating: 5, count: 6)
                + [Double](repeating: 25, count: 6))
        let spriteData = try #require(outputs[0]["sprite.png"])
        let sprite = try ImageCodec.decodeRGBA8([UInt8](spriteData))
        #expect(sprite.width == 96 * 6 && sprite.height == 96 * 2)
    }
}
