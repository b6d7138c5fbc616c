import Foundation
import Testing
import VitrineTestSupport

@testable import Batch

/// Catalogue parsing: the sample file, defaults, and errors that name the JSON path.
@Suite struct CatalogueLoadingTests {
    static let file = URL(fileURLWithPath: "/tmp/c/catalogue.json")

    static func parse(_ json: String) throws -> Catalogue { try Catalogue(data: Data(json.utf8), file: file) }

    @Test func readsTheSampleCatalogue() throws {
        let catalogue = try Catalogue(contentsOf: Fixtures.repo("samples/catalogue.json"))
        #expect(catalogue.presets.map(\.id) == ["thumb", "spin", "zoom"])
        let thumb = try #require(catalogue.preset("thumb"))
        #expect(thumb.settings.size == 256 && thumb.settings.format == .jpeg && thumb.settings.quality == 85)
        #expect(thumb.frames == 24 && thumb.pitch == [15] && thumb.sprite)
        let spin = try #require(catalogue.preset("spin"))
        #expect(spin.settings.quality == 88 && spin.settings.background == "transparent" && spin.pitch == [10, 30])
        #expect(catalogue.preset("zoom")?.sprite == false)
        #expect(catalogue.assets.map(\.id) == ["mug", "sneaker", "bottle", "chair"])
        #expect(catalogue.assets[1].variants == .named(["Court White", "Navy Suede", "Triple Black"]))
        #expect(catalogue.assets[3].variants == .all)
        #expect(catalogue.assets[0].url == Fixtures.repo("assets/products/mug.glb").standardizedFileURL)
    }

    @Test(arguments: [
        (
            #"{"version": 1, "presets": [{"id": "a", "sise": 64}], "assets": [{"id": "x", "path": "m.glb", "presets": ["a"]}]}"#,
            "presets[0].sise: unknown key"
        ),
        (
            #"{"version": 1, "presets": [{"id": "a", "size": 8}], "assets": [{"id": "x", "path": "m.glb", "presets": ["a"]}]}"#,
            "presets[0].size: must be a whole number in 16...4096"
        ),
        (
            #"{"version": 1, "presets": [{"id": "a", "format": "jpeg"}], "assets": [{"id": "x", "path": "m.glb", "presets": ["a"]}]}"#,
            "presets[0].background: JPEG has no transparency"
        ),
        (
            #"{"version": 1, "presets": [{"id": "a"}], "assets": [{"id": "x", "path": "m.glb", "presets": ["b"]}]}"#,
            "assets[0].presets: unknown preset \"b\""
        ),
        (#"{"version": 1, "presets": [{"id": "A"}], "assets": []}"#, "presets[0].id: must match [a-z0-9-]+"),
        (#"{"version": 2, "presets": [], "assets": []}"#, "version: must be a whole number in 1...1"),
        (#"{"version": 1, "presets": [{"id": "a", "pitch": [95]}], "assets": []}"#, "presets[0].pitch: must list"),
        (
            #"{"version": 1, "presets": [{"id": "a", "sprite": 1}], "assets": []}"#,
            "presets[0].sprite: must be true or false"
        ),
        (
            #"{"version": 1, "presets": [{"id": "a"}], "assets": [{"id": "x", "path": "m.glb", "presets": ["a"], "variants": 3}]}"#,
            "assets[0].variants: must be \"all\" or a list"
        ),
        ("[1]", "the top level must be a JSON object"),
    ])
    func errorsNameThePath(json: String, message: String) throws {
        do {
            _ = try Self.parse(json)
            Issue.record("accepted: \(json)")
        } catch let error as BatchFileError {
            #expect("\(error)".hasPrefix(Self.file.path), "\(error)")
            #expect("\(error)".contains(message), "\(error)")
        }
    }

    @Test func defaultsApplyAndPresetsOverride() throws {
        let c = try Self.parse(
            #"""
            {"version": 1, "defaults": {"size": 128, "format": "jpeg", "background": "#102030", "frames": 8},
             "presets": [{"id": "a"}, {"id": "b", "size": 64, "format": "png", "background": "transparent", "sprite": false}],
             "assets": [{"id": "x", "path": "sub/m.glb", "presets": ["a", "b"]}]}
            """#)
        #expect(c.presets[0].settings.size == 128 && c.presets[0].settings.format == .jpeg && c.presets[0].frames == 8)
        #expect(c.presets[1].settings.size == 64 && c.presets[1].settings.format == .png && !c.presets[1].sprite)
        #expect(c.assets[0].url.path == "/tmp/c/sub/m.glb")
        #expect(c.assets[0].variants == .defaultOnly)
    }
}
