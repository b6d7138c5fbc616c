import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import VitrineTestSupport

@testable import PreviewServer

/// A flood of try-on posts: past `workers + queueLimit` posts in progress, one more is refused
/// with `503` and `Retry-After` before its body is read (each post may buffer up to the
/// upload limit), and admitted again once the others finish.
@Suite struct TryOnFloodTests {
    private static let boundary = "flood"
    private let headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(Self.boundary)"]

    /// A small form without a photo: `400` once admitted.
    private let incomplete = Array(
        "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"garment\"\r\n\r\ntshirt-stripes\r\n--\(Self.boundary)--\r\n"
            .utf8)

    /// The head of a post announcing a 1 MB body, and its first bytes: the server waits for the rest.
    private let stalled = Array(
        ("POST /v1/tryon HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=\(Self.boundary)\r\n"
            + "Content-Length: 1000000\r\n\r\n--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"photo\"\r\n\r\n")
            .utf8)

    @Test func postsPastTheLimitAreRefusedBeforeTheirBodyIsRead() async throws {
        let root = try TestAssets.folder(ids: ["chair"])
        try FileManager.default.copyItem(
            at: Fixtures.repo("assets/garments"), to: root.appendingPathComponent("garments"))
        var config = TestServer.configuration(assets: root)
        config.workers = 1
        config.queueLimit = 1  // 2 posts in progress at most
        try await TestServer.run(config, backend: TestBackend()) { _, port in
            #expect(try await post(port).status == .badRequest)
            try await RawHTTPConnection.with(port: port) { first in
                try await first.send(raw: stalled)
                try await RawHTTPConnection.with(port: port) { second in
                    try await second.send(raw: stalled)
                    // Once both slow posts are admitted, the next one is refused at once.
                    let refused = try await until(
                        { try await post(port) }, matches: { $0.status == .serviceUnavailable })
                    #expect(refused.status == .serviceUnavailable)
                    #expect(refused.header("Retry-After") == "1")
                }
            }
            // The slow clients gave up: their slots are free again.
            let admitted = try await until({ try await post(port) }, matches: { $0.status == .badRequest })
            #expect(admitted.status == .badRequest, "\(admitted.text)")
            #expect(try await HTTP.metric(port, "vitrine_pool_rejected_total") >= 1)
        }
    }

    private func post(_ port: Int) async throws -> TestClient.Response {
        try await HTTP.send(port, "/v1/tryon", method: .post, headers: headers, body: incomplete)
    }

    /// Repeats `request` every 10 ms (20 s at most) until its answer `matches`; the last answer.
    private func until(
        _ request: () async throws -> TestClient.Response, matches: (TestClient.Response) -> Bool
    ) async throws -> TestClient.Response {
        let deadline = ContinuousClock.now + .seconds(20)
        var answer = try await request()
        while !matches(answer), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
            answer = try await request()
        }
        return answer
    }
}
