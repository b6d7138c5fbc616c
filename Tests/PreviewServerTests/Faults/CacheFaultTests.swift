import Foundation
import Testing

@testable import PreviewServer

#if canImport(Glibc)
    import Glibc
#endif

/// Faults of the disk tier against a live server: a full disk, a folder deleted while serving.
/// (A corrupted or truncated entry: `DiskCacheTests.aDamagedEntryIsDiscardedNotServed` and
/// `FrameRoutesTests.aCorruptedDiskEntryIsReRenderedNotServed`.)
@Suite struct CacheFaultTests {
    @Test func aFullDiskTurnsTheDiskTierOffLogsItAndFramesAreStillServed() async throws {
        let assets = try TestAssets.folder(ids: ["chair"])
        let disk = try FullDisk()
        defer { disk.remove() }
        let log = CapturedLog()
        let config = TestServer.configuration(assets: assets, cache: disk.cacheFolder)
        try await TestServer.run(config, backend: TestBackend(), logger: log.logger()) { _, port in
            #expect(try await HTTP.metric(port, "vitrine_cache_disk_enabled") == 1)
            var first: [UInt8] = []
            for yaw in 0..<4 {
                let answer = try await HTTP.get(port, "/v1/assets/chair/frame?yaw=\(yaw)&w=48&h=48")
                #expect(answer.status == .ok, "\(disk.kind): \(answer.text)")
                if yaw == 0 { first = answer.bytes }
            }
            #expect(try await HTTP.metric(port, "vitrine_cache_disk_errors_total") == 3, "\(disk.kind)")
            #expect(try await HTTP.metric(port, "vitrine_cache_disk_enabled") == 0, "\(disk.kind)")
            let again = try await HTTP.get(port, "/v1/assets/chair/frame?yaw=0&w=48&h=48")
            #expect(again.header("X-Vitrine-Cache") == "memory")
            #expect(again.bytes == first)
        }
        let failures = log.lines.filter { $0.contains("disk cache write failed") }
        #expect(failures.count == 3, "\(log.lines)")
        #expect(failures.last?.contains("disk tier off for 60 s") == true, "\(log.lines)")
        #expect(try disk.leftovers().isEmpty, "no partial entry or temporary file is left on the full disk")
    }

    @Test(.enabled(if: FullDisk.canMount, "needs root to mount a tmpfs"))
    func aFileSystemSmallerThanTheBoundLowersTheBoundInsteadOfFailing() throws {
        let disk = try FullDisk(filled: false)
        defer { disk.remove() }
        let cache = try DiskCache(directory: disk.cacheFolder, maxBytes: 16 << 20)
        let frames = (0..<12).map {
            CachedFrame(contentType: "image/png", bytes: [UInt8](repeating: UInt8($0), count: 12_000))
        }
        let keys = frames.indices.map { CacheKey(assetHash: "a", parameters: "\($0)") }
        // 12 x 12 KB into a 64 KiB file system: each write that finds it full makes room.
        for (frame, key) in zip(frames, keys) { try cache.write(frame, for: key) }
        #expect(cache.boundBytes < 64 << 10)
        #expect(cache.read(keys[11]) == .hit(frames[11]))
        #expect(cache.read(keys[0]) == .miss)
    }

    @Test func aCacheFolderDeletedWhileServingIsMadeAgain() async throws {
        let assets = try TestAssets.folder(ids: ["chair"])
        let cacheDir = try TestAssets.temporaryFolder("cache-deleted")
        let backend = TestBackend()
        let config = TestServer.configuration(assets: assets, cache: cacheDir)
        try await TestServer.run(config, backend: backend) { services, port in
            let uri = "/v1/assets/chair/frame?yaw=20&w=48&h=48"
            let original = try await HTTP.get(port, uri)
            try FileManager.default.removeItem(at: cacheDir)
            services.cache.testOnly_clearMemory()

            let again = try await HTTP.get(port, uri)
            #expect(again.status == .ok)
            #expect(again.header("X-Vitrine-Cache") == "rendered")
            #expect(again.bytes == original.bytes)
            let other = try await HTTP.get(port, "/v1/assets/chair/frame?yaw=21&w=48&h=48")
            #expect(other.status == .ok)
            // The folder is made again and the tier goes on: both entries are on disk again.
            services.cache.testOnly_clearMemory()
            #expect(try await HTTP.get(port, uri).header("X-Vitrine-Cache") == "disk")
            #expect(try await HTTP.metric(port, "vitrine_cache_disk_errors_total") == 0)
            #expect(try await HTTP.metric(port, "vitrine_cache_disk_enabled") == 1)
            #expect(backend.renders == 3)
        }
    }
}

/// A cache folder on a full file system: a 64 KiB tmpfs filled up when mounting works (root),
/// else a folder whose `tmp` is a plain file (every entry write fails, as on a full disk).
struct FullDisk {
    let mountPoint: URL
    let cacheFolder: URL
    let kind: String

    /// Whether a tmpfs can be mounted here (root with the capability to mount).
    static let canMount: Bool = {
        guard let folder = try? TestAssets.temporaryFolder("mount-probe") else { return false }
        defer { try? FileManager.default.removeItem(at: folder) }
        guard command("/bin/mount", ["-t", "tmpfs", "-o", "size=4k", "tmpfs", folder.path]) else { return false }
        return command("/bin/umount", [folder.path])
    }()

    /// - Parameter filled: fill the file system (else it is only small: 64 KiB).
    init(filled: Bool = true) throws {
        mountPoint = try TestAssets.temporaryFolder("full-disk")
        cacheFolder = mountPoint.appendingPathComponent("cache")
        if Self.command("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mountPoint.path]) {
            kind = "tmpfs"
            try FileManager.default.createDirectory(
                at: cacheFolder.appendingPathComponent("tmp"), withIntermediateDirectories: true)
            guard filled else { return }
            // Fill it: write until the file system refuses.
            let fd = open(mountPoint.appendingPathComponent("filler").path, O_WRONLY | O_CREAT, 0o644)
            let block = [UInt8](repeating: 0, count: 4096)
            while write(fd, block, block.count) > 0 {}
            close(fd)
        } else {
            kind = "simulated"
            try FileManager.default.createDirectory(at: cacheFolder, withIntermediateDirectories: true)
            try Data().write(to: cacheFolder.appendingPathComponent("tmp"))
        }
    }

    /// Files in the cache folder other than the empty layout.
    func leftovers() throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: cacheFolder.path)
        var found: [String] = []
        while let name = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            let path = cacheFolder.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
                name != "tmp"
            {
                found.append(name)
            }
        }
        return found
    }

    /// Unmounts (tmpfs) and deletes the folder.
    func remove() {
        if kind == "tmpfs" { _ = Self.command("/bin/umount", [mountPoint.path]) }
        try? FileManager.default.removeItem(at: mountPoint)
    }

    private static func command(_ path: String, _ arguments: [String]) -> Bool {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: path) else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
