import Foundation
import HummingbirdTesting
import NIOCore
import PreviewServer
import Testing
import VitrineTestSupport

@testable import vitrine

@Suite struct ServeCommandTests {
    @Test func flagsOverrideEnvironmentVariables() throws {
        let command = try ServeCommand.parse(["--port", "9001", "--assets", "/x", "--queue-limit", "3", "--lazy"])
        let config = try command.makeConfiguration(environment: [
            "VITRINE_PORT": "7000", "VITRINE_CACHE_DIR": "/cache", "VITRINE_QUEUE_LIMIT": "9",
        ])
        #expect(config.port == 9001)
        #expect(config.assetsDirectory == "/x")
        #expect(config.cacheDirectory == "/cache")
        #expect(config.queueLimit == 3)
        #expect(!config.preloadAssets)
    }

    @Test func badValuesAreValidationErrors() throws {
        let command = try ServeCommand.parse(["--port", "70000"])
        #expect(throws: (any Error).self) { try command.makeConfiguration(environment: [:]) }
        let fromEnvironment = try ServeCommand.parse([])
        #expect(throws: (any Error).self) {
            try fromEnvironment.makeConfiguration(environment: ["VITRINE_WORKERS": "x"])
        }
    }

    @Test func signHelperMatchesTheServersCheck() throws {
        let signed = SignCommand.sign("http://localhost:8080/v1/assets/chair/frame?yaw=30", key: "k")
        #expect(signed.hasPrefix("http://localhost:8080/v1/assets/chair/frame?yaw=30&sig="))
        let path = String(signed.dropFirst("http://localhost:8080".count))
        let (pathOnly, query) = (String(path.split(separator: "?")[0]), String(path.split(separator: "?")[1]))
        #expect(URLSigner(key: "k").isValid(path: pathOnly, rawQuery: query))
    }

    @Test func aServeProcessAnswersAndStopsGracefullyOnSIGTERM() async throws {
        let binary = try #require(VitrineBinary.url, "build the vitrine binary first")
        let assets = FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: assets, withIntermediateDirectories: true)
        let server = try ServeProcess(binary: binary, arguments: ["serve", "--port", "0", "--assets", assets.path])
        defer { server.kill() }
        let port = try server.waitForPort()
        #expect(server.output.contains("api key: (none: writes disabled)"))
        let health = try await TestClient.withClient(host: "127.0.0.1", port: port) { try await $0.get("/healthz") }
        #expect(health.status == .ok)
        let list = try await TestClient.withClient(host: "127.0.0.1", port: port) { try await $0.get("/v1/assets") }
        #expect(list.body.map { String(buffer: $0) } == "{\"assets\":[]}")
        server.terminate()
        #expect(try server.waitForExit(timeout: .seconds(10)) == 0)
    }
}

extension ServeCommandTests {
    @Test func twoServeProcessesOnTheSameAssetsGiveTheSameETagAndBytes() async throws {
        let binary = try #require(VitrineBinary.url, "build the vitrine binary first")
        let assets = Fixtures.repo("assets").path
        let first = try ServeProcess(binary: binary, arguments: ["serve", "--port", "0", "--assets", assets])
        defer { first.kill() }
        let second = try ServeProcess(
            binary: binary, arguments: ["serve", "--port", "0", "--assets", assets, "--lazy"])
        defer { second.kill() }
        let ports = (try first.waitForPort(), try second.waitForPort())
        let uri = "/v1/assets/sneaker/frame?yaw=40&w=96&h=64&variant=Navy%20Suede"
        let one = try await TestClient.withClient(host: "127.0.0.1", port: ports.0) { try await $0.get(uri) }
        let two = try await TestClient.withClient(host: "127.0.0.1", port: ports.1) { try await $0.get(uri) }
        #expect(one.status == .ok && two.status == .ok)
        #expect(one.headers[.eTag] != nil)
        #expect(one.headers[.eTag] == two.headers[.eTag])
        let bytes = (
            one.body.map { Array($0.readableBytesView) } ?? [], two.body.map { Array($0.readableBytesView) } ?? []
        )
        #expect(!bytes.0.isEmpty && bytes.0 == bytes.1)

        // Start-up output: the configuration once, then the viewer's address once loaded.
        let viewer = "viewer: http://127.0.0.1:\(ports.0)/viewer/sneaker"
        let deadline = ContinuousClock.now + .seconds(60)
        while !first.output.contains(viewer), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(first.output.contains(viewer), "\(first.output)")
        #expect(first.output.components(separatedBy: "api key:").count == 2)
        #expect(first.output.contains("ready: 5 assets (bottle, chair, mug, sneaker, sunglasses)"))
        first.terminate()
        second.terminate()
        #expect(try first.waitForExit(timeout: .seconds(10)) == 0)
        #expect(try second.waitForExit(timeout: .seconds(10)) == 0)
    }

    @Test func theReadyMessageNamesTheViewer() {
        let message = ServeCommand.readyMessage(host: "127.0.0.1", port: 8080, ids: ["chair", "sneaker"])
        #expect(message == "ready: 2 assets (chair, sneaker)\nviewer: http://127.0.0.1:8080/viewer/sneaker")
        #expect(ServeCommand.readyMessage(host: "h", port: 1, ids: ["mug"]).hasSuffix("http://h:1/viewer/mug"))
        #expect(ServeCommand.readyMessage(host: "h", port: 1, ids: []).contains("no assets"))
    }
}

/// A spawned `vitrine serve`: reads its port from stdout, stops it by its own process id.
final class ServeProcess: @unchecked Sendable {
    private let process = Process()
    private let lock = NSLock()
    private var buffer = ""

    init(binary: URL, arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard !data.isEmpty, let self else { return }
            self.lock.lock()
            self.buffer += String(decoding: data, as: UTF8.self)
            self.lock.unlock()
        }
        try process.run()
    }

    var output: String {
        lock.lock()
        defer { lock.unlock() }
        return buffer
    }

    /// The port from the "listening on http://host:port/" line.
    func waitForPort(timeout: Duration = .seconds(30)) throws -> Int {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let range = output.range(of: "listening on http://127.0.0.1:") {
                let digits = output[range.upperBound...].prefix { $0.isNumber }
                if let port = Int(digits), output[range.upperBound...].dropFirst(digits.count).hasPrefix("/") {
                    return port
                }
            }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw ServeProcessError.noPort(output)
    }

    func terminate() { if process.isRunning { process.terminate() } }  // SIGTERM

    func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }

    func waitForExit(timeout: Duration) throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline else { throw ServeProcessError.stillRunning }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return process.terminationStatus
    }
}

enum ServeProcessError: Error {
    case noPort(String)
    case stillRunning
}
