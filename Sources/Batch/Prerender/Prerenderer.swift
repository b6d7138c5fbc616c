import Foundation
import Render

/// Runs a ``PrerenderPlan`` (or one shard of it) into an output folder: skips frames that are
/// already there and verified, renders the others on `jobs` workers (one single-threaded
/// renderer each, frames side by side, scheduled by ``PrerenderSchedule``), writes every file
/// atomically, builds each sprite sheet as soon as its group's frames are all known, then writes
/// `manifest.json` of each asset whose frames are all done (whichever shard gets there; the
/// bytes are the same from every shard).
///
/// ```swift
/// let plan = PrerenderPlan(catalogue: try Catalogue(contentsOf: url))
/// let summary = Prerenderer(plan: plan, output: PrerenderOutput(root: out), shard: .all, jobs: 2).run()
/// ```
public struct Prerenderer: Sendable {
    /// What to render.
    public var plan: PrerenderPlan
    /// Where.
    public var output: PrerenderOutput
    /// Which part.
    public var shard: Shard
    /// Frames rendered side by side.
    public var jobs: Int
    /// Progress reporting.
    public var progress: PrerenderProgress
    /// Image-based lights, loaded once.
    public var environments = EnvironmentStore()

    /// A runner. `jobs` is raised to at least 1.
    public init(
        plan: PrerenderPlan, output: PrerenderOutput, shard: Shard, jobs: Int,
        progress: PrerenderProgress = .init(style: .quiet)
    ) {
        self.plan = plan
        self.output = output
        self.shard = shard
        self.jobs = max(1, jobs)
        self.progress = progress
    }

    /// Renders this shard's frames and every manifest that can be completed.
    /// - Returns: counts, broken assets and times. Problems are reported there (and through
    ///   the progress notes), never thrown: one broken asset does not stop the others.
    public func run() -> PrerenderSummary {
        let start = DispatchTime.now().uptimeNanoseconds
        let tally = Tally(shard: shard)
        let renderers = (0..<jobs).map { _ in Renderer(threads: 1) }
        let mine = plan.assets.map { asset in asset.units.filter(shard.owns) }
        progress.begin(total: mine.reduce(0) { $0 + $1.count })
        let schedule = PrerenderSchedule(plan: plan, mine: mine)
        let syncQueue = DispatchQueue(label: "vitrine.prerender.sync")
        DispatchQueue.concurrentPerform(iterations: jobs) { worker in
            var waited: UInt64 = 0
            defer { tally.update { $0.idleSeconds += Double(waited) / 1e9 } }
            while true {
                let asked = DispatchTime.now().uptimeNanoseconds
                let next = schedule.next()
                waited += DispatchTime.now().uptimeNanoseconds - asked
                guard let task = next else { break }
                switch task {
                case .open(let a): open(a, units: mine[a], schedule: schedule, tally: tally)
                case .frame(let frame):
                    let file = renderFrame(frame, renderers[worker], tally)
                    schedule.rendered(frame, file: file)
                case .group(let a, let g, let files):
                    let asset = plan.assets[a]
                    let group = asset.groups[g]
                    let t0 = DispatchTime.now().uptimeNanoseconds
                    let built = Result { try turntable(asset, group, files: files, names: nil) }
                    let t1 = DispatchTime.now().uptimeNanoseconds
                    tally.update { $0.spriteSeconds += Double(t1 - t0) / 1e9 }
                    // The group's fdatasync waits on the disk, not on a core: it runs beside the
                    // workers. The task stays open until `built`, so no manifest lists the group's
                    // files before they are synced and the run does not end before the sync.
                    syncQueue.async {
                        let t2 = DispatchTime.now().uptimeNanoseconds
                        let synced = built.flatMap { entry in Result { try entry.map { try sync($0, asset, group) } } }
                        let t3 = DispatchTime.now().uptimeNanoseconds
                        tally.update { $0.syncSeconds += Double(t3 - t2) / 1e9 }
                        schedule.built(asset: a, group: g, synced)
                    }
                }
            }
        }
        let finalizeStart = DispatchTime.now().uptimeNanoseconds
        let complete = plan.assets.indices.filter {
            plan.assets[$0].error == nil && !tally.isBroken(plan.assets[$0].entry.id)
        }
        for (a, result) in zip(complete, finalize(complete, built: schedule.results)) {
            switch result {
            case .success(let written): if written { tally.update { $0.manifests += 1 } }
            case .failure(let error):
                progress.note("error: \(plan.assets[a].entry.id): manifest not written: \(error)")
                tally.update { $0.failed += 1 }
            }
        }
        progress.finish()
        let end = DispatchTime.now().uptimeNanoseconds
        return tally.update {
            $0.finalizeSeconds = Double(end - finalizeStart) / 1e9
            $0.loadSeconds = plan.loadSeconds
            $0.seconds = Double(end - start) / 1e9 + plan.loadSeconds
            return $0
        }
    }

    /// Opens asset `a` for this shard's `units`: skips the verified frames, prepares the scene
    /// for the others, and hands both to the schedule.
    private func open(_ a: Int, units: [Int], schedule: PrerenderSchedule, tally: Tally) {
        let asset = plan.assets[a]
        let id = asset.entry.id
        if let error = asset.error {
            markBroken(id, error, units: units, tally: tally)
            schedule.opened(asset: a, done: [], todo: [], scene: nil)
            return
        }
        var todo: [(group: Int, unit: Int)] = []
        var done: [(group: Int, unit: Int, file: PrerenderOutput.VerifiedFile)] = []
        var listings: [String: [String]] = [:]
        for unit in units {
            guard let g = asset.groups.lastIndex(where: { $0.firstUnit <= unit }) else { continue }
            let group = asset.groups[g]
            let folder = output.groupFolder(asset, group)
            let names = listings[group.folder] ?? PrerenderOutput.listing(folder)
            listings[group.folder] = names
            let stem = group.stem(unit - group.firstUnit)
            let ext = group.preset.settings.format.fileExtension
            if let file = PrerenderOutput.verified(stem: stem, ext: ext, in: folder, names: names, removeDamaged: true)
            {
                tally.update { $0.skipped += 1 }
                progress.frame(.skipped, "\(id)/\(group.folder)/\(stem)")
                done.append((g, unit, file))
            } else {
                todo.append((g, unit))
            }
        }
        tally.update { $0.frames += units.count }
        guard !todo.isEmpty, let scene = asset.scene else {
            schedule.opened(asset: a, done: done, todo: [], scene: nil)
            return
        }
        let t0 = DispatchTime.now().uptimeNanoseconds
        do {
            let prepared = try PreparedScene(scene: scene)
            tally.update { $0.prepareSeconds += Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9 }
            schedule.opened(asset: a, done: done, todo: todo, scene: prepared)
        } catch {
            markBroken(id, "\(asset.entry.url.path): \(error)", units: todo.map(\.unit), tally: tally, counted: true)
            schedule.opened(asset: a, done: done, todo: [], scene: nil)
        }
    }

    /// Renders, encodes and writes one frame.
    /// - Returns: the written file, nil when the frame failed (reported).
    private func renderFrame(
        _ frame: PrerenderSchedule.Frame, _ renderer: Renderer, _ tally: Tally
    ) -> PrerenderOutput.VerifiedFile? {
        let asset = plan.assets[frame.asset]
        let group = asset.groups[frame.group]
        let local = frame.unit - group.firstUnit
        let (row, column) = local.quotientAndRemainder(dividingBy: group.preset.frames)
        let stem = group.stem(local)
        let label = "\(asset.entry.id)/\(group.folder)/\(stem)"
        let settings = group.preset.settings
        do {
            let environment = try environments.environment(
                settings.environment, relativeTo: plan.catalogue.file.deletingLastPathComponent())
            let yaw = TurntablePath(frames: group.preset.frames).yawDegrees(column: column)
            let options = settings.options(
                yawDegrees: yaw, pitchDegrees: group.preset.pitch[row], variant: group.variant)
            let t0 = DispatchTime.now().uptimeNanoseconds
            let rendered = try renderer.render(frame.scene, environment: environment, options: options)
            let t1 = DispatchTime.now().uptimeNanoseconds
            let bytes = try settings.format.encode(rendered.image, quality: settings.quality)
            let t2 = DispatchTime.now().uptimeNanoseconds
            let file = try PrerenderOutput.write(
                bytes, stem: stem, ext: settings.format.fileExtension, in: output.groupFolder(asset, group))
            let t3 = DispatchTime.now().uptimeNanoseconds
            tally.update {
                $0.rendered += 1
                $0.renderSeconds += Double(t1 - t0) / 1e9
                $0.encodeSeconds += Double(t2 - t1) / 1e9
                $0.writeSeconds += Double(t3 - t2) / 1e9
            }
            progress.frame(.rendered, label)
            return file
        } catch {
            tally.update { $0.failed += 1 }
            progress.note("error: \(label): \(error)")
            progress.frame(.failed, label)
            return nil
        }
    }

    /// Reports a broken asset and counts its frames as failed.
    private func markBroken(_ id: String, _ error: String, units: [Int], tally: Tally, counted: Bool = false) {
        progress.note("error: asset \(id) skipped: \(error)")
        tally.update {
            $0.failed += units.count
            if !counted { $0.frames += units.count }
            $0.brokenAssets.append(.init(id: id, error: error))
        }
        for _ in units { progress.frame(.failed, id) }
    }
}

/// The summary under a lock, shared by the workers.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var summary: PrerenderSummary

    init(shard: Shard) { summary = PrerenderSummary(shard: shard.description) }

    @discardableResult
    func update<T>(_ body: (inout PrerenderSummary) -> T) -> T { lock.withLock { body(&summary) } }

    func isBroken(_ id: String) -> Bool { update { $0.brokenAssets.contains { $0.id == id } } }

    /// Hands out 0, 1, 2... to workers.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0

        func take(below limit: Int) -> Int? {
            lock.withLock {
                guard next < limit else { return nil }
                next += 1
                return next - 1
            }
        }
    }
}
