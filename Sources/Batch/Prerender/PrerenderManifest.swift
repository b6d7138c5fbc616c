import Foundation

/// `manifest.json` of one asset and content hash: every preset and variant with its frames and
/// sprite sheet, as URLs relative to the manifest, with sizes, checksums and the ETags a static
/// host should send. Written once every frame of the asset exists and is verified.
public struct PrerenderManifest: Codable, Sendable, Equatable {
    /// One file.
    public struct File: Codable, Sendable, Equatable {
        /// URL relative to the manifest (`thumb/default/p15_f000.0a1b2c3d4e5f.jpg`).
        public var url: String
        /// Byte size.
        public var bytes: Int
        /// SHA-256 of the bytes, lower-case hex.
        public var sha256: String
        /// Strong ETag: the quoted SHA-256.
        public var etag: String
    }

    /// One frame of a turntable.
    public struct Frame: Codable, Sendable, Equatable {
        /// Pitch row and yaw column in the sprite sheet.
        public var row: Int
        public var column: Int
        /// Camera angles in degrees.
        public var yaw: Float
        public var pitch: Float
        /// The file.
        public var file: File
    }

    /// A sprite sheet: `columns` x `rows` cells of the frame size.
    public struct Sprite: Codable, Sendable, Equatable {
        public var columns: Int
        public var rows: Int
        public var width: Int
        public var height: Int
        /// The file.
        public var file: File
    }

    /// One preset x variant.
    public struct Turntable: Codable, Sendable, Equatable {
        /// Preset id.
        public var preset: String
        /// Variant name (nil: default materials) and its folder.
        public var variant: String?
        public var variantSlug: String
        /// Frame size in pixels.
        public var width: Int
        public var height: Int
        /// `image/png` or `image/jpeg`.
        public var mimeType: String
        /// Yaw steps per row and pitch of each row.
        public var framesPerRow: Int
        public var pitch: [Float]
        /// Frames, row after row.
        public var frames: [Frame]
        /// The sprite sheet, if the preset asks for one.
        public var sprite: Sprite?
    }

    /// Asset id.
    public var asset: String
    /// The hash folder's name.
    public var contentHash: String
    /// The model's file name.
    public var source: String
    /// ``Render/RendererVersion``.
    public var renderer: String
    /// Presets x variants in work order.
    public var turntables: [Turntable]

    /// Pretty-printed JSON with sorted keys (the same bytes from every shard).
    public func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(self)) + [0x0A]
    }

    /// A manifest entry for a verified file at `folder/name`.
    static func file(_ verified: PrerenderOutput.VerifiedFile, folder: String) -> File {
        File(
            url: "\(folder)/\(verified.name)", bytes: verified.bytes.count, sha256: verified.sha256,
            etag: "\"\(verified.sha256)\"")
    }
}

/// `<out>/<asset>/latest.json`: which hash folder is the current one (the only file a viewer
/// needs to know by name; send it with a short cache lifetime, everything else is immutable).
public struct PrerenderLatest: Codable, Sendable, Equatable {
    /// Asset id.
    public var asset: String
    /// The current hash folder.
    public var contentHash: String
    /// `<hash>/manifest.json`, relative to this file.
    public var manifest: String
}
