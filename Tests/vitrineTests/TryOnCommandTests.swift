import Foundation
import Render
import Testing
import VitrineTestSupport

@testable import vitrine

@Suite struct TryOnCommandTests {
    @Test func parsesEveryOption() throws {
        let command = try TryOnCommand.parse([
            "--photo", "p.jpg", "--keypoints", "k.json", "--garment", "a", "--garment", "b", "--items", "dir",
            "--format", "png", "--quality", "70", "--mask", "m.png", "--shadow", "--size", "540x720", "--person", "1",
            "--threshold", "0.3", "--no-estimates", "--no-shading", "--no-feather", "--lambda", "0.05", "--out",
            "o.png",
        ])
        #expect(command.garments == ["a", "b"])
        #expect(command.format == .png)
        #expect(command.shadow && command.noEstimates && command.noShading && command.noFeather)
        #expect(TryOnCommand.parseSize(command.size ?? "")! == (540, 720))
    }

    @Test func rejectsBadArguments() {
        #expect(throws: (any Error).self) {
            try TryOnCommand.parse(["--photo", "p", "--keypoints", "k", "--out", "o"])
        }
        #expect(throws: (any Error).self) {
            try TryOnCommand.parse([
                "--photo", "p", "--keypoints", "k", "--garment", "a", "--size", "big", "--out", "o",
            ])
        }
        #expect(TryOnCommand.parseSize("0x5") == nil)
    }

    /// A folder with one item (`block-top`: a 200x240 orange block with top anchors), a JPEG
    /// photo and its keypoints.
    static func fixtures() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-tryon-\(UUID().uuidString)")
        let items = dir.appendingPathComponent("items")
        try FileManager.default.createDirectory(at: items, withIntermediateDirectories: true)
        let top = RGBA8Image(width: 200, height: 240, fill: SIMD4(240, 120, 30, 255))
        try Data(try PNGCodec.encode(top)).write(to: items.appendingPathComponent("block-top.png"))
        let json = #"""
            {"category": "top", "anchors": {"left_shoulder": [170, 20], "right_shoulder": [30, 20],
             "left_hip": [160, 220], "right_hip": [40, 220]}}
            """#
        try Data(json.utf8).write(to: items.appendingPathComponent("block-top.json"))
        let photo = RGBA8Image(width: 300, height: 400, fill: SIMD4(90, 110, 130, 255))
        try Data(try JPEGCodec.encode(photo)).write(to: dir.appendingPathComponent("photo.jpg"))
        let keypoints = #"""
            {"format": "coco17", "width": 300, "height": 400, "keypoints": [
              {"name": "left_shoulder", "x": 200, "y": 120, "score": 0.9},
              {"name": "right_shoulder", "x": 100, "y": 122, "score": 0.9},
              {"name": "left_hip", "x": 190, "y": 300, "score": 0.2},
              {"name": "right_hip", "x": 110, "y": 300, "score": 0.9}]}
            """#
        try Data(keypoints.utf8).write(to: dir.appendingPathComponent("photo.keypoints.json"))
        return dir
    }

    @Test func drawsAnItemEndToEnd() throws {
        let binary = try #require(VitrineBinary.url, "the vitrine binary is built beside the tests")
        let dir = try Self.fixtures()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out.png")
        let result = try VitrineBinary.run(
            binary,
            [
                "tryon", "--photo", "photo.jpg", "--keypoints", "photo.keypoints.json", "--garment", "block-top",
                "--items", "items", "--out", out.path,
            ], currentDirectory: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("300x400"))
        // The low-score left hip is estimated, with a warning on stderr.
        #expect(result.stderr.contains("warning: left_hip: score 0.2 is below 0.5"))
        let image = try ImageCodec.decodeRGBA8([UInt8](try Data(contentsOf: out)))
        #expect(image.width == 300 && image.height == 400)
        // The torso centre is orange, a corner keeps the photo.
        #expect(image[150, 200].x > 200 && image[150, 200].z < 80)
        #expect(image[5, 5] == SIMD4(90, 110, 130, 255) || abs(Int(image[5, 5].x) - 90) < 4)
    }

    @Test func anUnknownGarmentExitsWithTheKnownIDs() throws {
        let binary = try #require(VitrineBinary.url, "the vitrine binary is built beside the tests")
        let dir = try Self.fixtures()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try VitrineBinary.run(
            binary,
            [
                "tryon", "--photo", "photo.jpg", "--keypoints", "photo.keypoints.json", "--garment", "cape",
                "--items", "items", "--out", "out.jpg",
            ], currentDirectory: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: unknown item 'cape'; known items: block-top"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.jpg").path))
    }
}
