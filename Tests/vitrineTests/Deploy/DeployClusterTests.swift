import Foundation
import Testing
import VitrineTestSupport

/// A short run of scenarios (a) and (b) of Benchmarks/cluster/README.md with the built binary:
/// three `vitrine serve` instances behind nginx on loopback (`scripts/cluster/cluster.py smoke`),
/// 12 distinct 256x256 frames asked for five times each, in shuffled passes.
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

    /// The `RESULT {...}` lines of one `cluster.py` run.
    struct ScenarioRun {
        var output: String
        var results: [Substring]

        func decode<T: Decodable>(_ type: T.Type, _ index: Int) throws -> T {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            return try decoder.decode(type, from: Data(results[index].utf8))
        }
    }

    /// Runs `scripts/cluster/cluster.py <name> --binary <the built vitrine> <arguments>`.
    static func scenario(_ name: String, _ arguments: [String] = []) throws -> ScenarioRun {
        let binary = try #require(DeployTools.binary, "build the vitrine binary first")
        let script = Fixtures.repo("scripts/cluster/cluster.py").path
        let result = try VitrineBinary.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", script, name, "--binary", binary.path] + arguments)
        try #require(result.status == 0, "cluster.py \(name) failed:\n\(result.stdout)\n\(result.stderr)")
        let results = result.stdout.split(separator: "\n").filter { $0.hasPrefix("RESULT ") }.map { $0.dropFirst(7) }
        try #require(!results.isEmpty, "cluster.py \(name) printed no RESULT line:\n\(result.stdout)")
        return ScenarioRun(output: result.stdout, results: results)
    }

    @Test func consistentHashRendersOnceAndAKilledInstanceCostsNoFailedRequest() throws {
        let run = try Self.scenario(
            "smoke",
            [
                "--frames-per-asset", "3", "--passes", "5", "--concurrency", "6",
            ])
        try #require(run.results.count == 2, "\(run.output)")
        let hash = try run.decode(HashResult.self, 0)
        #expect(hash.hash.distinctFrames >= 12)
        #expect(hash.hash.failed == 0 && hash.roundRobin.failed == 0)
        #expect(hash.hash.renders == Double(hash.hash.distinctFrames), "\(run.output)")
        #expect(hash.roundRobin.renders >= 2 * Double(hash.roundRobin.distinctFrames), "\(run.output)")

        let kill = try run.decode(KillResult.self, 1)
        #expect(kill.killedAfterAnswers != nil, "the instance was never killed")
        #expect(kill.failed == 0, "\(kill.failures ?? [])")
        #expect(kill.victimFramesBeforeKill > 0)
        #expect(kill.restartAnswers == ["200 disk": kill.victimFramesBeforeKill], "\(run.output)")
        #expect(kill.restartRenders == 0)
        #expect(kill.restartSameEtag == kill.victimFramesBeforeKill)
        #expect(kill.rejoinFailed == 0)
    }

    struct KeepAliveResult: Decodable {
        struct Answer: Decodable {
            var answer: String
            var safeForKeepalive: Bool
        }
        var answers: [Answer]
    }

    /// The contract nginx's upstream keep-alive needs: after every answer the connection stays
    /// usable, or the answer carries `Connection: close`. The service closes the
    /// connection after a rendered frame (Hummingbird's inbound-close handler) and says so in that
    /// answer; without the header nginx would send the next request into the closed connection,
    /// count the instance as failed and render the frame again elsewhere (Benchmarks/cluster/README.md).
    @Test func instancesAreSafeBehindNginxKeepAlive() throws {
        let run = try Self.scenario("keepalive")
        let keepAlive = try run.decode(KeepAliveResult.self, 0)
        #expect(keepAlive.answers.map(\.answer) == ["rendered", "memory", "healthz"])
        for answer in keepAlive.answers where answer.answer != "rendered" {
            #expect(answer.safeForKeepalive, "\(answer.answer)")
        }
        let rendered = try #require(keepAlive.answers.first)
        #expect(rendered.safeForKeepalive, "\(run.output)")
    }

    struct ProxyCacheResult: Decodable {
        var statuses: [Int]
        var cacheStatus: [String?]
        var sameBody: Bool
        var etagPassed: Bool
        var revalidation: [ProxyCacheValue]
        var instanceFrameRequests: Int
        var instanceRenders: Int
        var readyzCacheStatus: [String?]
    }

    /// A status code or a cache status, as the revalidation pair holds both.
    enum ProxyCacheValue: Decodable, Equatable {
        case number(Int)
        case text(String)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) {
                self = .number(number)
            } else {
                self = .text(try container.decode(String.self))
            }
        }
    }

    /// deploy/nginx/proxy-cache.conf in front of one instance: the instance sees a frame once,
    /// nginx answers the repeats and the `If-None-Match` revalidation (304) itself, and the
    /// `no-store` health answers are never served from the cache.
    @Test func nginxCacheTierAnswersRepeatsAndRevalidations() throws {
        let cache = try Self.scenario("proxy-cache").decode(ProxyCacheResult.self, 0)
        #expect(cache.statuses == [200, 200, 200])
        #expect(cache.cacheStatus == ["MISS", "HIT", "HIT"])
        #expect(cache.sameBody && cache.etagPassed)
        #expect(cache.revalidation == [.number(304), .text("HIT")])
        #expect(cache.instanceFrameRequests == 1)
        #expect(cache.instanceRenders == 1)
        #expect(cache.readyzCacheStatus.allSatisfy { $0 != "HIT" })
    }
}
