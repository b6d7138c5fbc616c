import Foundation
import Testing

@testable import PreviewServer

@Suite struct DiskCacheTests {
    private func frame(_ size: Int, _ seed: UInt8 = 7) -> CachedFrame {
        CachedFrame(contentType: "image/png", bytes: (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) ^ seed })
    }

    @Test func writesAndReadsBackAcrossInstances() throws {
        let folder = try TestAssets.temporaryFolder("disk")
        let key = CacheKey(assetHash: "a", parameters: "p")
        try DiskCache(directory: folder, maxBytes: 1 << 20).write(frame(1000), for: key)
        // A second instance (another process, or a restart) reads the same entry.
        let reopened = try DiskCache(directory: folder, maxBytes: 1 << 20)
        #expect(reopened.read(key) == .hit(frame(1000)))
        #expect(reopened.read(CacheKey(assetHash: "a", parameters: "q")) == .miss)
    }

    @Test(arguments: ["flip", "truncate", "wrongKey", "empty"])
    func aDamagedEntryIsDiscardedNotServed(damage: String) throws {
        let folder = try TestAssets.temporaryFolder("disk")
        let cache = try DiskCache(directory: folder, maxBytes: 1 << 20)
        let key = CacheKey(assetHash: "a", parameters: "p")
        try cache.write(frame(5000), for: key)
        let path = cache.entryPath(key)
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        switch damage {
        case "flip": bytes[bytes.count - 10] ^= 0xFF
        case "truncate": bytes.removeLast(100)
        case "wrongKey": bytes[20] ^= 1
        default: bytes = []
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        guard case .corrupt = cache.read(key) else {
            Issue.record("a damaged entry (\(damage)) was not reported as corrupt")
            return
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(cache.read(key) == .miss)
    }

    @Test func evictsOldestFilesPastTheBound() throws {
        let folder = try TestAssets.temporaryFolder("disk")
        let cache = try DiskCache(directory: folder, maxBytes: 20_000)
        var keys: [CacheKey] = []
        for i in 0..<10 {
            let key = CacheKey(assetHash: "a", parameters: "\(i)")
            keys.append(key)
            try cache.write(frame(3000, UInt8(i)), for: key)
            // Distinct modification times, oldest first.
            var times = [timespec(tv_sec: 1_000_000 + i, tv_nsec: 0), timespec(tv_sec: 1_000_000 + i, tv_nsec: 0)]
            utimensat(AT_FDCWD, cache.entryPath(key), &times, 0)
        }
        #expect(cache.approximateBytes <= 20_000)
        #expect(cache.read(keys[9]) == .hit(frame(3000, 9)))
        #expect(cache.read(keys[0]) == .miss)
    }

    @Test func recoversWhenItsFolderIsDeleted() throws {
        let folder = try TestAssets.temporaryFolder("disk")
        let cache = try DiskCache(directory: folder, maxBytes: 1 << 20)
        try FileManager.default.removeItem(at: folder)
        let key = CacheKey(assetHash: "a", parameters: "p")
        try cache.write(frame(100), for: key)
        #expect(cache.read(key) == .hit(frame(100)))
    }

    @Test func concurrentWritersNeverLeaveATornEntry() async throws {
        let folder = try TestAssets.temporaryFolder("disk")
        let caches = try (0..<4).map { _ in try DiskCache(directory: folder, maxBytes: 64 << 20) }
        let keys = (0..<8).map { CacheKey(assetHash: "a", parameters: "\($0)") }
        await withTaskGroup(of: Void.self) { group in
            for (index, cache) in caches.enumerated() {
                group.addTask {
                    for round in 0..<20 {
                        let key = keys[(index + round) % keys.count]
                        try? cache.write(self.frame(20_000 + (index + round) % keys.count, 3), for: key)
                        _ = cache.read(keys[round % keys.count])
                    }
                }
            }
        }
        for (i, key) in keys.enumerated() {
            #expect(caches[0].read(key) == .hit(frame(20_000 + i, 3)))
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("tmp").path)
        #expect(leftovers.isEmpty)
    }
}
