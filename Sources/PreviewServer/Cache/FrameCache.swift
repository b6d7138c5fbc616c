import Foundation
import Logging
import NIOConcurrencyHelpers

/// The two-tier frame cache: memory LRU (bounded in bytes) in front of the disk cache.
///
/// A disk hit is promoted to memory. A failing disk write (full disk, folder deleted) is
/// logged and counted, and the service goes on; after repeated failures the disk tier is
/// switched off for a minute (`vitrine_cache_disk_enabled` 0) and retried afterwards.
public final class FrameCache: Sendable {
    /// Where an answer came from; also the `X-Vitrine-Cache` header and the log field.
    public enum Tier: String, Sendable {
        case memory, disk
    }

    private let memory: NIOLockedValueBox<MemoryLRU<CacheKey, CachedFrame>>
    private let disk: DiskCache?
    private let metrics: ServerMetrics
    private let logger: Logger
    private let diskState = NIOLockedValueBox(DiskHealth())

    private struct DiskHealth {
        var consecutiveFailures = 0
        var disabledUntil: ContinuousClock.Instant?
    }

    /// Creates the cache.
    /// - Parameters:
    ///   - memoryBytes: bound of tier 1.
    ///   - diskDirectory: folder of tier 2, or `nil` for memory only.
    ///   - diskBytes: bound of tier 2.
    /// - Throws: ``CacheError`` when the disk folder cannot be created.
    public init(memoryBytes: Int, diskDirectory: URL?, diskBytes: Int, metrics: ServerMetrics, logger: Logger) throws {
        self.memory = NIOLockedValueBox(MemoryLRU(maxBytes: memoryBytes))
        self.disk = try diskDirectory.map { try DiskCache(directory: $0, maxBytes: diskBytes) }
        self.metrics = metrics
        self.logger = logger
        metrics.diskEnabled(disk != nil)
        if let disk { metrics.cacheSize(tier: "disk", bytes: disk.approximateBytes, entries: nil) }
    }

    /// The frame for `key` from memory, else from disk (verified), else `nil`.
    public func lookup(_ key: CacheKey) -> (frame: CachedFrame, tier: Tier)? {
        if let frame = memory.withLockedValue({ $0.value(for: key) }) {
            metrics.cacheHit(tier: "memory")
            return (frame, .memory)
        }
        metrics.cacheMiss(tier: "memory")
        guard let disk, diskUsable() else { return nil }
        switch disk.read(key) {
        case .hit(let frame):
            metrics.cacheHit(tier: "disk")
            insertInMemory(frame, for: key)
            return (frame, .disk)
        case .miss:
            metrics.cacheMiss(tier: "disk")
            return nil
        case .corrupt(let reason):
            logger.warning("discarded a corrupt disk cache entry", metadata: ["key": "\(key)", "reason": "\(reason)"])
            metrics.cacheCorrupt(reason: reason)
            metrics.cacheMiss(tier: "disk")
            return nil
        }
    }

    /// The frame for `key` in memory, without counting a hit or a miss (single flight's re-check).
    public func peekMemory(_ key: CacheKey) -> CachedFrame? {
        memory.withLockedValue { $0.value(for: key) }
    }

    /// Keeps a freshly rendered frame in both tiers. Called on a worker thread (disk I/O).
    public func store(_ frame: CachedFrame, for key: CacheKey) {
        insertInMemory(frame, for: key)
        guard let disk, diskUsable() else { return }
        do {
            let bound = disk.boundBytes
            let evicted = try disk.write(frame, for: key)
            if disk.boundBytes < bound {
                logger.warning(
                    "disk cache folder full before its bound; bound lowered",
                    metadata: ["bytes": "\(disk.boundBytes)", "configured": "\(disk.maxBytes)"])
            }
            metrics.cacheEvicted(tier: "disk", count: evicted)
            metrics.cacheSize(tier: "disk", bytes: disk.approximateBytes, entries: nil)
            diskState.withLockedValue { $0.consecutiveFailures = 0 }
        } catch {
            metrics.diskWriteFailed()
            let disabled = diskState.withLockedValue { state -> Bool in
                state.consecutiveFailures += 1
                guard state.consecutiveFailures >= 3 else { return false }
                state.disabledUntil = .now + .seconds(60)
                state.consecutiveFailures = 0
                return true
            }
            logger.error(
                "disk cache write failed\(disabled ? "; disk tier off for 60 s" : "")",
                metadata: ["error": "\(error)"])
            if disabled { metrics.diskEnabled(false) }
        }
    }

    /// Removes entries from memory (disk entries are content-addressed and age out).
    public func removeFromMemory(where matches: @Sendable (CacheKey) -> Bool) {
        memory.withLockedValue { $0.removeAll(where: matches) }
    }

    /// Path of the disk entry for `key` (tests corrupt it on purpose).
    public func testOnly_diskPath(for key: CacheKey) -> String? { disk?.entryPath(key) }

    /// Forgets the memory tier (tests reach the disk tier this way).
    public func testOnly_clearMemory() { memory.withLockedValue { $0.removeAll { _ in true } } }

    private func insertInMemory(_ frame: CachedFrame, for key: CacheKey) {
        let (evicted, bytes, count) = memory.withLockedValue { lru in
            let evicted = lru.insert(frame, for: key, bytes: frame.memoryCost)
            return (evicted.count, lru.bytes, lru.count)
        }
        metrics.cacheEvicted(tier: "memory", count: evicted)
        metrics.cacheSize(tier: "memory", bytes: bytes, entries: count)
    }

    private func diskUsable() -> Bool {
        diskState.withLockedValue { state in
            guard let until = state.disabledUntil else { return true }
            if ContinuousClock.now < until { return false }
            state.disabledUntil = nil
            metrics.diskEnabled(true)
            return true
        }
    }
}
