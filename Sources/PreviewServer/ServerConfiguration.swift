import Foundation
import Render

/// Settings of the HTTP service, from flags and `VITRINE_*` environment variables.
///
/// Every queue, cache and body has a bound here; the defaults suit a 2-core machine.
/// ```swift
/// var config = ServerConfiguration(environment: ProcessInfo.processInfo.environment)
/// config.port = 0
/// let app = try await buildApplication(config)
/// ```
public struct ServerConfiguration: Sendable {
    /// Address to bind.
    public var host: String = "127.0.0.1"
    /// Port to bind (0 picks a free port).
    public var port: Int = 8080
    /// Folder of `.glb` / `.gltf` assets served by id (searched recursively).
    public var assetsDirectory: String = "assets"
    /// Folder of the disk frame cache, or `nil` for memory only.
    public var cacheDirectory: String?

    // MARK: - Work

    /// Render workers: frames rendered at the same time (default: the number of cores).
    public var workers: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Renderer threads per frame (tiles of one frame in parallel). See docs/server.md.
    public var renderThreadsPerFrame: Int = 1
    /// Nice value of the render workers' threads (0...19; 0 = same as the event loops). Above 0,
    /// the threads that answer cached frames and refusals run first when both want a core,
    /// and the renders take all the CPU they leave: cached latency stays low while a queue of
    /// renders keeps every core busy. Linux ranks nice values within the process's own
    /// scheduling group, so this does not lend the CPU to other processes.
    public var workerNiceness: Int = 10
    /// Jobs waiting for a worker; one more is answered `503` with `Retry-After` at once.
    public var queueLimit: Int = 32
    /// A queued job not started within this many seconds is dropped (its client gets `503`).
    public var queueTimeoutSeconds: Double = 20
    /// `Retry-After` value sent with `503` answers.
    public var retryAfterSeconds: Int = 1
    /// Import and prepare every asset before `/readyz` answers `200`.
    public var preloadAssets: Bool = true

    // MARK: - Memory and disk bounds

    /// Bytes of encoded frames kept in memory (tier 1).
    public var memoryCacheBytes: Int = 256 << 20
    /// Bytes of encoded frames kept on disk (tier 2), when `cacheDirectory` is set.
    public var diskCacheBytes: Int = 2 << 30
    /// Bytes of prepared scenes (decoded textures, geometry) kept in memory.
    public var preparedSceneBytes: Int = 1 << 30
    /// Largest accepted upload body (`PUT /v1/assets/{id}`); larger ones get `413`.
    public var maxUploadBytes: Int = 64 << 20
    /// Shoppers' photos held in memory for `POST /v1/tryon` (`POST /v1/photos`): most photos.
    public var photoStoreCount: Int = 64
    /// Most bytes of photos held (the least recently used is dropped to make room).
    public var photoStoreBytes: Int = 128 << 20
    /// Largest photo accepted by `POST /v1/photos` (`413` above).
    public var maxPhotoBytes: Int = 16 << 20
    /// Seconds a photo is kept after its upload.
    public var photoTTLSeconds: Int = 600

    // MARK: - Limits on parameters

    /// Largest frame width or height in pixels.
    public var maxFrameSide: Int = 2048
    /// Largest turntable sprite sheet, in pixels (width x height).
    public var maxSheetPixels: Int = 24 << 20

    // MARK: - Security

    /// API key for write routes (`PUT` / `DELETE`); `nil` disables writes (`401`).
    public var apiKey: String?
    /// HMAC-SHA256 key for signed URLs; when set, render routes need a valid `sig` (`403`).
    public var signingKey: String?
    /// Origins allowed by CORS (`*` for any); empty disables CORS headers.
    public var corsOrigins: [String] = []

    // MARK: - Connections

    /// Seconds a connection may stay idle (or drip a request) before it is closed.
    public var idleTimeoutSeconds: Int = 30
    /// Seconds a request body (upload, try-on form) may take to arrive whole; later: `408`. The
    /// idle timeout alone does not stop a client that drips a body byte by byte.
    public var bodyTimeoutSeconds: Int = 120
    /// Log level (`trace` ... `critical`).
    public var logLevel: String = "info"

    /// Defaults: 127.0.0.1:8080, assets from `./assets`, no disk cache.
    public init() {}
}
