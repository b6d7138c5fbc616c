import Foundation
import Render
import Testing
import VitrineTestSupport

@testable import Batch

/// The order in which a run's work is handed out: open, largest frames first, a group's sprite
/// task as soon as its frames are known, and the end only when nothing is in flight.
@Suite struct PrerenderScheduleTests {
    /// Two assets of two presets: `small` (24 px, 2 frames) before `large` (40 px, 3 frames).
    static func plan() throws -> PrerenderPlan {
        let bottle = Fixtures.repo("assets/products/bottle.glb").path
        let json = """
            {"version": 1,
             "presets": [{"id": "small", "size": 24, "frames": 2, "pitch": [0], "samples": 1},
                         {"id": "large", "size": 40, "frames": 3, "pitch": [0], "samples": 1}],
             "assets": [{"id": "a", "path": "\(bottle)", "presets": ["small", "large"]},
                        {"id": "b", "path": "\(bottle)", "presets": ["small"]}]}
            """
        let folder = FileManager.default.temporaryDirectory
        return PrerenderPlan(
            catalogue: try Catalogue(data: Data(json.utf8), file: folder.appendingPathComponent("c.json")))
    }

    static func file(_ unit: Int) -> PrerenderOutput.VerifiedFile {
        .init(name: "u\(unit)", sha256: String(repeating: "0", count: 64), bytes: [UInt8(unit)])
    }

    /// (group, unit) of the units of asset `a`.
    static func todo(_ plan: PrerenderPlan, _ a: Int, _ units: [Int]) -> [(group: Int, unit: Int)] {
        units.compactMap { unit in
            plan.assets[a].groups.lastIndex { $0.firstUnit <= unit }.map { (group: $0, unit: unit) }
        }
    }

    @Test func largestFramesFirstAndGroupsAsSoonAsTheirFramesAreKnown() throws {
        let plan = try Self.plan()
        let scene = try PreparedScene(scene: try #require(plan.assets[0].scene))
        let schedule = PrerenderSchedule(plan: plan, mine: plan.assets.map { Array($0.units) })
        var log: [String] = []
        var pending: [PrerenderSchedule.Frame] = []
        while true {
            // Two workers: each pair of frames handed out is finished before the next request.
            if pending.count == 2 {
                for frame in pending { schedule.rendered(frame, file: Self.file(frame.unit)) }
                pending.removeAll()
            }
            guard let task = schedule.next() else { break }
            switch task {
            case .open(let a):
                log.append("open \(a)")
                let units = Array(plan.assets[a].units)
                // Asset a: frame 0 of `small` is already done (verified by an earlier run).
                let done = a == 0 ? [(group: 0, unit: 0, file: Self.file(0))] : []
                let todo = Self.todo(plan, a, units.filter { !(a == 0 && $0 == 0) })
                schedule.opened(asset: a, done: done, todo: todo, scene: scene)
            case .frame(let frame):
                log.append("frame \(frame.unit)")
                pending.append(frame)
            case .group(let a, let g, let files):
                log.append("group \(a).\(g) \(files.map(\.name).joined(separator: ","))")
                schedule.built(asset: a, group: g, .success(nil))
            }
            if log.count > 40 { break }
        }
        for frame in pending { schedule.rendered(frame, file: Self.file(frame.unit)) }
        #expect(
            log == [
                "open 0", "frame 2", "frame 3", "frame 4", "frame 1", "group 0.1 u2,u3,u4", "group 0.0 u0,u1",
                "open 1", "frame 5", "frame 6", "group 1.0 u5,u6",
            ])
        #expect(schedule.next() == nil)
        #expect(schedule.results[0].count == 2 && schedule.results[1].count == 1)
    }

    @Test func aGroupWithFramesOfOtherShardsIsLeftToTheFinalPass() throws {
        let plan = try Self.plan()
        let scene = try PreparedScene(scene: try #require(plan.assets[0].scene))
        let shard = Shard(index: 0, count: 2)
        let mine = plan.assets.map { $0.units.filter(shard.owns) }
        let schedule = PrerenderSchedule(plan: plan, mine: mine)
        var groups = 0
        while let task = schedule.next() {
            switch task {
            case .open(let a):
                schedule.opened(asset: a, done: [], todo: Self.todo(plan, a, mine[a]), scene: scene)
            case .frame(let frame): schedule.rendered(frame, file: Self.file(frame.unit))
            case .group(let a, let g, _):
                groups += 1
                schedule.built(asset: a, group: g, .success(nil))
            }
        }
        #expect(groups == 0 && schedule.results.allSatisfy(\.isEmpty))
    }
}
