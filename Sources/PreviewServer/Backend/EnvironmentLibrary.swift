import Crypto
import Foundation
import NIOConcurrencyHelpers
import Render

/// The environments the `env` parameter names: `studio` (built in) and one per `.hdr` file of
/// a folder (`sunset.hdr` → `sunset`; a `studio.hdr` replaces the built-in studio).
///
/// Files are hashed when the library is made (the hash goes into frame cache keys, so an edited
/// file never serves old frames) and decoded and prepared on first use, then kept.
final class EnvironmentLibrary: Sendable {
    /// Accepted names, `studio` first (the default).
    let names: [String]
    private let files: [String: (url: URL, hash: String)]
    private let loaded = NIOLockedValueBox<[String: Environment]>([:])
    private let loading = NIOLock()

    /// Largest environment file read (an 8k x 4k RGBE image is 128 MiB).
    static let maxFileBytes = 256 << 20

    /// Lists the `.hdr` files of `directory` (none when `nil` or missing).
    init(directory: URL?) {
        var files: [String: (url: URL, hash: String)] = [:]
        if let directory,
            let entries = try? FileManager.default.contentsOfDirectory(
                at: directory, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
        {
            for url in entries where url.pathExtension.lowercased() == "hdr" {
                let name = url.deletingPathExtension().lastPathComponent
                guard AssetID.isValid(name), let data = FileManager.default.contents(atPath: url.path),
                    data.count <= Self.maxFileBytes
                else { continue }
                files[name] = (url, Array(SHA256.hash(data: data)).prefix(8).hexStringOfBytes)
            }
        }
        self.files = files
        names = ["studio"] + files.keys.filter { $0 != "studio" }.sorted()
    }

    /// What decides the environment's pixels besides its name: the file's hash (empty for the
    /// built-in studio, which the renderer version covers).
    func identity(_ name: String) -> String { files[name]?.hash ?? "" }

    /// The prepared environment `name`.
    /// - Throws: ``BackendError/unknownEnvironment(_:)`` or ``BackendError/environmentUnreadable(name:message:)``.
    func environment(_ name: String) throws -> Environment {
        if let ready = loaded.withLockedValue({ $0[name] }) { return ready }
        guard let file = files[name] else {
            if name == "studio" { return .studio() }
            throw BackendError.unknownEnvironment(name)
        }
        // One preparation at a time: two workers asking for a new environment prepare it once.
        return try loading.withLock {
            if let ready = loaded.withLockedValue({ $0[name] }) { return ready }
            let environment: Environment
            do {
                let bytes = try Data(contentsOf: file.url)
                environment = Environment(equirect: try HDRCodec.decode([UInt8](bytes), limits: DecodeLimits()))
            } catch {
                throw BackendError.environmentUnreadable(name: name, message: "\(error)")
            }
            loaded.withLockedValue { $0[name] = environment }
            return environment
        }
    }
}

extension ArraySlice where Element == UInt8 {
    /// Lower-case hex of the bytes.
    fileprivate var hexStringOfBytes: String { Array(self).hexString }
}
