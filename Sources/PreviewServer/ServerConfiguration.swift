import Render

/// Settings of the HTTP service, from flags and `VITRINE_*` environment variables.
public struct ServerConfiguration: Sendable {
    /// Address to bind.
    public var host: String = "127.0.0.1"
    /// Port to bind (0 picks a free port).
    public var port: Int = 8080
    /// Folder of `.glb` / `.gltf` assets served by id.
    public var assetsDirectory: String = "assets"
    /// Folder of the disk frame cache, or `nil` for memory only.
    public var cacheDirectory: String?

    /// Defaults: 127.0.0.1:8080, assets from `./assets`, no disk cache.
    public init() {}
}
