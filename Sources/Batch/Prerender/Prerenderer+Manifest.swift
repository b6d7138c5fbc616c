import Foundation
import Render

extension Prerenderer {
    /// When every frame of the asset (all shards) is present and verified: writes the sprite
    /// sheets, `manifest.json` and `latest.json`. The sprite sheet is assembled from the frame
    /// files as published (decoded), so every shard produces the same bytes without rendering
    /// anything again.
    /// - Returns: whether the manifest was written (false: frames still missing).
    /// - Throws: codec or write errors.
    func finalize(_ asset: PrerenderPlan.Asset) throws -> Bool {
        // Groups are independent: checked and assembled side by side on `jobs` threads.
        let slots = GroupSlots(count: asset.groups.count)
        let next = Tally.Counter()
        DispatchQueue.concurrentPerform(iterations: min(jobs, max(1, asset.groups.count))) { _ in
            while let i = next.take(below: asset.groups.count) {
                slots.set(i, Result { try turntable(asset, asset.groups[i]) })
            }
        }
        var turntables: [PrerenderManifest.Turntable] = []
        for result in slots.values {
            guard let turntable = try result.get() else { return false }
            turntables.append(turntable)
        }
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
        return true
    }

    /// A group's manifest entry (and sprite sheet), nil while a frame is missing.
    private func turntable(_ asset: PrerenderPlan.Asset, _ group: PrerenderPlan.Group) throws
        -> PrerenderManifest.Turntable?
    {
        let folder = output.groupFolder(asset, group)
        let names = PrerenderOutput.listing(folder)
        let settings = group.preset.settings
        let ext = settings.format.fileExtension
        var frames: [PrerenderManifest.Frame] = []
        var files: [PrerenderOutput.VerifiedFile] = []
        for local in 0..<group.count {
            let stem = group.stem(local)
            guard
                let file = PrerenderOutput.verified(
                    stem: stem, ext: ext, in: folder, names: names, removeDamaged: false)
            else { return nil }
            let (row, column) = local.quotientAndRemainder(dividingBy: group.preset.frames)
            frames.append(
                PrerenderManifest.Frame(
                    row: row, column: column,
                    yaw: TurntablePath(frames: group.preset.frames).yawDegrees(column: column),
                    pitch: group.preset.pitch[row], file: PrerenderManifest.file(file, folder: group.folder)))
            files.append(file)
        }
        let sprite = group.preset.sprite ? try writeSprite(group, files: files, folder: folder, names: names) : nil
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
