import Foundation
import Render

/// The work of one prerender run, handed out to the workers one task at a time, with no barrier
/// between assets and no separate finalize phase for the frames done in this run:
///
/// - **group** tasks first: a preset x variant whose every frame is known (rendered or verified
///   by this run) gets its sprite sheet and manifest entry built from the bytes in memory, while
///   the other workers go on rendering (frees the group's bytes early, too);
/// - then **frames** of the opened assets, in asset order, each asset's largest frames first (the
///   run ends on small frames, so no worker waits long for the last big one);
/// - then **open** the next asset: check which of its frames are already done, prepare its scene.
///   An asset is opened only when no frame is left, so at most about one asset per worker is
///   prepared at a time whatever the catalogue's size; its scene is released with its last frame.
///
/// Which frames a run renders (its shard) and what bytes it writes do not depend on this order.
final class PrerenderSchedule: @unchecked Sendable {
    /// One frame to render.
    struct Frame {
        var asset: Int
        var group: Int
        var unit: Int
        var scene: PreparedScene
    }

    /// What a worker does next.
    enum Task {
        case open(asset: Int)
        case frame(Frame)
        case group(asset: Int, group: Int, files: [PrerenderOutput.VerifiedFile])
    }

    private struct AssetState {
        var todo: [(group: Int, unit: Int)] = []
        var next = 0
        var unfinished = 0
        var scene: PreparedScene?
        var files: [[PrerenderOutput.VerifiedFile?]]
        var known: [Int]
    }

    private let condition = NSCondition()
    private let plan: PrerenderPlan
    private var states: [AssetState]
    private var toOpen: [Int]
    private var opened: [Int] = []
    private var groups: [(asset: Int, group: Int)] = []
    private var busy = 0
    private var turntables: [[Int: Result<PrerenderManifest.Turntable?, any Error>]]

    /// A schedule over the assets that have units in this shard (`mine[a]`: asset `a`'s units).
    init(plan: PrerenderPlan, mine: [[Int]]) {
        self.plan = plan
        states = plan.assets.map { asset in
            AssetState(
                files: asset.groups.map { Array(repeating: nil, count: $0.count) },
                known: Array(repeating: 0, count: asset.groups.count))
        }
        toOpen = mine.indices.filter { !mine[$0].isEmpty }
        turntables = Array(repeating: [:], count: plan.assets.count)
    }

    /// The next task, waiting while other workers may still produce one; nil when all is done.
    func next() -> Task? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if !groups.isEmpty {
                let (a, g) = groups.removeFirst()
                let files = states[a].files[g].compactMap { $0 }
                states[a].files[g] = []
                busy += 1
                return .group(asset: a, group: g, files: files)
            }
            if let a = opened.first(where: { states[$0].next < states[$0].todo.count }), let scene = states[a].scene {
                let item = states[a].todo[states[a].next]
                states[a].next += 1
                busy += 1
                return .frame(Frame(asset: a, group: item.group, unit: item.unit, scene: scene))
            }
            if !toOpen.isEmpty {
                busy += 1
                return .open(asset: toOpen.removeFirst())
            }
            if busy == 0 {
                condition.broadcast()
                return nil
            }
            condition.wait()
        }
    }

    /// An asset was opened: `done` are its frames found verified (group, unit, file), `todo` the
    /// frames to render with `scene` (nil when there are none or the scene failed).
    func opened(
        asset a: Int, done: [(group: Int, unit: Int, file: PrerenderOutput.VerifiedFile)],
        todo: [(group: Int, unit: Int)], scene: PreparedScene?
    ) {
        finish {
            for item in done { know(a, item.group, unit: item.unit, item.file) }
            guard let scene, !todo.isEmpty else { return }
            let groups = plan.assets[a].groups
            // Largest frames first (stable: work order among equals).
            states[a].todo = todo.enumerated().sorted { x, y in
                let cx = Self.cost(groups[x.element.group].preset)
                let cy = Self.cost(groups[y.element.group].preset)
                return cx != cy ? cx > cy : x.offset < y.offset
            }.map(\.element)
            states[a].unfinished = todo.count
            states[a].scene = scene
            opened.append(a)
        }
    }

    /// A frame is done: its file, nil when it failed.
    func rendered(_ frame: Frame, file: PrerenderOutput.VerifiedFile?) {
        finish {
            if let file { know(frame.asset, frame.group, unit: frame.unit, file) }
            states[frame.asset].unfinished -= 1
            if states[frame.asset].unfinished == 0 {
                states[frame.asset].scene = nil
                opened.removeAll { $0 == frame.asset }
            }
        }
    }

    /// A group task is done.
    func built(asset a: Int, group g: Int, _ result: Result<PrerenderManifest.Turntable?, any Error>) {
        finish { turntables[a][g] = result }
    }

    /// The group results of the run's group tasks, per asset and group index.
    var results: [[Int: Result<PrerenderManifest.Turntable?, any Error>]] {
        condition.withLock { turntables }
    }

    /// Ends a task: updates the state and wakes the waiting workers.
    private func finish(_ body: () -> Void) {
        condition.withLock {
            body()
            busy -= 1
            condition.broadcast()
        }
    }

    /// Records a frame's file; a group whose every frame is known becomes a task.
    private func know(_ a: Int, _ g: Int, unit: Int, _ file: PrerenderOutput.VerifiedFile) {
        let local = unit - plan.assets[a].groups[g].firstUnit
        guard states[a].files[g].indices.contains(local), states[a].files[g][local] == nil else { return }
        states[a].files[g][local] = file
        states[a].known[g] += 1
        if states[a].known[g] == plan.assets[a].groups[g].count { groups.append((a, g)) }
    }

    /// Relative cost of a frame of a preset: pixels x samples.
    private static func cost(_ preset: Catalogue.Preset) -> Int {
        preset.settings.size * preset.settings.size * preset.settings.samples
    }
}
