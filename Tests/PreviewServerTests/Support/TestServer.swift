import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

@testable import PreviewServer

/// Runs the real application (`buildApplication`) on a free port for a test.
enum TestServer {
    /// A configuration for tests: loopback, port 0, small bounds.
    static func configuration(assets: URL, cache: URL? = nil) -> PreviewServer.ServerConfiguration {
        var config = PreviewServer.ServerConfiguration()
        config.port = 0
        config.assetsDirectory = assets.path
        config.cacheDirectory = cache?.path
        config.workers = 2
        config.queueLimit = 16
        config.logLevel = "warning"
        return config
    }

    /// Starts the service, waits until `/readyz` answers 200, runs `body` with the port.
    /// - Parameter logger: the service's logger (default: warnings and worse, to the console);
    ///   pass one to read what the service logs (see ``CapturedLog``).
    static func run<T: Sendable>(
        _ config: PreviewServer.ServerConfiguration, backend: any RenderBackend, logger: Logger? = nil,
        _ body: @Sendable (ServiceContext, Int) async throws -> T
    ) async throws -> T {
        var quiet = Logger(label: "vitrine-test")
        quiet.logLevel = .warning
        let logger = logger ?? quiet
        let services = try buildServiceContext(config, backend: backend, logger: logger)
        let app = try buildApplication(services)
        return try await app.test(.live) { client in
            let port = try #require(client.port)
            let deadline = ContinuousClock.now + .seconds(20)
            while try await HTTP.get(port, "/readyz").status != .ok {
                guard ContinuousClock.now < deadline else { throw HTTPTestError.notReady }
                try await Task.sleep(for: .milliseconds(20))
            }
            return try await body(services, port)
        }
    }
}

enum HTTPTestError: Error {
    case notReady
}

/// One request per connection, so that tests can run many at once.
enum HTTP {
    static func get(_ port: Int, _ uri: String, headers: HTTPFields = [:]) async throws -> TestClient.Response {
        try await send(port, uri, method: .get, headers: headers)
    }

    static func send(
        _ port: Int, _ uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: [UInt8]? = nil
    ) async throws -> TestClient.Response {
        try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
            try await client.execute(
                TestClient.Request(uri, method: method, headers: headers, body: body.map { ByteBuffer(bytes: $0) }))
        }
    }

    /// A sample's value from Prometheus text (`name{labels} value`), or 0 when absent.
    static func metric(_ port: Int, _ sample: String) async throws -> Double {
        let text = try await get(port, "/metrics").text
        for line in text.split(separator: "\n") where line.hasPrefix(sample + " ") {
            return Double(line.dropFirst(sample.count + 1)) ?? 0
        }
        return 0
    }
}

extension TestClient.Response {
    var bytes: [UInt8] { body.map { Array($0.readableBytesView) } ?? [] }
    var text: String { String(decoding: bytes, as: UTF8.self) }
    func header(_ name: String) -> String? { headers[HTTPField.Name(name)!] }
}
