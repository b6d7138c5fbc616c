import Foundation
import Render

extension Prerenderer {
    /// For each asset (indices into the plan) whose every frame (all shards) is present and
    /// verified: the sprite sheets, `manifest.json` and `latest.json`. Groups already built during
    /// the run (`built[asset][group]`, from the frames in memory) are taken as they are; the others
    /// (frames of other shards, or of an earlier run) are read from disk and verified, one work
    /// list over `jobs` threads. The sprite sheet is assembled from the frame files as published
    /// (decoded), so every shard produces the same bytes without rendering anything again.
    /// - Returns: per asset, whether its manifest was written (false: frames still missing), or
    ///   the codec or write error.
    func finalize(
        _ assets: [Int], built: [[Int: Result<PrerenderManifest.Turntable?, any Error>]]
    ) -> [Result<Bool, any Error>] {
        let work = assets.flatMap { a in
            plan.assets[a].groups.indices.filter { built[a][$0] == nil }.map { (asset: a, group: $0) }
        }
        let slots = GroupSlots(count: work.count)
        let next = Tally.Counter()
        DispatchQueue.concurrentPerform(iterations: min(jobs, max(1, work.count))) { _ in
            while let i = next.take(below: work.count) {
                let asset = plan.assets[work[i].asset]
                let group = asset.groups[work[i].group]
                slots.set(i, Result { try turntable(asset, group).map { try sync($0, asset, group) } })
            }
        }
        var results = built
        for (item, result) in zip(work, slots.values) { results[item.asset][item.group] = result }
        return assets.map { a in
            Result {
                var turntables: [PrerenderManifest.Turntable] = []
                for g in plan.assets[a].groups.indices {
                    guard let turntable = try results[a][g]?.get() else { return false }
                    turntables.append(turntable)
                }
                try writeManifest(plan.assets[a], turntables: turntables)
                return true
            }
        }
    }

    /// Syncs the files of a built group (frames and sprite sheet, written with their sync
    /// deferred) and its folder, so that a manifest lists only files on disk.
    /// - Returns: `turntable`.
    func sync(
        _ turntable: PrerenderManifest.Turntable, _ asset: PrerenderPlan.Asset, _ group: PrerenderPlan.Group
    ) throws -> PrerenderManifest.Turntable {
        let files = turntable.frames.map(\.file) + (turntable.sprite.map { [$0.file] } ?? [])
        let names = files.map { String($0.url.split(separator: "/").last ?? "") }
        try AtomicFile.sync(names, in: output.groupFolder(asset, group))
        return turntable
    }

    /// Writes `manifest.json` and `latest.json` of a complete asset.
    private func writeManifest(_ asset: PrerenderPlan.Asset, turntables: [PrerenderManifest.Turntable]) throws {
        let manifest = PrerenderManifest(
            asset: asset.entry.id, contentHash: asset.contentHash, source: asset.entry.url.lastPathComponent,
            renderer: RendererVersion.string, turntables: turntables)
        let hashFolder = output.hashFolder(asset)
        try writeIfChanged(try manifest.encoded(), to: hashFolder.appendingPathComponent("manifest.json"))
        let latest = PrerenderLatest(
            asset: asset.entry.id, contentHash: asset.contentHash, manifest: "\(asset.contentHash)/manifest.json")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try writeIfChanged(
            [UInt8](try encoder.encode(latest)) + [0x0A],
            to: hashFolder.deletingLastPathComponent().appendingPathComponent("latest.json"))
    }

    /// A group's manifest entry (and sprite sheet) from its frames on disk, nil while a frame is
    /// missing.
    private func turntable(_ asset: PrerenderPlan.Asset, _ group: PrerenderPlan.Group) throws
        -> PrerenderManifest.Turntable?
    {
        let folder = output.groupFolder(asset, group)
        let names = PrerenderOutput.listing(folder)
        let ext = group.preset.settings.format.fileExtension
        var files: [PrerenderOutput.VerifiedFile] = []
        for local in 0..<group.count {
            guard
                let file = PrerenderOutput.verified(
                    stem: group.stem(local), ext: ext, in: folder, names: names, removeDamaged: false)
            else { return nil }
            files.append(file)
        }
        return try turntable(asset, group, files: files, names: names)
    }

    /// A group's manifest entry (and sprite sheet) from its verified frame files, in unit order.
    /// - Parameter names: the folder's listing, nil to read it.
    func turntable(
        _ asset: PrerenderPlan.Asset, _ group: PrerenderPlan.Group, files: [PrerenderOutput.VerifiedFile],
        names: [String]?
    ) throws -> PrerenderManifest.Turntable? {
        guard files.count == group.count else { return nil }
        let folder = output.groupFolder(asset, group)
        let settings = group.preset.settings
        var frames: [PrerenderManifest.Frame] = []
        for (local, file) in files.enumerated() {
            let (row, column) = local.quotientAndRemainder(dividingBy: group.preset.frames)
            frames.append(
                PrerenderManifest.Frame(
                    row: row, column: column,
                    yaw: TurntablePath(frames: group.preset.frames).yawDegrees(column: column),
                    pitch: group.preset.pitch[row], file: PrerenderManifest.file(file, folder: group.folder)))
        }
        let sprite =
            group.preset.sprite
            ? try writeSprite(group, files: files, folder: folder, names: names ?? PrerenderOutput.listing(folder))
            : nil
        return PrerenderManifest.Turntable(
            preset: group.preset.id, variant: group.variant, variantSlug: group.slug, width: settings.size,
            height: settings.size, mimeType: settings.format.mimeType, framesPerRow: group.preset.frames,
            pitch: group.preset.pitch, frames: frames, sprite: sprite)
    }

    /// The sprite sheet of a group from its frame files.
    private func writeSprite(
        _ group: PrerenderPlan.Group, files: [PrerenderOutput.VerifiedFile], folder: URL, names: [String]
    ) throws -> PrerenderManifest.Sprite {
        let settings = group.preset.settings
        let ext = settings.format.fileExtension
        var sheet = TurntableSheet(
            cellWidth: settings.size, cellHeight: settings.size, columns: group.preset.frames,
            rows: group.preset.pitch.count)
        for (local, file) in files.enumerated() {
            let (row, column) = local.quotientAndRemainder(dividingBy: group.preset.frames)
            sheet.place(try ImageCodec.decodeRGBA8(file.bytes), row: row, column: column)
        }
        let bytes = try settings.format.encode(sheet.image, quality: settings.quality)
        let sha = Checksum.sha256(bytes)
        let name = PrerenderOutput.fileName(stem: "sprite", sha256: sha, ext: ext)
        var file = PrerenderOutput.VerifiedFile(name: name, sha256: sha, bytes: bytes)
        if let existing = PrerenderOutput.verified(
            stem: "sprite", ext: ext, in: folder, names: names, removeDamaged: false),
            existing.sha256 == sha
        {
            file = existing
        } else {
            file = try PrerenderOutput.write(bytes, stem: "sprite", ext: ext, in: folder)
        }
        return PrerenderManifest.Sprite(
            columns: group.preset.frames, rows: group.preset.pitch.count, width: sheet.image.width,
            height: sheet.image.height, file: PrerenderManifest.file(file, folder: group.folder))
    }

    /// Writes a fixed-name file atomically unless it already holds exactly these bytes.
    private func writeIfChanged(_ bytes: [UInt8], to url: URL) throws {
        if let data = try? Data(contentsOf: url), [UInt8](data) == bytes { return }
        try AtomicFile.write(bytes, to: url)
    }
}

/// Per-group results written by the finalizing workers.
private final class GroupSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<PrerenderManifest.Turntable?, any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ result: Result<PrerenderManifest.Turntable?, any Error>) {
        lock.withLock { slots[i] = result }
    }

    var values: [Result<PrerenderManifest.Turntable?, any Error>] {
        lock.withLock { slots.map { $0 ?? .success(nil) } }
    }
}
