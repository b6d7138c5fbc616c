import Foundation
import Testing
import VitrineTestSupport

@testable import PreviewServer

/// A short contract-fuzzing run in CI: schemathesis (PyPI, pinned) generates requests from the
/// server's own `GET /openapi.json` and checks every answer against it (status codes, content
/// types, headers, bodies, 405 for undeclared methods, negative data refused). The long run,
/// with PUT and DELETE, is `scripts/gauntlet/contract` (RELIABILITY.md, Contract fuzzing).
@Suite struct ContractFuzzTests {
    static let python = PythonEnvironment.make(
        name: "contract", packages: ["schemathesis==4.32.5"], check: "import schemathesis")

    /// Runs `work` on a thread of its own and waits for it without holding a cooperative
    /// thread: pip and schemathesis take seconds, and the live server needs those threads.
    private static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    @Test func schemathesisFindsNoServerErrorAndNothingThatBreaksTheDocument() async throws {
        let bin = try await Self.offPool { try Self.python.get() }
        var config = TestServer.configuration(assets: try TryOnFixtures.assets())
        config.apiKey = "contract-key"
        let reports = Fixtures.artifactDirectory("contract")
        try await TestServer.run(config, backend: TestBackend()) { _, port in
            let arguments = [
                "--config-file", Fixtures.repo("scripts/gauntlet/contract.toml").path, "run",
                "http://127.0.0.1:\(port)/openapi.json", "--checks", "all", "--max-examples", "10", "--seed", "1",
                "-H", "X-API-Key: contract-key", "--workers", "1", "--exclude-method", "DELETE",
                "--report", "junit", "--report-dir", reports.path,
            ]
            let result = try await Self.offPool {
                // In the reports folder: schemathesis keeps a replay cache (.schemathesis/) in its working directory.
                try VitrineBinary.run(bin.appendingPathComponent("schemathesis"), arguments, currentDirectory: reports)
            }
            #expect(result.status == 0, "schemathesis found problems:\n\(result.stdout.suffix(6000))")
            let generated = result.stdout.firstMatch(of: #/(\d+) generated/#).flatMap { Int($0.output.1) } ?? 0
            print("gauntlet: contract fuzzing (short): \(generated) generated requests")
            #expect(generated >= 300, "only \(generated) requests were generated:\n\(result.stdout.suffix(2000))")
            let metrics = try await HTTP.get(port, "/metrics").text
            // Every 5xx but the documented 503 of /readyz (polled before the catalogue was ready).
            let serverErrors = metrics.split(separator: "\n").filter {
                $0.hasPrefix("vitrine_http_requests_total") && $0.contains("status=\"5")
                    && !$0.contains("route=\"/readyz\"")
            }
            #expect(serverErrors.isEmpty, "the server answered 5xx: \(serverErrors)")
        }
    }
}
