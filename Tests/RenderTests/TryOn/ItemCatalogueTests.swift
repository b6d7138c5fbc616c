import Foundation
import Testing

@testable import Render

@Suite struct ItemCatalogueTests {
    static func folder(_ files: [String: [UInt8]]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tryon-items-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, bytes) in files { try Data(bytes).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    static let glassesJSON = Array(
        #"{"category": "glasses", "anchors": {"left_eye": [40, 32], "right_eye": [20, 32]}}"#.utf8)

    @Test func loadsGoodItemsAndRecordsBadOnes() throws {
        let png = try PNGCodec.encode(RGBA8Image(width: 64, height: 64, fill: SIMD4(10, 20, 30, 255)))
        let dir = try Self.folder([
            "round.json": Self.glassesJSON, "round.png": png,
            "square.json": Array(
                #"{"category": "glasses", "image": "sq.png", "size": [64, 64], "anchors": {"left_eye": [40, 32], "right_eye": [20, 32]}}"#
                    .utf8),
            "sq.png": png,
            "broken.json": Array(
                #"{"category": "glasses", "anchors": {"left_eye": [400, 32], "right_eye": [20, 32]}}"#.utf8),
            "broken.png": png,
            "noimage.json": Self.glassesJSON,
            "notes.txt": Array("ignored".utf8),
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let catalogue = try ItemCatalogue(directory: dir)
        #expect(catalogue.ids == ["round", "square"])
        #expect(catalogue.problems.keys.sorted() == ["broken", "noimage"])
        #expect("\(catalogue.problems["noimage"]!)" == "item 'noimage': noimage.png is missing")
        #expect(throws: TryOnError.self) { try catalogue.item("broken") }
        #expect(throws: TryOnError.unknownItem(id: "cape", known: ["round", "square"])) { try catalogue.item("cape") }
        #expect(try catalogue.item("square").category == .glasses)
    }

    @Test func aMissingFolderIsAClearError() {
        #expect(throws: TryOnError.self) { try ItemCatalogue(directory: URL(fileURLWithPath: "/nonexistent/items")) }
    }

    @Test func loadsFromBytesWithADefaultCategory() throws {
        let png = try PNGCodec.encode(RGBA8Image(width: 64, height: 64, fill: SIMD4(10, 20, 30, 255)))
        let json = Array(#"{"size": [64, 64], "anchors": {"left_eye": [40, 32], "right_eye": [20, 32]}}"#.utf8)
        #expect(throws: TryOnError.self) { try TryOnItem.load(id: "g", json: json, image: png) }
        let item = try TryOnItem.load(id: "g", json: json, image: png, defaultCategory: .glasses)
        #expect(item.category == .glasses)
        let wrongSize = Array(#"{"size": [65, 64], "anchors": {"left_eye": [40, 32], "right_eye": [20, 32]}}"#.utf8)
        #expect(throws: TryOnError.self) {
            try TryOnItem.load(id: "g", json: wrongSize, image: png, defaultCategory: .glasses)
        }
        #expect(throws: TryOnError.self) {
            try TryOnItem.load(id: "g", json: json, image: Array("nope".utf8), defaultCategory: .glasses)
        }
    }
}
