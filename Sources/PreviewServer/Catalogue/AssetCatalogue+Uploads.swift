import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension AssetCatalogue {
    /// Validates an uploaded `.glb` by importing it from memory, then stores it atomically
    /// (temporary file beside the target, fsync, rename, fsync of the folder).
    ///
    /// A new id goes to `<assets>/uploads/<id>.glb`; an existing `.glb` is replaced in place.
    /// An invalid upload, or a failed write, changes nothing that was stored.
    /// - Returns: the new record, and whether the asset is new.
    /// - Throws: ``CatalogueError``, ``PoolError``.
    public func store(id: String, bytes: [UInt8]) async throws -> (record: AssetRecord, created: Bool) {
        guard AssetID.isValid(id) else { throw CatalogueError.invalidID(id) }
        let existing = self.existing(id)
        if let existing, !existing.isBinary {
            throw CatalogueError.notReplaceable(id: id, path: existing.relativePath)
        }
        let prepared = try await validateUpload(bytes, id: id)
        let relative = existing?.relativePath ?? "uploads/\(id).glb"
        let target = root.appendingPathComponent(relative)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(id).upload-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try AtomicFile.writeSynced(bytes, to: temporary.path)
            try AtomicFile.replace(target.path, with: temporary.path)
        } catch {
            throw CatalogueError.storeFailed(message: "\(error)")
        }
        let record = try AssetRecord.load(id: id, url: target, relativePath: relative)
        // Another upload of the same id may have been renamed in since: keep this upload's
        // scene only under the hash of its own bytes, never under the other file's hash.
        if record.contentHash == AssetRecord.hash(bytes) {
            didStore(record, prepared: prepared)
        } else {
            logger.info("asset replaced again during its upload", metadata: ["id": "\(id)"])
        }
        return (record, existing == nil)
    }

    /// Deletes an asset's file.
    /// - Throws: ``CatalogueError/notFound(_:)``, ``CatalogueError/storeFailed(message:)``.
    public func delete(id: String) throws {
        let record = try self.record(id)
        guard unlink(record.url.path) == 0 || errno == ENOENT else {
            throw CatalogueError.storeFailed(
                message: "unlink \(record.relativePath): \(String(cString: strerror(errno)))")
        }
        AtomicFile.syncFolder(of: record.url.path)
        didDelete(id)
    }
}
