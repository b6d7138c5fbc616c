import Foundation
import Testing
import VitrineTestSupport

/// A short run of scenarios (a) and (b) of Benchmarks/cluster/README.md with the built binary:
/// three `vitrine serve` instances behind nginx on loopback (`scripts/cluster/cluster.py smoke`),
/// 12 distinct 256x256 frames asked for three times each.
///
/// - (a) With `hash $requestUri consistent` each distinct frame is rendered exactly once across
///   the three instances (renders summed from their `/metrics`); with round robin at least twice.
/// - (b) SIGKILL of one instance at 30 % of the run: no client request fails; restarted on the
///   same disk cache it answers every frame it had answered before from disk, rendering nothing,
///   with the same ETags; back in the pool, a pass over the whole mix fails nothing.
@Suite(.enabled(if: DeployTools.hasNginx, Comment(rawValue: DeployTools.nginxMissingReason)))
struct DeployClusterTests {
    struct HashRun: Decodable {
        var distinctFrames: Int
        var renders: Double
        var failed: Int
    }

    struct HashResult: Decodable {
        var hash: HashRun
        var roundRobin: HashRun
    }

    struct KillResult: Decodable {
        var failed: Int
        var failures: [[String?]]?
        var killedAfterAnswers: Int?
        var victimFramesBeforeKill: Int
        var restartAnswers: [String: Int]
        var restartRenders: Double
        var restartSameEtag: Int
        var rejoinFailed: Int
    }

    @Test func consistentHashRendersOnceAndAKilledInstanceCostsNoFailedRequest() throws {
        let binary = try #require(VitrineBinary.url, "build the vitrine binary first")
        _ = try DeployTools.nginx.get()
        let result = try VitrineBinary.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "python3", Fixtures.repo("scripts/cluster/cluster.py").path, "smoke", "--binary", binary.path,
                "--frames-per-asset", "3", "--passes", "3", "--concurrency", "6",
            ])
        try #require(result.status == 0, "cluster.py smoke failed:\n\(result.stdout)\n\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").filter { $0.hasPrefix("RESULT ") }.map { $0.dropFirst(7) }
        try #require(lines.count == 2, "\(result.stdout)")

        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let hash = try decoder.decode(HashResult.self, from: Data(lines[0].utf8))
        #expect(hash.hash.distinctFrames >= 12)
        #expect(hash.hash.failed == 0 && hash.roundRobin.failed == 0)
        #expect(hash.hash.renders == Double(hash.hash.distinctFrames), "\(result.stdout)")
        #expect(hash.roundRobin.renders >= 2 * Double(hash.roundRobin.distinctFrames), "\(result.stdout)")

        let kill = try decoder.decode(KillResult.self, from: Data(lines[1].utf8))
        #expect(kill.killedAfterAnswers != nil, "the instance was never killed")
        #expect(kill.failed == 0, "\(kill.failures ?? [])")
        #expect(kill.victimFramesBeforeKill > 0)
        #expect(kill.restartAnswers == ["200 disk": kill.victimFramesBeforeKill], "\(result.stdout)")
        #expect(kill.restartRenders == 0)
        #expect(kill.restartSameEtag == kill.victimFramesBeforeKill)
        #expect(kill.rejoinFailed == 0)
    }
}
