import Foundation
import Logging
import Render

/// Frames and sprite sheets without HTTP: cache lookup, single flight, the pool, encoding.
public final class FrameService: Sendable {
    /// Where an answer came from (`X-Vitrine-Cache` header and the log's `cache` field).
    public enum Source: String, Sendable {
        /// Tier 1.
        case memory
        /// Tier 2 (verified).
        case disk
        /// Rendered for this request.
        case rendered
        /// Rendered once for this and identical concurrent requests (single flight).
        case coalesced
    }

    let catalogue: AssetCatalogue
    let cache: FrameCache
    let pool: WorkerPool
    let backend: any RenderBackend
    let metrics: ServerMetrics
    private let flights = SingleFlight<CacheKey, CachedFrame>()

    /// Creates the service over its parts.
    public init(
        catalogue: AssetCatalogue, cache: FrameCache, pool: WorkerPool, backend: any RenderBackend,
        metrics: ServerMetrics
    ) {
        self.catalogue = catalogue
        self.cache = cache
        self.pool = pool
        self.backend = backend
        self.metrics = metrics
    }

    /// The cache key (and ETag) of a frame of `record`.
    public func key(_ record: AssetRecord, _ request: FrameRequest) -> CacheKey {
        CacheKey(assetHash: record.contentHash, parameters: request.canonical + environmentSuffix(request))
    }

    /// The cache key (and ETag) of a sprite sheet of `record`.
    public func key(_ record: AssetRecord, _ request: TurntableRequest) -> CacheKey {
        CacheKey(assetHash: record.contentHash, parameters: request.canonical + environmentSuffix(request.base))
    }

    /// The environment file's identity, when it has one (an edited `.hdr` gets new keys).
    private func environmentSuffix(_ request: FrameRequest) -> String {
        let identity = backend.environmentIdentity(request.environment)
        return identity.isEmpty ? "" : ";envid=\(identity)"
    }

    /// Checks the variant against the asset's `KHR_materials_variants`.
    /// - Throws: ``ParameterError`` listing the asset's variants.
    public func validate(variant: String, of record: AssetRecord) async throws {
        guard !variant.isEmpty else { return }
        let facts = try await catalogue.facts(record)
        guard facts.variants.contains(variant) else {
            let expected =
                facts.variants.isEmpty
                ? "none (this asset has no variants)" : "one of " + facts.variants.joined(separator: ", ")
            throw ParameterError.invalid(name: "variant", value: variant, expected: expected)
        }
    }

    /// The cached frame or sheet for `key`, if either tier has it.
    public func cached(_ key: CacheKey) -> (CachedFrame, Source)? {
        cache.lookup(key).map { ($0.frame, Source($0.tier)) }
    }

    /// One encoded frame, rendered once however many ask for it at the same time (call
    /// ``cached(_:)`` first).
    /// - Throws: ``PoolError`` (overload), ``CatalogueError``, render errors, `CancellationError`.
    public func render(_ record: AssetRecord, _ request: FrameRequest, priority: JobPriority) async throws -> (
        CachedFrame, Source
    ) {
        let key = self.key(record, request)
        let backend = self.backend
        let environment = request.environment
        let options = request.renderOptions
        let format = request.format
        let quality = request.quality
        return try await produce(key, kind: "frame", record: record, priority: priority) { prepared in
            let image = try backend.render(prepared, options: options, environment: environment)
            return CachedFrame(
                contentType: format.mediaType, bytes: try backend.encode(image, format: format, quality: quality))
        }
    }

    /// One sprite sheet (columns = frames, rows = rows), rendered on one worker.
    /// - Throws: as ``render(_:_:priority:)``.
    public func renderSheet(_ record: AssetRecord, _ request: TurntableRequest, priority: JobPriority) async throws
        -> (CachedFrame, Source)
    {
        let key = self.key(record, request)
        let backend = self.backend
        return try await produce(key, kind: "sheet", record: record, priority: priority) { prepared in
            let sheet = try SpriteSheet.render(request) { cell in
                try backend.render(prepared, options: cell.renderOptions, environment: cell.environment)
            }
            let bytes = try backend.encode(sheet, format: request.base.format, quality: request.base.quality)
            return CachedFrame(contentType: request.base.format.mediaType, bytes: bytes)
        }
    }

    private func produce(
        _ key: CacheKey, kind: String, record: AssetRecord, priority: JobPriority,
        _ work: @escaping @Sendable (PreparedAsset) throws -> CachedFrame
    ) async throws -> (CachedFrame, Source) {
        let (cache, pool, catalogue, metrics) = (self.cache, self.pool, self.catalogue, self.metrics)
        let (frame, coalesced) = try await flights.run(key) {
            // A flight that finished just before this one started has stored the frame.
            if let frame = cache.peekMemory(key) { return frame }
            let prepared = try await catalogue.prepared(record, priority: priority)
            return try await pool.run(priority: priority) {
                let start = ContinuousClock.now
                let frame = try work(prepared)
                metrics.renderFinished(kind: kind, duration: .now - start)
                cache.store(frame, for: key)
                return frame
            }
        }
        if coalesced { metrics.coalesced() }
        return (frame, coalesced ? .coalesced : .rendered)
    }
}

extension FrameService.Source {
    init(_ tier: FrameCache.Tier) {
        switch tier {
        case .memory: self = .memory
        case .disk: self = .disk
        }
    }
}
