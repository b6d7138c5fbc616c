#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Crash-safe file writes: write a temporary file, fsync it, rename it over the target, fsync
/// the folder. A reader (or a process restarted after a crash) sees the old file or the new
/// one, never a mix.
enum AtomicFile {
    /// Writes `bytes` to a new file at `path` (which must not exist) and fsyncs it.
    /// Removes the file again if anything fails.
    /// - Throws: ``CacheError/io(operation:path:errno:)``.
    static func writeSynced(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CacheError.io(operation: "open", path: path, errno: errno) }
        var failure: CacheError?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let n = write(fd, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = .io(operation: "write", path: path, errno: errno)
                    return
                }
                offset += n
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = .io(operation: "fsync", path: path, errno: errno) }
        if close(fd) != 0, failure == nil { failure = .io(operation: "close", path: path, errno: errno) }
        if let failure {
            unlink(path)
            throw failure
        }
    }

    /// Renames `temporary` over `target` (atomic on one file system) and fsyncs the folder.
    /// Removes `temporary` if the rename fails.
    /// - Throws: ``CacheError/io(operation:path:errno:)``.
    static func replace(_ target: String, with temporary: String) throws {
        guard rename(temporary, target) == 0 else {
            let code = errno
            unlink(temporary)
            throw CacheError.io(operation: "rename", path: target, errno: code)
        }
        syncFolder(of: target)
    }

    /// Fsyncs the folder holding `path` so that a rename or unlink survives a power cut.
    static func syncFolder(of path: String) {
        var folder = path
        if let slash = folder.lastIndex(of: "/") { folder = String(folder[..<slash]) } else { folder = "." }
        let fd = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
