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

    @Test func consistentHashRendersOnceAndAKilledInstanceCostsNoFailedRequest() throws {
        let binary = try #require(DeployTools.binary, "build the vitrine binary first")
        _ = try DeployTools.nginx.get()
        let result = try VitrineBinary.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "python3", Fixtures.repo("scripts/cluster/cluster.py").path, "smoke", "--binary", binary.path,
                "--frames-per-asset", "3", "--passes", "5", "--concurrency", "6",
                // Until instances keep or announce-closing their connections after a render (see
                // instancesAreSafeBehindNginxKeepAlive), nginx reuses closed ones: measured here without.
                "--no-upstream-keepalive",
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

    struct KeepAliveResult: Decodable {
        struct Answer: Decodable {
            var answer: String
            var safeForKeepalive: Bool
        }
        var answers: [Answer]
    }

    /// The contract nginx's upstream keep-alive needs: after every answer the connection stays
    /// usable, or the answer carries `Connection: close`. Today the service closes the
    /// connection after a rendered frame (Hummingbird's inbound-close handler) without saying so;
    /// nginx then sends the next request into the closed connection, counts the instance as
    /// failed and renders the frame on another instance (Benchmarks/cluster/README.md).
    @Test func instancesAreSafeBehindNginxKeepAlive() throws {
        let binary = try #require(DeployTools.binary, "build the vitrine binary first")
        let result = try VitrineBinary.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", Fixtures.repo("scripts/cluster/cluster.py").path, "keepalive", "--binary", binary.path])
        try #require(result.status == 0, "cluster.py keepalive failed:\n\(result.stdout)\n\(result.stderr)")
        let line = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("RESULT ") }?.dropFirst(7))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let keepAlive = try decoder.decode(KeepAliveResult.self, from: Data(line.utf8))
        #expect(keepAlive.answers.map(\.answer) == ["rendered", "memory", "healthz"])
        for answer in keepAlive.answers where answer.answer != "rendered" {
            #expect(answer.safeForKeepalive, "\(answer.answer)")
        }
        let rendered = try #require(keepAlive.answers.first)
        withKnownIssue(
            "server area: a rendered answer closes its connection without Connection: close", isIntermittent: true
        ) {
            #expect(rendered.safeForKeepalive, "\(result.stdout)")
        }
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
        let binary = try #require(DeployTools.binary, "build the vitrine binary first")
        let result = try VitrineBinary.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", Fixtures.repo("scripts/cluster/cluster.py").path, "proxy-cache", "--binary", binary.path])
        try #require(result.status == 0, "cluster.py proxy-cache failed:\n\(result.stdout)\n\(result.stderr)")
        let line = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("RESULT ") }?.dropFirst(7))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let cache = try decoder.decode(ProxyCacheResult.self, from: Data(line.utf8))
        #expect(cache.statuses == [200, 200, 200])
        #expect(cache.cacheStatus == ["MISS", "HIT", "HIT"])
        #expect(cache.sameBody && cache.etagPassed)
        #expect(cache.revalidation == [.number(304), .text("HIT")])
        #expect(cache.instanceFrameRequests == 1)
        #expect(cache.instanceRenders == 1)
        #expect(cache.readyzCacheStatus.allSatisfy { $0 != "HIT" })
    }
}
