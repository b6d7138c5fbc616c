import Foundation
import Testing
import VitrineTestSupport

@testable import Batch

/// The plan of the sample catalogue: work order, frame counts, colourways, hashes, shards.
@Suite struct PrerenderPlanTests {
    static func samplePlan() throws -> PrerenderPlan {
        PrerenderPlan(catalogue: try Catalogue(contentsOf: Fixtures.repo("samples/catalogue.json")))
    }

    @Test func sampleCatalogueHas588Frames() throws {
        let plan = try Self.samplePlan()
        #expect(plan.assets.allSatisfy { $0.error == nil })
        #expect(plan.totalUnits == 588)  // the figure in docs/batch.md
        #expect(plan.assets.map(\.units.count) == [132, 288, 96, 72])
        let sneaker = plan.assets[1]
        #expect(
            sneaker.groups.map(\.folder).prefix(3) == ["thumb/court-white", "thumb/navy-suede", "thumb/triple-black"])
        #expect(plan.assets[3].groups.map(\.variant) == ["Ochre", "Teal", "Charcoal"])
        // Units are contiguous and in work order.
        var next = 0
        for asset in plan.assets {
            #expect(asset.units.lowerBound == next)
            for group in asset.groups {
                #expect(group.firstUnit == next)
                next += group.count
            }
        }
        #expect(next == 588)
        #expect(plan.assets.allSatisfy { $0.contentHash.count == 16 })
        #expect(Set(plan.assets.map(\.contentHash)).count == 4)
    }

    @Test func stemsNameRowAndColumn() throws {
        let plan = try Self.samplePlan()
        let spin = try #require(plan.assets[0].groups.first { $0.preset.id == "spin" })
        #expect(spin.stem(0) == "p10_f000" && spin.stem(35) == "p10_f035" && spin.stem(36) == "p30_f000")
    }

    @Test func shardsCoverEveryFrameOnce() {
        for count in 1...5 {
            var owners = [Int](repeating: 0, count: 588)
            for index in 0..<count {
                let shard = Shard(index: index, count: count)
                for unit in 0..<588 where shard.owns(unit) { owners[unit] += 1 }
            }
            #expect(owners.allSatisfy { $0 == 1 })
        }
        #expect(Shard("0/1") == .all && Shard("2/3") == Shard(index: 2, count: 3))
        #expect(Shard("3/3") == nil && Shard("-1/3") == nil && Shard("1") == nil && Shard("a/b") == nil)
    }

    @Test func brokenAssetsKeepTheirPlaceInTheWorkOrder() throws {
        let json = #"""
            {"version": 1, "presets": [{"id": "a", "frames": 4, "pitch": [0, 20]}],
             "assets": [{"id": "gone", "path": "missing.glb", "presets": ["a"]},
                        {"id": "mug", "path": "MUG", "presets": ["a"], "variants": ["Nope"]},
                        {"id": "bottle", "path": "BOTTLE", "presets": ["a"]}]}
            """#
            .replacingOccurrences(of: "MUG", with: Fixtures.repo("assets/products/mug.glb").path)
            .replacingOccurrences(of: "BOTTLE", with: Fixtures.repo("assets/products/bottle.glb").path)
        let plan = PrerenderPlan(
            catalogue: try Catalogue(data: Data(json.utf8), file: URL(fileURLWithPath: "/tmp/x.json")))
        #expect(plan.assets[0].error?.contains("missing.glb: no such file") == true)
        #expect(plan.assets[1].error?.contains("unknown variant \"Nope\"") == true)
        #expect(plan.assets[2].error == nil)
        #expect(plan.assets.map(\.units) == [0..<8, 8..<16, 16..<24])
    }

    @Test func variantSlugs() {
        #expect(
            PrerenderPlan.slugs([nil, "Court White", "court-white", "Ünïcode!", "--"]) == [
                "default", "court-white", "court-white-2", "n-code", "variant",
            ])
    }
}
