import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the files of an asset: bounded, regular files only, never blocking on a FIFO.
enum AssetFile {
    /// Reads a whole regular file of at most `maxBytes` bytes.
    ///
    /// The file is opened without blocking and checked with `fstat` on the open descriptor, so a
    /// FIFO, device or directory is refused instead of hanging or reading forever, and the size
    /// check applies to the very file that is read.
    /// - Parameters:
    ///   - url: the file.
    ///   - maxBytes: largest accepted size.
    ///   - file: name for errors (the asset being imported).
    ///   - jsonPath: where the file is referenced, for errors.
    /// - Throws: ``SceneError/unreadable(file:jsonPath:reason:)`` or ``SceneError/limitExceeded``.
    static func read(_ url: URL, maxBytes: Int, file: String, jsonPath: String) throws(SceneError) -> [UInt8] {
        let name = url.lastPathComponent
        let fd = open(url.path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else {
            throw .unreadable(file: file, jsonPath: jsonPath, reason: "cannot open '\(name)': \(errnoText())")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw .unreadable(file: file, jsonPath: jsonPath, reason: "cannot stat '\(name)': \(errnoText())")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw .unreadable(file: file, jsonPath: jsonPath, reason: "'\(name)' is not a regular file")
        }
        let size = Int(info.st_size)
        guard size <= maxBytes else {
            throw .limitExceeded(
                file: file, jsonPath: jsonPath, what: "size of '\(name)' in bytes", value: size, limit: maxBytes)
        }
        var failure: String?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var done = 0
            while done < size {
                let n = Glibc_read(fd, buffer.baseAddress! + done, size - done)
                if n < 0, errno == EINTR { continue }
                if n <= 0 {
                    failure = n == 0 ? "'\(name)' became shorter while it was read" : errnoText()
                    break
                }
                done += n
            }
            initialized = done
        }
        if let failure { throw .unreadable(file: file, jsonPath: jsonPath, reason: failure) }
        return bytes
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// `read(2)`, named apart from Swift's many `read`s.
@inline(__always)
private func Glibc_read(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    read(fd, buffer, count)
}
