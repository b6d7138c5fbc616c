import Foundation
import Testing

@testable import PreviewServer

/// Hostile connections against a live server: slow-drip clients (a request head sent a byte at
/// a time), thousands of idle connections, an oversized request head. The server closes the
/// drippers after its idle timeout and keeps answering everyone else quickly meanwhile.
@Suite struct HostileConnectionTests {
    /// Normal frame requests made while an attack goes on, with their durations in milliseconds.
    private static func normalRequests(_ port: Int, count: Int, every pause: Duration) async throws -> [Double] {
        var durations: [Double] = []
        for _ in 0..<count {
            let (answer, ms) = try await Gauntlet.timed { try await HTTP.get(port, Gauntlet.normalFrame) }
            #expect(answer.status == .ok, "a normal request during the attack: \(answer.text)")
            durations.append(ms)
            try await Task.sleep(for: pause)
        }
        return durations
    }

    @Test func slowDripClientsAreTimedOutWhileOthersAreServed() async throws {
        var config = TestServer.configuration(assets: try TestAssets.folder(ids: ["chair"]))
        config.idleTimeoutSeconds = 2
        try await TestServer.run(config, backend: TestBackend()) { _, port in
            _ = try await HTTP.get(port, Gauntlet.normalFrame)  // rendered once; the rest are cache hits
            let head = Array(
                "GET /v1/assets/chair/frame?w=64&h=64 HTTP/1.1\r\nHost: x\r\nX-Pad: \(String(repeating: "p", count: 64))\r\n\r\n"
                    .utf8)
            var opened: [PlainSocket] = []
            for _ in 0..<50 { opened.append(try await PlainSocket.connect(port: port)) }
            let drippers = opened
            let start = ContinuousClock.now
            // Every dripper sends one byte every 500 ms (faster than the timeout), in one task.
            let dripping = Task { () -> [Duration?] in
                var closedAfter = [Duration?](repeating: nil, count: drippers.count)
                for index in head.indices {
                    for (n, socket) in drippers.enumerated() where closedAfter[n] == nil {
                        var closed = socket.read() == .closed
                        if !closed { closed = await !socket.write([head[index]]) }
                        if closed {
                            closedAfter[n] = ContinuousClock.now - start
                        }
                    }
                    if closedAfter.allSatisfy({ $0 != nil }) || ContinuousClock.now - start > .seconds(12) { break }
                    try? await Task.sleep(for: .milliseconds(500))
                }
                return closedAfter
            }
            let durations = try await Self.normalRequests(port, count: 30, every: .milliseconds(100))
            let closedAfter = await dripping.value
            let closed = closedAfter.compactMap { $0 }
            #expect(closed.count == drippers.count, "\(drippers.count - closed.count) drippers were never closed")
            let latest = closed.max() ?? .zero
            #expect(latest < .seconds(8), "the last dripper was closed after \(latest)")
            print(
                "gauntlet: slow drip: \(drippers.count) drippers closed after \(closed.min() ?? .zero) to \(latest) (idle timeout 2 s)"
            )
            Gauntlet.report("normal requests during a slow drip", durations)
        }
    }

    /// Found by the gauntlet: every byte of a body counts as activity for the idle timeout, so a
    /// body dripped a byte at a time held its connection forever. A body now has a deadline.
    @Test func slowDripBodiesGet408AfterTheBodyTimeout() async throws {
        var config = TestServer.configuration(assets: try TryOnFixtures.assets())
        config.idleTimeoutSeconds = 30
        config.bodyTimeoutSeconds = 2
        config.apiKey = "right-key"
        try await TestServer.run(config, backend: TestBackend()) { _, port in
            _ = try await HTTP.get(port, Gauntlet.normalFrame)
            let heads = [
                "PUT /v1/assets/dripped HTTP/1.1\r\nHost: x\r\nX-API-Key: right-key\r\nContent-Length: 1000\r\n\r\n",
                "POST /v1/tryon HTTP/1.1\r\nHost: x\r\nContent-Type: \(TryOnFixtures.multipart[.contentType]!)\r\n"
                    + "Content-Length: 1000\r\n\r\n",
            ]
            var drippers: [PlainSocket] = []
            for head in heads {
                let socket = try await PlainSocket.connect(port: port)
                await socket.write(Array(head.utf8))
                drippers.append(socket)
            }
            let start = ContinuousClock.now
            var answers = [[UInt8]](repeating: [], count: drippers.count)
            var closedAfter = [Duration?](repeating: nil, count: drippers.count)
            var durations: [Double] = []
            while closedAfter.contains(where: { $0 == nil }), ContinuousClock.now - start < .seconds(10) {
                for (n, socket) in drippers.enumerated() where closedAfter[n] == nil {
                    switch socket.read() {
                    case .bytes(let more): answers[n] += more
                    case .closed: closedAfter[n] = ContinuousClock.now - start
                    case .nothing: if await !socket.write([0x41]) { closedAfter[n] = ContinuousClock.now - start }
                    }
                }
                let (answer, ms) = try await Gauntlet.timed { try await HTTP.get(port, Gauntlet.normalFrame) }
                #expect(answer.status == .ok)
                durations.append(ms)
                try await Task.sleep(for: .milliseconds(250))
            }
            for (n, answer) in answers.enumerated() {
                let text = String(decoding: answer, as: UTF8.self)
                #expect(text.hasPrefix("HTTP/1.1 408"), "dripped body \(n): \(text.prefix(300))")
                #expect(text.contains("did not arrive within 2 s"))
                let after = closedAfter[n] ?? .seconds(99)
                #expect(after < .seconds(6), "dripped body \(n) was closed after \(after)")
            }
            print(
                "gauntlet: slow-drip bodies answered 408 and closed after \(closedAfter.compactMap { $0 }) (body timeout 2 s)"
            )
            Gauntlet.report("normal requests during slow-drip bodies", durations)
        }
    }

    @Test func thousandsOfIdleConnectionsDoNotSlowANormalRequest() async throws {
        let wanted = 2000
        let limit = PlainSocket.raiseOpenFileLimit(to: 2 * wanted + 1024)
        // Each connection costs two descriptors here (client and server are this process).
        let count = min(wanted, (limit - 512) / 2)
        try #require(count >= 500, "open-file limit \(limit) is too low for this test")
        // A long idle timeout: on a loaded machine opening them all may take a while.
        var config = TestServer.configuration(assets: try TestAssets.folder(ids: ["chair"]))
        config.idleTimeoutSeconds = 300
        try await TestServer.run(config, backend: TestBackend()) { _, port in
            _ = try await HTTP.get(port, Gauntlet.normalFrame)
            let before = try await Self.normalRequests(port, count: 10, every: .milliseconds(10))
            var idle: [PlainSocket] = []
            for _ in 0..<count {
                idle.append(try await PlainSocket.connect(port: port))
            }
            // A tenth of them also start a request and stop in the middle of its head.
            for socket in idle.enumerated().filter({ $0.offset % 10 == 0 }).map(\.element) {
                await socket.write(Array("GET /v1/assets/chair/frame HTTP/1.1\r\nHost: x\r\n".utf8))
            }
            let during = try await Self.normalRequests(port, count: 20, every: .milliseconds(10))
            let stillOpen = idle.filter { $0.read() == .nothing }.count
            #expect(stillOpen > count * 9 / 10, "only \(stillOpen) of \(count) idle connections were still open")
            idle.removeAll()
            let after = try await Self.normalRequests(port, count: 10, every: .milliseconds(10))
            print("gauntlet: \(count) idle connections held (open-file limit \(limit))")
            Gauntlet.report("normal requests before \(count) idle connections", before)
            Gauntlet.report("normal requests while \(count) idle connections are held", during)
            Gauntlet.report("normal requests after \(count) idle connections closed", after)
        }
    }

    @Test func anOversizedRequestHeadIsRefusedAndClosed() async throws {
        try await TestServer.run(
            TestServer.configuration(assets: try TestAssets.folder(ids: ["chair"])), backend: TestBackend()
        ) { _, port in
            var durations: [Double] = []
            for head in [
                "GET /v1/assets/chair/frame?yaw=\(String(repeating: "1", count: 200_000)) HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Junk: \(String(repeating: "j", count: 200_000))\r\n\r\n",
                "GET /healthz HTTP/1.1\r\n" + (0..<5000).map { "X-H\($0): v\r\n" }.joined() + "\r\n",
                "\u{16}\u{03}\u{01}\u{02}\u{00}\u{01}\u{00}\u{01}\u{fc}\u{03}\u{03} not HTTP at all\r\n\r\n",
            ] {
                let socket = try await PlainSocket.connect(port: port)
                let ((bytes, closed), ms) = try await Gauntlet.timed {
                    await socket.write(Array(head.utf8))
                    return await socket.readUntilClosed(timeout: .seconds(5))
                }
                durations.append(ms)
                let text = String(decoding: bytes.prefix(64), as: UTF8.self)
                #expect(closed, "the server kept a connection open after \(head.prefix(40))")
                #expect(text.hasPrefix("HTTP/1.1 4"), "answer to \(head.prefix(40)): \(text)")
            }
            Gauntlet.report("oversized or garbage request head", durations)
            try await Gauntlet.expectNormalFrame(port, after: "oversized request heads")
        }
    }
}
