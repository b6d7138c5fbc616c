import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files so that a reader (or a rerun after a crash) sees either nothing or the whole
/// file: the bytes go to a temporary file in the same folder, which is flushed to disk
/// (`fsync`) and then renamed over the final name; the folder is synced too, so the rename
/// survives a power cut. Files written in bulk may defer both syncs to one batch
/// (``Durability/deferred``, ``sync(_:in:)``).
public enum AtomicFile {
    /// A file could not be written.
    public struct WriteError: Error, CustomStringConvertible {
        /// The final path.
        public var path: String
        /// What failed (`open`, `write`, `fsync`, `rename`) and the system's reason.
        public var reason: String
        /// One line for the user.
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// When the bytes and the name reach the disk.
    public enum Durability: Sendable {
        /// Before `write` returns: the data is synced before the rename, the folder after it.
        case synced
        /// Later, by the caller, with ``sync(_:in:)``: the file is still whole or absent after the
        /// process is killed (temporary file + rename), but after a power cut before the sync it
        /// may be absent, or present with lost bytes. For content-addressed files written in bulk,
        /// whose damage a reader detects (the name is the checksum), synced in one batch before
        /// anything lists them.
        case deferred
    }

    /// Writes `bytes` to `url` atomically, creating the folder if needed.
    /// - Throws: ``WriteError``.
    public static func write(_ bytes: [UInt8], to url: URL, durability: Durability = .synced) throws {
        let folder = url.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(
            ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max)).tmp"
        )
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(path: url.path, reason: "open: \(errnoText())") }
        var ok = false
        defer {
            if !ok { unlink(temporary.path) }
        }
        let written = bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
        guard written else {
            let reason = errnoText()
            close(fd)
            throw WriteError(path: url.path, reason: "write: \(reason)")
        }
        guard durability == .deferred || fsync(fd) == 0 else {
            let reason = errnoText()
            close(fd)
            throw WriteError(path: url.path, reason: "fsync: \(reason)")
        }
        close(fd)
        guard rename(temporary.path, url.path) == 0 else {
            throw WriteError(path: url.path, reason: "rename: \(errnoText())")
        }
        ok = true
        if durability == .synced { syncFolder(folder) }
    }

    /// Flushes files written with ``Durability/deferred`` (their data), then their folder (their
    /// names). Syncing a file that is already on disk costs a system call and no I/O.
    /// - Parameter names: file names in `folder`.
    /// - Throws: ``WriteError`` when a file cannot be opened or synced.
    public static func sync(_ names: [String], in folder: URL) throws {
        for name in names {
            let path = folder.appendingPathComponent(name).path
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw WriteError(path: path, reason: "open: \(errnoText())") }
            defer { close(fd) }
            guard fdatasync(fd) == 0 else { throw WriteError(path: path, reason: "fdatasync: \(errnoText())") }
        }
        syncFolder(folder)
    }

    /// Flushes a folder's entries (names created or renamed in it) to disk; best effort.
    public static func syncFolder(_ folder: URL) {
        let dir = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 {
            _ = fsync(dir)
            close(dir)
        }
    }

    /// Whether a file name is one of this type's temporary files.
    public static func isTemporary(_ name: String) -> Bool { name.hasPrefix(".") && name.hasSuffix(".tmp") }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
