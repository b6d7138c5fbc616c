import Foundation
import Logging
import NIOConcurrencyHelpers

/// The assets served by id: model files found under the assets folder, their content hashes,
/// and their prepared scenes (kept in an LRU bounded in bytes, prepared once per content hash).
///
/// A file replaced on disk (by an upload to another instance, or by hand) is noticed on the
/// next request for it (size or modification time changed) and hashed again.
public final class AssetCatalogue: Sendable {
    let root: URL
    private let backend: any RenderBackend
    private let pool: WorkerPool
    private let metrics: ServerMetrics
    let logger: Logger
    private let preparing = SingleFlight<String, PreparedAsset>()
    private let state: NIOLockedValueBox<State>

    private struct State {
        var records: [String: AssetRecord] = [:]
        var prepared: MemoryLRU<String, PreparedAsset>
        var facts: [String: AssetFacts] = [:]  // by content hash; small, kept
        var failures: [String: String] = [:]  // by content hash: import error
        var ready = false
        var lastScan: ContinuousClock.Instant?
    }

    /// Creates the catalogue (call ``scan()`` to fill it).
    public init(
        root: URL, preparedBytes: Int, backend: any RenderBackend, pool: WorkerPool, metrics: ServerMetrics,
        logger: Logger
    ) {
        self.root = root.standardizedFileURL
        self.backend = backend
        self.pool = pool
        self.metrics = metrics
        self.logger = logger
        self.state = NIOLockedValueBox(State(prepared: MemoryLRU(maxBytes: preparedBytes)))
    }

    /// Whether assets are loaded (``preload()`` done, or ``scan()`` when not preloading).
    public var isReady: Bool { state.withLockedValue { $0.ready } }

    /// Marks the catalogue ready (after a scan without preloading).
    public func markReady() { state.withLockedValue { $0.ready = true } }

    /// Returns once ``isReady`` (polls every 20 ms; start-up only), or when the task is cancelled.
    public func waitUntilReady() async {
        while !isReady, !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    // MARK: - Scanning

    /// Finds every `.glb` / `.gltf` under the root (sub-folders too) and hashes it.
    /// Files whose name is not a valid id, and duplicate ids, are skipped with a warning.
    public func scan() {
        var found: [String: AssetRecord] = [:]
        let files = Self.modelFiles(under: root)
        for (url, relative) in files {
            guard let id = AssetID.fromFileName(url.lastPathComponent) else {
                logger.warning("skipped a model whose name is not a valid id", metadata: ["path": "\(relative)"])
                continue
            }
            if let existing = found[id] {
                logger.warning(
                    "duplicate asset id; keeping the first",
                    metadata: ["id": "\(id)", "kept": "\(existing.relativePath)", "skipped": "\(relative)"])
                continue
            }
            do {
                found[id] = try AssetRecord.load(id: id, url: url, relativePath: relative)
            } catch {
                logger.warning("cannot read a model", metadata: ["path": "\(relative)", "error": "\(error)"])
            }
        }
        let count = found.count
        let bytes = state.withLockedValue { state -> Int in
            state.records = found
            state.lastScan = .now
            return state.prepared.bytes
        }
        metrics.assets(count: count, preparedBytes: bytes)
    }

    /// Model files under `root`, sorted by relative path (hidden files and folders skipped).
    static func modelFiles(under root: URL) -> [(URL, String)] {
        guard
            let enumerator = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var files: [(URL, String)] = []
        let rootPath = root.standardizedFileURL.path
        for case let url as URL in enumerator {
            let ext = url.pathExtension.lowercased()
            guard ext == "glb" || ext == "gltf" else { continue }
            let path = url.standardizedFileURL.path
            let relative = path.hasPrefix(rootPath + "/") ? String(path.dropFirst(rootPath.count + 1)) : path
            files.append((url, relative))
        }
        return files.sorted { $0.1 < $1.1 }
    }

    /// Imports and prepares every asset (batch priority), then marks the catalogue ready.
    /// Failures are logged and reported per asset; they do not block readiness.
    public func preload() async {
        for record in list() {
            do {
                _ = try await prepared(record)
            } catch {
                logger.error("asset failed to load", metadata: ["id": "\(record.id)", "error": "\(error)"])
            }
        }
        markReady()
        logger.info("assets loaded", metadata: ["count": "\(list().count)"])
    }

    // MARK: - Lookup

    /// Every asset, sorted by id.
    public func list() -> [AssetRecord] {
        state.withLockedValue { Array($0.records.values) }.sorted { $0.id < $1.id }
    }

    /// The asset `id`, re-hashed if its file changed since it was read.
    /// - Throws: ``CatalogueError/invalidID(_:)`` or ``CatalogueError/notFound(_:)``.
    public func record(_ id: String) throws -> AssetRecord {
        guard AssetID.isValid(id) else { throw CatalogueError.invalidID(id) }
        guard let record = state.withLockedValue({ $0.records[id] }) ?? rescanForUnknown(id) else {
            throw CatalogueError.notFound(id)
        }
        return try refreshed(record)
    }

    /// Facts of an asset (imports it if needed).
    /// - Throws: ``CatalogueError/importFailed(id:message:)`` or a pool error.
    public func facts(_ record: AssetRecord) async throws -> AssetFacts {
        if let facts = state.withLockedValue({ $0.facts[record.contentHash] }) { return facts }
        return try await prepared(record).facts
    }

    /// The import error of an asset that failed, if any.
    public func failure(_ record: AssetRecord) -> String? {
        state.withLockedValue { $0.failures[record.contentHash] }
    }

    /// The prepared scene of an asset: from the LRU, or imported once on a worker however many
    /// requests ask at the same time.
    /// - Throws: ``CatalogueError/importFailed(id:message:)``, ``PoolError``, `CancellationError`.
    public func prepared(_ record: AssetRecord, priority: JobPriority = .interactive) async throws -> PreparedAsset {
        if let prepared = state.withLockedValue({ $0.prepared.value(for: record.contentHash) }) { return prepared }
        if let failure = self.failure(record) { throw CatalogueError.importFailed(id: record.id, message: failure) }
        let backend = self.backend
        do {
            let (prepared, _) = try await preparing.run(record.contentHash) {
                try await self.pool.run(priority: priority) {
                    let prepared: PreparedAsset
                    do {
                        prepared = try backend.prepare(contentsOf: record.url)
                    } catch {
                        try Self.checkUnchanged(record)
                        throw CatalogueError.importFailed(id: record.id, message: "\(error)")
                    }
                    try Self.checkUnchanged(record)
                    return prepared
                }
            }
            keep(prepared, hash: record.contentHash)
            return prepared
        } catch CatalogueError.importFailed(let id, let message) {
            // Remember it: the same bytes will fail the same way (a new file gets a new hash).
            state.withLockedValue { $0.failures[record.contentHash] = message }
            throw CatalogueError.importFailed(id: id, message: message)
        }
    }

    /// Throws ``CatalogueError/changedWhileLoading(id:)`` unless the file still hashes to the
    /// record's content hash: the scene just imported is kept under that hash, so it must be
    /// the content the hash names (a file replaced meanwhile gets its own hash and import).
    static func checkUnchanged(_ record: AssetRecord) throws {
        let now = try? AssetRecord.load(id: record.id, url: record.url, relativePath: record.relativePath)
        guard now?.contentHash == record.contentHash else { throw CatalogueError.changedWhileLoading(id: record.id) }
    }

    private func keep(_ prepared: PreparedAsset, hash: String) {
        let bytes = state.withLockedValue { state -> Int in
            state.facts[hash] = prepared.facts
            state.prepared.insert(prepared, for: hash, bytes: max(1, prepared.memoryBytes))
            return state.prepared.bytes
        }
        metrics.assets(count: state.withLockedValue { $0.records.count }, preparedBytes: bytes)
    }

    // MARK: - Changes on disk

    private func refreshed(_ record: AssetRecord) throws -> AssetRecord {
        guard let stamp = FileStamp(path: record.path) else {
            state.withLockedValue { $0.records[record.id] = nil }
            throw CatalogueError.notFound(record.id)
        }
        guard stamp.size != record.fileBytes || stamp.modified != record.modified else { return record }
        let fresh = try AssetRecord.load(id: record.id, url: record.url, relativePath: record.relativePath)
        state.withLockedValue { $0.records[record.id] = fresh }
        logger.info("asset changed on disk", metadata: ["id": "\(record.id)", "hash": "\(fresh.contentHash)"])
        return fresh
    }

    /// Rescans the folder for an unknown id, at most once every 2 seconds.
    private func rescanForUnknown(_ id: String) -> AssetRecord? {
        let due = state.withLockedValue { state -> Bool in
            if let last = state.lastScan, ContinuousClock.now - last < .seconds(2) { return false }
            state.lastScan = .now
            return true
        }
        guard due else { return nil }
        scan()
        return state.withLockedValue { $0.records[id] }
    }

    // MARK: - Uploads

    /// Records an uploaded model (already validated and written) and keeps its prepared scene.
    func didStore(_ record: AssetRecord, prepared: PreparedAsset) {
        state.withLockedValue { $0.records[record.id] = record }
        keep(prepared, hash: record.contentHash)
    }

    /// Forgets a deleted asset.
    func didDelete(_ id: String) {
        state.withLockedValue { $0.records[id] = nil }
    }

    /// The record for `id` without re-hashing, if present (uploads).
    func existing(_ id: String) -> AssetRecord? { state.withLockedValue { $0.records[id] } }

    /// Prepares a model from memory on a worker (upload validation).
    func validateUpload(_ bytes: [UInt8], id: String) async throws -> PreparedAsset {
        let backend = self.backend
        return try await pool.run(priority: .interactive) {
            do {
                return try backend.prepare(glb: bytes, name: "\(id).glb")
            } catch {
                throw CatalogueError.invalidUpload(message: "\(error)")
            }
        }
    }
}
