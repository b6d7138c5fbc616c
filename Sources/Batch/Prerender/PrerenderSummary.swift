import Foundation

/// What a `vitrine prerender` run did: printed at the end, as text or JSON (`--json`).
public struct PrerenderSummary: Codable, Sendable, Equatable {
    /// An asset that could not be rendered.
    public struct BrokenAsset: Codable, Sendable, Equatable {
        public var id: String
        public var error: String
    }

    /// `I/N`.
    public var shard: String
    /// Frames of this shard.
    public var frames = 0
    /// Frames rendered by this run.
    public var rendered = 0
    /// Frames found already done and verified.
    public var skipped = 0
    /// Frames that could not be rendered or written.
    public var failed = 0
    /// Manifests (with their sprite sheets) written by this run: one per complete asset.
    public var manifests = 0
    /// Assets reported and skipped.
    public var brokenAssets: [BrokenAsset] = []
    /// Wall time of the run in seconds, loading the models included.
    public var seconds: Double = 0
    /// Wall seconds loading the catalogue's models (plan), preparing scenes (textures, mip
    /// chains), and checking complete assets + writing sprite sheets and manifests.
    public var loadSeconds: Double = 0
    public var prepareSeconds: Double = 0
    public var finalizeSeconds: Double = 0
    /// Seconds summed over workers: rendering, encoding, hashing + writing frame files (temporary
    /// file + rename, the sync deferred to `syncSeconds`).
    public var renderSeconds: Double = 0
    public var encodeSeconds: Double = 0
    public var writeSeconds: Double = 0
    /// Seconds summed over workers, during the run: building sprite sheets and manifest entries
    /// (decoding the frames, encoding and writing the sheet). Groups finished by other shards or
    /// runs are in `finalizeSeconds`.
    public var spriteSeconds: Double = 0
    /// Seconds spent syncing each finished group's files and folder to disk (`fdatasync`; frames
    /// are written with their sync deferred to this batch), on one sync thread beside the
    /// workers: waiting on the disk overlaps with rendering instead of adding to the wall time.
    public var syncSeconds: Double = 0
    /// Seconds summed over workers waiting for a task while another worker was busy (the last
    /// frames and sprite sheets of the run, an asset being opened): the parallelism lost.
    public var idleSeconds: Double = 0

    /// Whether everything of the shard is done.
    public var succeeded: Bool { failed == 0 && brokenAssets.isEmpty }

    /// Frames rendered per second of wall time.
    public var framesPerSecond: Double { seconds > 0 ? Double(rendered) / seconds : 0 }

    /// Lines for a terminal.
    public var text: String {
        var lines = [
            "shard \(shard): \(frames) frames: \(rendered) rendered, \(skipped) skipped (already done), \(failed) failed",
            String(
                format:
                    "%.1f s, %.2f frames/s (render %.1f s, encode %.1f s, write %.1f s over workers); %d manifests written",
                seconds, framesPerSecond, renderSeconds, encodeSeconds, writeSeconds, manifests),
        ]
        for broken in brokenAssets { lines.append("broken asset \(broken.id): \(broken.error)") }
        return lines.joined(separator: "\n")
    }

    /// JSON with sorted keys.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
