import NIOConcurrencyHelpers

/// Shoppers' photos uploaded with `POST /v1/photos`, held **in memory only** until a
/// `POST /v1/tryon` names them: never written to disk, never cached with frames, never logged.
///
/// Bounded in count and bytes (the least recently used photo is dropped to make room) and in
/// time: a photo expires ``ttl`` after its upload, whether used or not, and ``removeExpired()``
/// (run every few seconds by ``PhotoSweepService``) frees it. Ids are 128 random bits from the
/// system's CSPRNG, so they cannot be guessed; an id is the only way to reach a photo.
public final class PhotoStore: Sendable {
    /// One stored photo.
    struct Entry: Sendable {
        var bytes: [UInt8]
        var expires: ContinuousClock.Instant
    }

    /// What an upload answered: the id and how long it stays.
    public struct Receipt: Sendable, Equatable {
        /// The photo's id (32 lower-case hex digits).
        public var id: String
        /// Seconds until the photo expires.
        public var expiresInSeconds: Int
    }

    /// Most photos kept.
    public let maxCount: Int
    /// Most bytes kept (all photos together).
    public let maxBytes: Int
    /// Largest single photo.
    public let maxPhotoBytes: Int
    /// How long a photo is kept after its upload.
    public let ttl: Duration
    private let now: @Sendable () -> ContinuousClock.Instant
    private let state: NIOLockedValueBox<MemoryLRU<String, Entry>>
    private let metrics: ServerMetrics?

    /// Creates an empty store.
    /// - Parameters:
    ///   - maxCount: most photos kept.
    ///   - maxBytes: most bytes kept.
    ///   - maxPhotoBytes: largest photo (at most `maxBytes`).
    ///   - ttl: lifetime of a photo from its upload.
    ///   - metrics: where `vitrine_photos_stored` / `vitrine_photo_bytes` go.
    ///   - now: the clock (tests pass their own).
    public init(
        maxCount: Int, maxBytes: Int, maxPhotoBytes: Int, ttl: Duration, metrics: ServerMetrics? = nil,
        now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }
    ) {
        self.maxCount = max(1, maxCount)
        self.maxBytes = max(1, maxBytes)
        self.maxPhotoBytes = min(max(1, maxPhotoBytes), self.maxBytes)
        self.ttl = ttl
        self.metrics = metrics
        self.now = now
        self.state = NIOLockedValueBox(MemoryLRU(maxBytes: self.maxBytes, maxCount: self.maxCount))
        metrics?.photos(count: 0, bytes: 0)
    }

    /// Keeps `bytes` (already checked to be an image) and returns its new id.
    /// - Throws: ``PhotoStoreError/tooLarge(limit:)``.
    public func insert(_ bytes: [UInt8]) throws -> Receipt {
        guard bytes.count <= maxPhotoBytes else { throw PhotoStoreError.tooLarge(limit: maxPhotoBytes) }
        let id = Self.newID()
        let expires = now() + ttl
        let (count, total) = state.withLockedValue { lru in
            lru.insert(Entry(bytes: bytes, expires: expires), for: id, bytes: bytes.count)
            return (lru.count, lru.bytes)
        }
        metrics?.photos(count: count, bytes: total)
        return Receipt(id: id, expiresInSeconds: Int(ttl.components.seconds))
    }

    /// The photo `id`, if it is stored and has not expired.
    /// - Throws: ``PhotoStoreError/malformedID(_:)`` or ``PhotoStoreError/unknown(_:)``.
    public func photo(_ id: String) throws -> [UInt8] {
        guard Self.isWellFormed(id) else { throw PhotoStoreError.malformedID(id) }
        let now = self.now()
        let entry = state.withLockedValue { lru -> Entry? in
            guard let entry = lru.value(for: id) else { return nil }
            guard entry.expires > now else {
                lru.removeValue(for: id)
                return nil
            }
            return entry
        }
        guard let entry else { throw PhotoStoreError.unknown(id) }
        return entry.bytes
    }

    /// Forgets the photo `id` at once.
    /// - Throws: ``PhotoStoreError/malformedID(_:)`` or ``PhotoStoreError/unknown(_:)``.
    public func remove(_ id: String) throws {
        guard Self.isWellFormed(id) else { throw PhotoStoreError.malformedID(id) }
        let (removed, count, total) = state.withLockedValue { lru in
            let removed = lru.removeValue(for: id)
            return (removed, lru.count, lru.bytes)
        }
        metrics?.photos(count: count, bytes: total)
        guard removed != nil else { throw PhotoStoreError.unknown(id) }
    }

    /// Frees every expired photo; returns how many.
    @discardableResult
    public func removeExpired() -> Int {
        let now = self.now()
        let (removed, count, total) = state.withLockedValue { lru in
            let before = lru.count
            lru.removeAllEntries(where: { _, entry in entry.expires <= now })
            return (before - lru.count, lru.count, lru.bytes)
        }
        if removed > 0 { metrics?.photos(count: count, bytes: total) }
        return removed
    }

    /// Photos and bytes held now.
    public var usage: (count: Int, bytes: Int) { state.withLockedValue { ($0.count, $0.bytes) } }

    /// 128 random bits as 32 lower-case hex digits.
    static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return bytes.hexString
    }

    /// Whether `id` has the form of an id (32 lower-case hex digits).
    static func isWellFormed(_ id: String) -> Bool {
        id.utf8.count == 32
            && id.utf8.allSatisfy {
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                    || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0)
            }
    }
}
