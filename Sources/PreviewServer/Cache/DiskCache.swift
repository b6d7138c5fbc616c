import Foundation
import NIOConcurrencyHelpers

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Tier 2 of the frame cache: content-addressed files, bounded in bytes.
///
/// - Files are `<dir>/<first two hex digits>/<key hex>.vfc` (see ``DiskCacheFormat``).
/// - A write goes to `<dir>/tmp/`, is fsynced, then renamed into place: a reader sees the
///   whole old file, the whole new one, or none; several processes may share the folder
///   without locks (the same key always holds the same bytes).
/// - Every read is verified; a corrupt or truncated entry is deleted and reported as such.
/// - When the tally passes the bound, the oldest files (by modification time, refreshed on
///   each hit) are deleted until 90% of it; files vanishing under another process are fine.
/// - A write refused for a full file system evicts a quarter of this cache's files, lowers
///   the bound to what is left (``boundBytes``) and is tried once more.
final class DiskCache: Sendable {
    /// Outcome of a read.
    enum ReadResult: Sendable, Equatable {
        case hit(CachedFrame)
        case miss
        case corrupt(reason: String)
    }

    let directory: URL
    let maxBytes: Int
    /// Largest entry read back (a bigger file is treated as corrupt).
    let maxEntryBytes: Int
    private let state: NIOLockedValueBox<State>

    private struct State {
        var approximateBytes = 0
        var evicting = false
        var tempCounter = 0
        /// `maxBytes`, lowered when the file system fills up before the bound.
        var boundBytes = Int.max
    }

    /// Opens (and creates) the cache folder, counts its bytes and removes stale temp files.
    /// - Throws: ``CacheError`` when the folder cannot be created.
    init(directory: URL, maxBytes: Int, maxEntryBytes: Int = 256 << 20) throws {
        self.directory = directory
        self.maxBytes = maxBytes
        self.maxEntryBytes = maxEntryBytes
        self.state = NIOLockedValueBox(State(boundBytes: maxBytes))
        try createDirectories()
        let (entries, bytes) = scan()
        _ = entries
        state.withLockedValue { $0.approximateBytes = bytes }
        removeStaleTemporaryFiles(olderThan: 3600)
    }

    /// Bytes on disk as last counted by this process.
    var approximateBytes: Int { state.withLockedValue { $0.approximateBytes } }

    /// The bound in force: `maxBytes`, or less once the file system was found full before it.
    var boundBytes: Int { state.withLockedValue { $0.boundBytes } }

    // MARK: - Read

    /// Reads and verifies the entry for `key`. Deletes it when it fails verification.
    func read(_ key: CacheKey) -> ReadResult {
        let path = entryPath(key)
        let file: [UInt8]
        switch readFile(path) {
        case .success(let bytes): file = bytes
        case .failure(.missing): return .miss
        case .failure(.tooLarge):
            unlink(path)
            return .corrupt(reason: "too_large")
        case .failure(.io): return .miss
        }
        switch DiskCacheFormat.decode(file, key: key) {
        case .success(let frame):
            utimensat(AT_FDCWD, path, nil, 0)  // refresh the age used by eviction
            return .hit(frame)
        case .failure(let failure):
            unlink(path)
            state.withLockedValue { $0.approximateBytes = max(0, $0.approximateBytes - file.count) }
            return .corrupt(reason: failure.rawValue)
        }
    }

    // MARK: - Write

    /// Writes an entry atomically (temp file, fsync, rename). Returns the files evicted.
    /// - Throws: ``CacheError/io(operation:path:errno:)`` (disk full, folder gone ...).
    @discardableResult
    func write(_ frame: CachedFrame, for key: CacheKey) throws -> Int {
        let file = DiskCacheFormat.encode(frame, key: key)
        let counter = state.withLockedValue {
            $0.tempCounter += 1
            return $0.tempCounter
        }
        let temp = directory.appendingPathComponent("tmp/\(key.hex).\(getpid()).\(counter).tmp").path
        let target = entryPath(key)
        do {
            try createShard(for: key)
        } catch CacheError.io(_, _, ENOENT) {
            // The folder was deleted under us: make it again, once.
            try createDirectories()
            try createShard(for: key)
        }
        do {
            try AtomicFile.writeSynced(file, to: temp)
        } catch CacheError.io(_, _, ENOENT) {
            try createDirectories()
            try AtomicFile.writeSynced(file, to: temp)
        } catch CacheError.io(let operation, let path, let code) where code == ENOSPC || code == EDQUOT {
            // The file system is smaller than the bound: make room among our own entries,
            // keep the lower bound from now on, and try once more.
            guard shrinkBound() else { throw CacheError.io(operation: operation, path: path, errno: code) }
            try AtomicFile.writeSynced(file, to: temp)
        }
        if rename(temp, target) != 0 {
            let code = errno
            unlink(temp)
            throw CacheError.io(operation: "rename", path: target, errno: code)
        }
        return afterWrite(bytes: file.count)
    }

    private func afterWrite(bytes: Int) -> Int {
        let mustEvict = state.withLockedValue { state -> Bool in
            state.approximateBytes += bytes
            guard state.approximateBytes > state.boundBytes, !state.evicting else { return false }
            state.evicting = true
            return true
        }
        guard mustEvict else { return 0 }
        let evicted = evict(toBytes: boundBytes / 10 * 9)
        state.withLockedValue { $0.evicting = false }
        return evicted
    }

    // MARK: - Eviction

    /// Deletes the least recently used files until the folder holds at most `target` bytes.
    /// Tolerates files deleted by other processes meanwhile. Returns how many were deleted.
    @discardableResult
    func evict(toBytes target: Int) -> Int {
        let (entries, total) = scan()
        var bytes = total
        var removed = 0
        for entry in entries.sorted(by: { $0.modified < $1.modified }) where bytes > target {
            if unlink(entry.path) == 0 || errno == ENOENT {
                bytes -= entry.bytes
                removed += 1
            }
        }
        state.withLockedValue { $0.approximateBytes = max(0, bytes) }
        return removed
    }

    /// After a full-disk failure: lowers the bound to 3/4 of the bytes this cache holds and
    /// evicts down to it. `false` when the cache holds nothing (the disk is full of other files).
    private func shrinkBound() -> Bool {
        let (_, held) = scan()
        guard held > 0 else { return false }
        let bound = held / 4 * 3
        state.withLockedValue { $0.boundBytes = min($0.boundBytes, max(1, bound)) }
        evict(toBytes: bound)
        return true
    }

    private struct Entry {
        var path: String
        var bytes: Int
        var modified: Double
    }

    /// Every entry file with its size and age, and the total.
    private func scan() -> ([Entry], Int) {
        var entries: [Entry] = []
        var total = 0
        let shards = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for shard in shards where shard.utf8.count == 2 {
            let shardPath = directory.appendingPathComponent(shard).path
            for name in (try? FileManager.default.contentsOfDirectory(atPath: shardPath)) ?? []
            where name.hasSuffix(".vfc") {
                let path = shardPath + "/" + name
                var info = stat()
                guard stat(path, &info) == 0 else { continue }
                let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) * 1e-9
                entries.append(Entry(path: path, bytes: Int(info.st_size), modified: modified))
                total += Int(info.st_size)
            }
        }
        return (entries, total)
    }

    // MARK: - Files

    /// Path of the entry for `key`.
    func entryPath(_ key: CacheKey) -> String {
        directory.appendingPathComponent(String(key.hex.prefix(2))).appendingPathComponent("\(key.hex).vfc").path
    }

    private func createDirectories() throws {
        for sub in ["", "tmp"] {
            let path = directory.appendingPathComponent(sub).path
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw CacheError.io(operation: "mkdir", path: path, errno: EACCES)
            }
        }
    }

    private func createShard(for key: CacheKey) throws {
        let path = directory.appendingPathComponent(String(key.hex.prefix(2))).path
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            throw CacheError.io(operation: "mkdir", path: path, errno: errno)
        }
    }

    private enum ReadFailure: Error { case missing, tooLarge, io }

    private func readFile(_ path: String) -> Result<[UInt8], ReadFailure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(errno == ENOENT ? .missing : .io) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.io) }
        let size = Int(info.st_size)
        guard size <= maxEntryBytes else { return .failure(.tooLarge) }
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        let ok = bytes.withUnsafeMutableBytes { buffer -> Bool in
            while offset < size {
                let n = Glibc.read(fd, buffer.baseAddress! + offset, size - offset)
                if n < 0, errno == EINTR { continue }
                if n <= 0 { return n == 0 }
                offset += n
            }
            return true
        }
        guard ok else { return .failure(.io) }
        if offset < size { bytes.removeLast(size - offset) }  // shrank while reading: verification decides
        return .success(bytes)
    }

    private func removeStaleTemporaryFiles(olderThan seconds: Double) {
        let tmp = directory.appendingPathComponent("tmp").path
        let now = Date().timeIntervalSince1970
        for name in (try? FileManager.default.contentsOfDirectory(atPath: tmp)) ?? [] {
            var info = stat()
            let path = tmp + "/" + name
            guard stat(path, &info) == 0 else { continue }
            if now - Double(info.st_mtim.tv_sec) > seconds { unlink(path) }
        }
    }
}
