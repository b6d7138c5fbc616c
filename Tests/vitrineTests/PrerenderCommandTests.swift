import Batch
import Foundation
import Testing
import VitrineTestSupport

@testable import vitrine

#if canImport(Glibc)
    import Glibc
#endif

/// `vitrine prerender` end to end through the built binary: resume after SIGKILL, shards,
/// a broken asset, the Kubernetes environment.
@Suite struct PrerenderCommandTests {
    @Test func parsesOptionsAndShardFromEnvironment() throws {
        let c = try PrerenderCommand.parse(["c.json", "--out", "o", "--shard", "1/3", "--jobs", "2", "--json"])
        #expect(c.out == "o" && c.jobs == 2 && c.json && c.shard == "1/3")
        #expect(try c.resolvedShard(environment: [:]) == Shard(index: 1, count: 3))
        let e = try PrerenderCommand.parse(["c.json", "--out", "o"])
        #expect(try e.resolvedShard(environment: [:]) == .all)
        #expect(
            try e.resolvedShard(environment: ["JOB_COMPLETION_INDEX": "2", "VITRINE_SHARD_COUNT": "4"])
                == Shard(index: 2, count: 4))
        #expect(throws: (any Error).self) { try e.resolvedShard(environment: ["JOB_COMPLETION_INDEX": "2"]) }
        #expect(throws: (any Error).self) {
            try e.resolvedShard(environment: ["JOB_COMPLETION_INDEX": "4", "VITRINE_SHARD_COUNT": "4"])
        }
        #expect(throws: (any Error).self) { try PrerenderCommand.parse(["c.json", "--out", "o", "--shard", "3/3"]) }
    }

    /// A run killed with SIGKILL part way leaves only whole files; the rerun skips exactly the
    /// frames that were done, renders the rest, and every file ends up valid. Renders are
    /// counted through the summaries: frames left by the killed run + frames rendered by the
    /// rerun = all frames, so none was rendered twice.
    @Test func resumesAfterSIGKILL() throws {
        let binary = try #require(VitrineBinary.url)
        let folder = try PrerenderFixture.folder("prerender-kill")
        defer { try? FileManager.default.removeItem(at: folder) }
        let catalogue = try PrerenderFixture.catalogue(
            in: folder, assets: [("mug", PrerenderFixture.product("mug"), nil)], size: 96, frames: 12)
        let out = folder.appendingPathComponent("out")
        let total = 12 * 2 + 2

        let process = Process()
        process.executableURL = binary
        process.arguments = ["prerender", catalogue.path, "--out", out.path, "--jobs", "1", "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var seen = 0
        while process.isRunning && seen < total / 2 {
            usleep(2000)
            seen = PrerenderFixture.pictures((try? PrerenderFixture.files(out)) ?? [:]).count
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the run ended before it could be killed")

        let left = PrerenderFixture.pictures(try PrerenderFixture.files(out))
        #expect(left.allSatisfy { $0.valid }, "a killed run left a damaged file: \(left.filter { !$0.valid })")
        let done = left.count
        #expect(done > 0 && done < total)

        let rerun = try VitrineBinary.run(
            binary, ["prerender", catalogue.path, "--out", out.path, "--jobs", "2", "--json", "--quiet"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let summary = try PrerenderFixture.summary(rerun)
        #expect(summary["frames"] as? Int == total)
        #expect(summary["skipped"] as? Int == done)
        #expect(summary["rendered"] as? Int == total - done)
        #expect(summary["failed"] as? Int == 0)
        #expect(summary["manifests"] as? Int == 1)

        let files = try PrerenderFixture.files(out)
        #expect(!files.keys.contains { ($0 as NSString).lastPathComponent.hasSuffix(".tmp") })
        let pictures = PrerenderFixture.pictures(files)
        #expect(pictures.allSatisfy { $0.valid })
        #expect(pictures.count == total + 2)  // frames + two sprite sheets
        try Self.checkManifests(files)

        // A third run has nothing left to do.
        let again = try VitrineBinary.run(
            binary, ["prerender", catalogue.path, "--out", out.path, "--json", "--quiet"])
        let third = try PrerenderFixture.summary(again)
        #expect(third["rendered"] as? Int == 0 && third["skipped"] as? Int == total)
    }

    /// Three shards run side by side write exactly the files of one unsharded run, byte for
    /// byte (frames, sprite sheets, manifests); each frame is rendered by one shard only. One
    /// shard takes its index from the Kubernetes environment variables.
    @Test func threeParallelShardsEqualOneRun() throws {
        let binary = try #require(VitrineBinary.url)
        let folder = try PrerenderFixture.folder("prerender-shards")
        defer { try? FileManager.default.removeItem(at: folder) }
        let catalogue = try PrerenderFixture.catalogue(
            in: folder,
            assets: [
                ("bottle", PrerenderFixture.product("bottle"), nil),
                ("sneaker", PrerenderFixture.product("sneaker"), "[\"Navy Suede\", \"Triple Black\"]"),
            ], size: 64, frames: 5)
        let whole = folder.appendingPathComponent("whole")
        let sharded = folder.appendingPathComponent("sharded")
        let single = try VitrineBinary.run(
            binary, ["prerender", catalogue.path, "--out", whole.path, "--jobs", "2", "--json", "--quiet"])
        #expect(single.status == 0, "\(single.stderr)")
        let total = try #require(try PrerenderFixture.summary(single)["rendered"] as? Int)
        #expect(total == 3 * (5 * 2 + 2))

        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 3) { i in
            let base = ["prerender", catalogue.path, "--out", sharded.path, "--jobs", "1", "--json", "--quiet"]
            let run =
                i == 2
                ? try? VitrineBinary.run(
                    binary, base, environment: ["JOB_COMPLETION_INDEX": "2", "VITRINE_SHARD_COUNT": "3"])
                : try? VitrineBinary.run(binary, base + ["--shard", "\(i)/3"])
            results.set(i, run)
        }
        var rendered = 0
        for i in 0..<3 {
            let run = try #require(results.get(i))
            #expect(run.status == 0, "\(run.stderr)")
            let summary = try PrerenderFixture.summary(run)
            #expect(summary["shard"] as? String == "\(i)/3")
            #expect(summary["skipped"] as? Int == 0)
            rendered += summary["rendered"] as? Int ?? 0
        }
        #expect(rendered == total)
        let a = try PrerenderFixture.files(whole)
        let b = try PrerenderFixture.files(sharded)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, data) in a { #expect(b[path] == data, "\(path) differs") }
        #expect(a.keys.filter { $0.hasSuffix("manifest.json") }.count == 2)
        try Self.checkManifests(a)
    }

    /// A broken asset is reported and skipped, the others are complete, the exit status is 1.
    @Test func brokenAssetIsReportedAndOthersFinish() throws {
        let binary = try #require(VitrineBinary.url)
        let folder = try PrerenderFixture.folder("prerender-broken")
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = folder.appendingPathComponent("broken.glb")
        try Data("glTF but not really".utf8).write(to: broken)
        let catalogue = try PrerenderFixture.catalogue(
            in: folder,
            assets: [
                ("mug", PrerenderFixture.product("mug"), nil), ("broken", broken.path, nil),
                ("bottle", PrerenderFixture.product("bottle"), nil),
            ], size: 64, frames: 3)
        let out = folder.appendingPathComponent("out")
        let run = try VitrineBinary.run(binary, ["prerender", catalogue.path, "--out", out.path, "--json"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("asset broken skipped"), "\(run.stderr)")
        let summary = try PrerenderFixture.summary(run)
        let brokenAssets = try #require(summary["brokenAssets"] as? [[String: Any]])
        #expect(brokenAssets.map { $0["id"] as? String } == ["broken"])
        #expect((brokenAssets.first?["error"] as? String ?? "").contains("broken.glb"))
        #expect(summary["rendered"] as? Int == 2 * (3 * 2 + 2))
        #expect(summary["failed"] as? Int == 3 * 2 + 2)
        #expect(summary["manifests"] as? Int == 2)
        let files = try PrerenderFixture.files(out)
        #expect(Set(files.keys.filter { $0.hasSuffix("latest.json") }) == ["mug/latest.json", "bottle/latest.json"])
        try Self.checkManifests(files)
    }

    /// Every manifest lists files that exist with the size, SHA-256 and ETag it claims.
    static func checkManifests(_ files: [String: Data]) throws {
        for (path, data) in files where path.hasSuffix("/manifest.json") {
            let manifest = try JSONDecoder().decode(PrerenderManifest.self, from: data)
            let folder = (path as NSString).deletingLastPathComponent
            var entries = manifest.turntables.flatMap { $0.frames.map(\.file) }
            entries += manifest.turntables.compactMap { $0.sprite?.file }
            #expect(!entries.isEmpty)
            for entry in entries {
                let bytes = try #require(files["\(folder)/\(entry.url)"], "\(entry.url) missing")
                #expect(bytes.count == entry.bytes)
                #expect(Checksum.sha256([UInt8](bytes)) == entry.sha256)
                #expect(entry.etag == "\"\(entry.sha256)\"")
            }
        }
    }
}

/// Results of parallel runs.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int: VitrineBinary.Result] = [:]

    func set(_ i: Int, _ result: VitrineBinary.Result?) { lock.withLock { values[i] = result } }
    func get(_ i: Int) -> VitrineBinary.Result? { lock.withLock { values[i] } }
}
