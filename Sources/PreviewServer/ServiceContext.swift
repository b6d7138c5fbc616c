import Foundation
import Logging
import Render

/// Everything the routes share: configuration, catalogue, frames, pool, cache, metrics.
/// Built once by ``buildServiceContext(_:backend:logger:)``.
public struct ServiceContext: Sendable {
    /// The configuration the service was started with.
    public let configuration: ServerConfiguration
    /// The assets.
    public let catalogue: AssetCatalogue
    /// Frames and sheets.
    public let frames: FrameService
    /// The render workers.
    public let pool: WorkerPool
    /// The frame cache.
    public let cache: FrameCache
    /// Metrics printed by `/metrics`.
    public let metrics: ServerMetrics
    /// The URL signer, when a signing key is set.
    public let signer: URLSigner?
    /// The try-on renderer over `<assets>/garments`, when that folder holds items.
    public let tryOn: TryOnRenderer?
    /// Shoppers' photos uploaded for try-on (memory only).
    public let photos: PhotoStore
    /// The service's logger.
    public let logger: Logger
}

/// Builds the shared parts of the service (no socket yet).
/// - Parameters:
///   - config: the configuration.
///   - backend: the renderer seam; ``StandardBackend`` in production.
///   - logger: the service's logger.
/// - Throws: ``CacheError`` when the disk cache folder cannot be made.
public func buildServiceContext(
    _ config: ServerConfiguration, backend: any RenderBackend, logger: Logger
) throws -> ServiceContext {
    let metrics = ServerMetrics()
    let pool = WorkerPool(
        workers: config.workers, niceness: config.workerNiceness, queueLimit: config.queueLimit,
        queueTimeout: .milliseconds(Int(config.queueTimeoutSeconds * 1000)),
        retryAfterSeconds: config.retryAfterSeconds, metrics: metrics, logger: logger)
    let cache = try FrameCache(
        memoryBytes: config.memoryCacheBytes, diskDirectory: config.cacheDirectory.map { URL(fileURLWithPath: $0) },
        diskBytes: config.diskCacheBytes, metrics: metrics, logger: logger)
    let catalogue = AssetCatalogue(
        root: URL(fileURLWithPath: config.assetsDirectory), preparedBytes: config.preparedSceneBytes,
        backend: backend, pool: pool, metrics: metrics, logger: logger)
    let frames = FrameService(catalogue: catalogue, cache: cache, pool: pool, backend: backend, metrics: metrics)
    return ServiceContext(
        configuration: config, catalogue: catalogue, frames: frames, pool: pool, cache: cache, metrics: metrics,
        signer: config.signingKey.map(URLSigner.init(key:)),
        tryOn: tryOnRenderer(assets: URL(fileURLWithPath: config.assetsDirectory), logger: logger),
        photos: PhotoStore(
            maxCount: config.photoStoreCount, maxBytes: config.photoStoreBytes, maxPhotoBytes: config.maxPhotoBytes,
            ttl: .seconds(config.photoTTLSeconds), metrics: metrics),
        logger: logger)
}

/// The try-on renderer over `<assets>/garments` plus, when present, the 3D accessories of
/// `<assets>/accessories` (e.g. the sunglasses), or `nil` (logged) without a garments folder.
func tryOnRenderer(assets: URL, logger: Logger) -> TryOnRenderer? {
    let garments = assets.appendingPathComponent("garments")
    guard FileManager.default.fileExists(atPath: garments.path) else { return nil }
    var folders = [garments]
    let accessories = assets.appendingPathComponent("accessories")
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: accessories.path, isDirectory: &isFolder), isFolder.boolValue {
        folders.append(accessories)
    }
    do {
        let catalogue = try ItemCatalogue(directories: folders)
        for (id, problem) in catalogue.problems {
            logger.warning("try-on item skipped", metadata: ["id": "\(id)", "error": "\(problem)"])
        }
        return catalogue.ids.isEmpty ? nil : TryOnRenderer(catalogue: catalogue)
    } catch {
        logger.warning("try-on items cannot be read", metadata: ["path": "\(garments.path)", "error": "\(error)"])
        return nil
    }
}
