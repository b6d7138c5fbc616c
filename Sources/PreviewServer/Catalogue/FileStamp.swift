import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Size and modification time of a file, from one `stat` call: how the catalogue notices a
/// model replaced on disk, on every request, without `FileManager`'s attribute dictionary
/// (which also opens the file and lists its extended attributes).
struct FileStamp: Equatable {
    /// Size in bytes.
    var size: Int
    /// Modification time (nanosecond resolution where the file system has it).
    var modified: Date

    /// Stats `path` (symbolic links followed); `nil` when it does not exist or cannot be read.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int(info.st_size)
        #if canImport(Darwin)
            let time = info.st_mtimespec
        #else
            let time = info.st_mtim
        #endif
        modified = Date(timeIntervalSince1970: Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000)
    }
}
