import Foundation
import NIOCore
import NIOPosix

/// One keep-alive HTTP/1.1 connection driven by hand, as nginx does with upstream keep-alive:
/// several requests written on the same socket, answers parsed from the raw bytes.
struct RawHTTPConnection {
    /// A parsed answer: status, headers (names lowercased) and body.
    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
        /// Whether the server announced it closes the connection after this answer.
        var closes: Bool { headers["connection"]?.lowercased() == "close" }
    }

    enum RawHTTPError: Error {
        case malformed(String)
    }

    /// Connects to `127.0.0.1:port` and runs `body` with the connection, then closes it.
    static func with<T: Sendable>(
        port: Int, _ body: (inout RawHTTPConnection) async throws -> T
    ) async throws -> T {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var connection = RawHTTPConnection(iterator: inbound.makeAsyncIterator(), outbound: outbound)
            return try await body(&connection)
        }
    }

    private var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var pending: [UInt8] = []

    private init(
        iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    ) {
        self.iterator = iterator
        self.outbound = outbound
    }

    /// Sends `GET uri` (keep-alive, no body) and reads its answer; `nil` when the server closed
    /// the connection instead of answering.
    mutating func get(_ uri: String) async throws -> Answer? {
        let request = "GET \(uri) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n"
        do {
            try await outbound.write(ByteBuffer(string: request))
        } catch {
            return nil
        }
        return try await readAnswer()
    }

    /// Writes `bytes` as they are (e.g. a request head and part of its body), reads nothing.
    func send(raw bytes: [UInt8]) async throws {
        try await outbound.write(ByteBuffer(bytes: bytes))
    }

    /// Whether the server closes the connection (end of stream) before sending anything more.
    mutating func isClosedByServer() async throws -> Bool {
        guard pending.isEmpty else { return false }
        do {
            return try await iterator.next() == nil
        } catch {
            return true
        }
    }

    private mutating func readAnswer() async throws -> Answer? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while true {
            if let end = Self.find(separator, in: pending) {
                headEnd = end
                break
            }
            guard try await fill() else { return nil }
        }
        guard let headEnd else { return nil }
        let head = String(decoding: pending[..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw RawHTTPError.malformed(head[0])
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
                .trimmingCharacters(in: .whitespaces)
        }
        guard let length = headers["content-length"].flatMap({ Int($0) }) else {
            throw RawHTTPError.malformed("no Content-Length in \(head)")
        }
        let bodyStart = headEnd + separator.count
        while pending.count < bodyStart + length {
            guard try await fill() else { throw RawHTTPError.malformed("body cut short") }
        }
        let body = Array(pending[bodyStart..<(bodyStart + length)])
        pending.removeFirst(bodyStart + length)
        return Answer(status: status, headers: headers, body: body)
    }

    /// Reads more bytes; `false` at the end of the stream.
    private mutating func fill() async throws -> Bool {
        let buffer: ByteBuffer?
        do {
            buffer = try await iterator.next()
        } catch {
            return false
        }
        guard let buffer else { return false }
        pending += buffer.readableBytesView
        return true
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count)
        where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }
}
