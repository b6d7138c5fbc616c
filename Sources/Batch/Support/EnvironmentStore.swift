import Foundation
import Render

/// Prepared image-based lights by name (`studio` or an `.hdr` path), each loaded once and
/// shared by every frame that uses it.
public final class EnvironmentStore: @unchecked Sendable {
    private let lock = NSLock()
    private var loaded: [String: Environment] = [:]

    /// An empty store.
    public init() {}

    /// The environment for `name` (`studio`, or an `.hdr` file resolved against `base`).
    /// - Throws: `ImageError` when the file cannot be read or decoded.
    public func environment(_ name: String, relativeTo base: URL) throws -> Environment {
        if name == "studio" { return .studio() }
        let url = URL(fileURLWithPath: name, relativeTo: base).standardizedFileURL
        lock.lock()
        defer { lock.unlock() }
        if let environment = loaded[url.path] { return environment }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ImageError.decodeFailed(
                codec: .hdr, message: "cannot read \(url.path): \(error.localizedDescription)")
        }
        let environment = Environment(equirect: try HDRCodec.decode([UInt8](data), limits: DecodeLimits()))
        loaded[url.path] = environment
        return environment
    }
}
