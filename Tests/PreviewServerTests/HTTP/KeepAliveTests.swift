import Foundation
import Testing

@testable import PreviewServer

/// Keep-alive clients (nginx with upstream keep-alive) after an answer that rendered: the next
/// request on the same connection must be answered, or the answer must say `Connection: close`
/// and the server then close the connection, so the client never writes into a dying socket.
@Suite struct KeepAliveTests {
    @Test func aRenderedFrameIsFollowedByAnAnswerOrSaysConnectionClose() async throws {
        let assets = try TestAssets.folder(ids: ["chair"])
        try await TestServer.run(TestServer.configuration(assets: assets), backend: TestBackend()) { _, port in
            try await RawHTTPConnection.with(port: port) { connection in
                let first = try #require(try await connection.get("/v1/assets/chair/frame?yaw=12&w=64&h=64"))
                #expect(first.status == 200)
                #expect(first.headers["x-vitrine-cache"] == "rendered")
                try await expectNextRequestAnswered(after: first, on: &connection)
            }
        }
    }

    @Test func anOverloadAnswerFromARenderIsFollowedByAnAnswerOrSaysConnectionClose() async throws {
        let assets = try TestAssets.folder(ids: ["chair"])
        var config = TestServer.configuration(assets: assets)
        config.workers = 1
        config.queueLimit = 1
        let backend = TestBackend()
        try await TestServer.run(config, backend: backend) { services, port in
            backend.closeGate()
            async let busy = HTTP.get(port, "/v1/assets/chair/frame?yaw=1&w=64&h=64")
            try await waitUntil { services.pool.testOnly_busy == 1 }
            async let queued = HTTP.get(port, "/v1/assets/chair/frame?yaw=2&w=64&h=64")
            try await waitUntil { services.pool.testOnly_queued == 1 }
            try await RawHTTPConnection.with(port: port) { connection in
                let refused = try #require(try await connection.get("/v1/assets/chair/frame?yaw=3&w=64&h=64"))
                #expect(refused.status == 503)
                #expect(refused.headers["retry-after"] == "1")
                backend.openGate()
                try await expectNextRequestAnswered(after: refused, on: &connection)
            }
            backend.openGate()
            #expect(try await busy.status == .ok)
            #expect(try await queued.status == .ok)
        }
    }

    @Test func aCachedFrameKeepsTheConnectionOpen() async throws {
        let assets = try TestAssets.folder(ids: ["chair"])
        try await TestServer.run(TestServer.configuration(assets: assets), backend: TestBackend()) { _, port in
            #expect(try await HTTP.get(port, "/v1/assets/chair/frame?yaw=5&w=64&h=64").status == .ok)
            try await RawHTTPConnection.with(port: port) { connection in
                for _ in 0..<3 {
                    let answer = try #require(try await connection.get("/v1/assets/chair/frame?yaw=5&w=64&h=64"))
                    #expect(answer.status == 200)
                    #expect(answer.headers["x-vitrine-cache"] == "memory")
                    #expect(!answer.closes)
                }
            }
        }
    }

    /// Either the answer announced the close (and the server then closes), or a second request
    /// on the same connection is answered.
    private func expectNextRequestAnswered(
        after first: RawHTTPConnection.Answer, on connection: inout RawHTTPConnection
    ) async throws {
        if first.closes {
            #expect(try await connection.isClosedByServer())
        } else {
            let second = try await connection.get("/v1/assets/chair/frame?yaw=12&w=64&h=64")
            #expect(second?.status == 200, "the connection was closed without Connection: close")
        }
    }
}
