import Foundation
import Testing
import VitrineTestSupport

/// `samples/catalogue.json` follows the schema in docs/assets.md and points at real assets,
/// presets and colourways.
@Suite struct CatalogueTests {
    static func catalogue() throws -> [String: Any] {
        let data = try Data(contentsOf: Fixtures.repo("samples/catalogue.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func presetsAreValid() throws {
        let catalogue = try Self.catalogue()
        #expect(catalogue["version"] as? Int == 1)
        let presets = try #require(catalogue["presets"] as? [[String: Any]])
        let ids = presets.compactMap { $0["id"] as? String }
        #expect(ids.count == presets.count && Set(ids).count == ids.count)
        #expect(Set(presets.compactMap { $0["size"] as? Int }) == [256, 512, 1024])
        #expect(Set(presets.compactMap { $0["frames"] as? Int }) == [24, 36])
        for p in presets {
            #expect(["png", "jpeg"].contains(p["format"] as? String ?? ""))
            let pitch = try #require(p["pitch"] as? [Int])
            #expect(!pitch.isEmpty && pitch.allSatisfy { abs($0) < 90 })
            let background = p["background"] as? String ?? ""
            #expect(background == "transparent" || background == "environment" || background.count == 7)
            if background == "transparent" { #expect(p["format"] as? String == "png") }
        }
    }

    @Test func assetsPresetsAndVariantsExist() throws {
        let catalogue = try Self.catalogue()
        let presetIDs = Set(((catalogue["presets"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String })
        let assets = try #require(catalogue["assets"] as? [[String: Any]])
        #expect(assets.count == 4)
        var frames = 0
        for asset in assets {
            let path = try #require(asset["path"] as? String)
            let url = Fixtures.repo("samples").appendingPathComponent(path).standardized
            let bytes = try [UInt8](Data(contentsOf: url))
            let glb = try GLBInspector(bytes)
            let names =
                (((glb.json["extensions"] as? [String: Any])?["KHR_materials_variants"] as? [String: Any])?["variants"]
                as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
            var variantCount = 1
            if let list = asset["variants"] as? [String] {
                #expect(Set(list).isSubset(of: Set(names)), "\(path): \(list) vs \(names)")
                variantCount = list.count
            } else if let all = asset["variants"] as? String {
                #expect(all == "all" && !names.isEmpty)
                variantCount = names.count
            }
            for preset in asset["presets"] as? [String] ?? [] {
                #expect(presetIDs.contains(preset))
                let p = ((catalogue["presets"] as? [[String: Any]]) ?? []).first { $0["id"] as? String == preset }
                frames += variantCount * (p?["frames"] as? Int ?? 0) * ((p?["pitch"] as? [Int])?.count ?? 0)
            }
        }
        // The figure quoted in docs/assets.md.
        #expect(frames == 588)
    }
}
