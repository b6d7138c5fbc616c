import Foundation

/// The output folder's layout and its checks. Files are content-addressed: a frame is
/// `<out>/<asset>/<hash>/<preset>/<variant>/p<pitch>_f<NNN>.<sha12>.<ext>`, where `sha12` is the
/// start of the SHA-256 of the file's bytes. A file is *verified* when its bytes hash to its
/// name, so a rerun knows without any other record which frames are done, and a damaged file
/// (truncated, altered) is found and rendered again. Only `manifest.json` and `latest.json`
/// have fixed names.
public struct PrerenderOutput: Sendable {
    /// The output root.
    public var root: URL

    /// Hex digits of the checksum in file names.
    static let nameHashLength = 12

    /// An output root.
    public init(root: URL) { self.root = root }

    /// `<out>/<asset>/<hash>/`.
    public func hashFolder(_ asset: PrerenderPlan.Asset) -> URL {
        root.appendingPathComponent(asset.entry.id, isDirectory: true).appendingPathComponent(
            asset.contentHash, isDirectory: true)
    }

    /// `<out>/<asset>/<hash>/<preset>/<variant>/`.
    public func groupFolder(_ asset: PrerenderPlan.Asset, _ group: PrerenderPlan.Group) -> URL {
        hashFolder(asset).appendingPathComponent(group.folder, isDirectory: true)
    }

    /// The content-addressed name of a file: `<stem>.<sha12>.<ext>`.
    static func fileName(stem: String, sha256: String, ext: String) -> String {
        "\(stem).\(sha256.prefix(nameHashLength)).\(ext)"
    }

    /// A verified file: its name and bytes.
    public struct VerifiedFile: Sendable {
        /// File name (in its folder).
        public var name: String
        /// Full SHA-256, lower-case hex.
        public var sha256: String
        /// The bytes.
        public var bytes: [UInt8]
    }

    /// The folder's file names, empty if it does not exist.
    static func listing(_ folder: URL) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    }

    /// Finds a verified `<stem>.<sha12>.<ext>` in `names`.
    /// - Parameter removeDamaged: delete candidates whose bytes do not match their name, and
    ///   leftover temporary files of the stem (only the shard that owns the stem does this).
    static func verified(
        stem: String, ext: String, in folder: URL, names: [String], removeDamaged: Bool
    ) -> VerifiedFile? {
        var found: VerifiedFile?
        for name in names {
            if AtomicFile.isTemporary(name) && name.hasPrefix(".\(stem).") {
                if removeDamaged { try? FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
                continue
            }
            guard name.hasPrefix("\(stem)."), name.hasSuffix(".\(ext)"),
                name.count == stem.count + nameHashLength + ext.count + 2
            else { continue }
            let url = folder.appendingPathComponent(name)
            let claimed = name.dropFirst(stem.count + 1).prefix(nameHashLength)
            if found == nil, let data = try? Data(contentsOf: url) {
                let bytes = [UInt8](data)
                let sha = Checksum.sha256(bytes)
                if sha.hasPrefix(claimed) {
                    found = VerifiedFile(name: name, sha256: sha, bytes: bytes)
                    continue
                }
            }
            if removeDamaged { try? FileManager.default.removeItem(at: url) }
        }
        return found
    }

    /// Writes `bytes` atomically as `<stem>.<sha12>.<ext>` in `folder`, its sync deferred: a
    /// frame's data and name are synced with its group (``AtomicFile/sync(_:in:)``) before a manifest
    /// lists it. Until then a power cut can leave it damaged under its name, which a rerun
    /// detects (the bytes no longer hash to the name) and renders again.
    /// - Throws: ``AtomicFile/WriteError``.
    static func write(_ bytes: [UInt8], stem: String, ext: String, in folder: URL) throws -> VerifiedFile {
        let sha = Checksum.sha256(bytes)
        let name = fileName(stem: stem, sha256: sha, ext: ext)
        try AtomicFile.write(bytes, to: folder.appendingPathComponent(name), durability: .deferred)
        return VerifiedFile(name: name, sha256: sha, bytes: bytes)
    }
}
