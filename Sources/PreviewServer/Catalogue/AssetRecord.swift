import Crypto
import Foundation

/// One model file of the catalogue and its content hash.
public struct AssetRecord: Sendable, Equatable {
    /// The id (file base name, lower case).
    public var id: String
    /// The `.glb` or `.gltf` file.
    public var url: URL
    /// Path relative to the assets folder (reported by the API).
    public var relativePath: String
    /// Hex SHA-256 of the file (for `.gltf`: of the JSON and every external file it names).
    public var contentHash: String
    /// Size of the main file in bytes.
    public var fileBytes: Int
    /// Modification time of the main file, to notice replacements.
    public var modified: Date
    /// `url.path`, kept so the per-request freshness check builds no path.
    var path: String

    /// Whether the model is a single `.glb` (uploads can replace only those).
    public var isBinary: Bool { url.pathExtension.lowercased() == "glb" }

    /// Reads and hashes a model file.
    /// - Throws: when the file (or a resource of a `.gltf`) cannot be read.
    public static func load(id: String, url: URL, relativePath: String) throws -> AssetRecord {
        let stamp = FileStamp(path: url.path)
        let data = try Data(contentsOf: url)
        var hasher = SHA256()
        hasher.update(data: data)
        if url.pathExtension.lowercased() == "gltf" {
            for resource in externalResources(ofGLTF: data) {
                let resourceURL = url.deletingLastPathComponent().appendingPathComponent(resource)
                // A resource outside the model's folder is hashed only if it is readable; the
                // importer decides whether such a reference is allowed.
                if let bytes = try? Data(contentsOf: resourceURL) {
                    hasher.update(data: Array(resource.utf8))
                    hasher.update(data: bytes)
                }
            }
        }
        return AssetRecord(
            id: id, url: url, relativePath: relativePath, contentHash: Array(hasher.finalize()).hexString,
            fileBytes: data.count, modified: stamp?.modified ?? .distantPast, path: url.path)
    }

    /// Hex SHA-256 of bytes (uploads).
    public static func hash(_ bytes: [UInt8]) -> String { Array(SHA256.hash(data: bytes)).hexString }

    /// Relative URIs of buffers and images in a `.gltf` JSON (data URIs excluded).
    static func externalResources(ofGLTF data: Data) -> [String] {
        guard let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [] }
        var uris: [String] = []
        for key in ["buffers", "images"] {
            for item in json[key] as? [[String: Any]] ?? [] {
                if let uri = item["uri"] as? String, !uri.hasPrefix("data:") {
                    uris.append(uri.removingPercentEncoding ?? uri)
                }
            }
        }
        return uris
    }
}
