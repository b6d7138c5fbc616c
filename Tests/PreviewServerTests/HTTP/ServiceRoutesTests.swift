import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Render
import Testing

@testable import PreviewServer

/// Health, metrics, pages and CORS against a live server.
@Suite struct ServiceRoutesTests {
    @Test func healthReadinessAndMetrics() async throws {
        let assets = try TestAssets.folder(ids: ["chair"])
        try await TestServer.run(TestServer.configuration(assets: assets), backend: TestBackend()) { _, port in
            #expect(try await HTTP.get(port, "/healthz").text == "ok\n")
            let ready = try await HTTP.get(port, "/readyz")
            #expect(ready.text.contains("\"ready\":true"))
            _ = try await HTTP.get(port, "/v1/assets/chair/frame?w=64&h=64")
            let metrics = try await HTTP.get(port, "/metrics").text
            for name in [
                "vitrine_http_requests_total", "vitrine_http_request_duration_seconds_bucket",
                "vitrine_pool_queue_depth",
                "vitrine_pool_workers_busy", "vitrine_cache_hits_total", "vitrine_cache_misses_total",
                "vitrine_cache_bytes",
                "vitrine_render_duration_seconds_bucket", "vitrine_renders_total",
            ] {
                #expect(metrics.contains(name), "\(name) missing from /metrics")
            }
            #expect(
                metrics.contains("route=\"/v1/assets/{id}/frame\"")
                    || metrics.contains("route=\"/v1/assets/:id/frame\""))
        }
    }

    @Test func notReadyUntilAssetsAreLoaded() async throws {
        let assets = try TestAssets.folder(ids: ["chair"])
        let backend = TestBackend()
        backend.closeGate()
        var config = TestServer.configuration(assets: assets)
        config.preloadAssets = true
        var logger = Logger(label: "t")
        logger.logLevel = .critical
        let services = try buildServiceContext(config, backend: SlowPrepareBackend(inner: backend), logger: logger)
        try await buildApplication(services).test(.live) { client in
            let port = try #require(client.port)
            #expect(try await HTTP.get(port, "/readyz").status == .serviceUnavailable)
            #expect(try await HTTP.get(port, "/healthz").status == .ok)
            backend.openGate()
            try await waitUntil { services.catalogue.isReady }
            #expect(try await HTTP.get(port, "/readyz").status == .ok)
        }
    }

    @Test func pagesAndTheEmbedScript() async throws {
        let assets = try TestAssets.folder(ids: ["chair"])
        try await TestServer.run(TestServer.configuration(assets: assets), backend: TestBackend()) { _, port in
            let viewer = try await HTTP.get(port, "/viewer/chair")
            #expect(viewer.status == .ok)
            #expect(viewer.header("Content-Type") == "text/html; charset=utf-8")
            #expect(viewer.text.contains("<vitrine-spin"))
            #expect(viewer.text.contains("/v1/assets/chair/turntable?"))
            #expect(try await HTTP.get(port, "/viewer/nothing").status == .notFound)
            let script = try await HTTP.get(port, "/embed.js")
            #expect(script.header("Content-Type") == "text/javascript; charset=utf-8")
            #expect(script.text.contains("customElements.define(\"vitrine-spin\""))
            let index = try await HTTP.get(port, "/")
            #expect(index.text.contains("/viewer/chair"))
            let openAPI = try await HTTP.get(port, "/openapi.json").bytes
            let document = try JSONSerialization.jsonObject(with: Data(openAPI)) as? [String: Any]
            #expect(document?["openapi"] as? String == "3.1.0")
        }
    }

    @Test func corsForConfiguredOrigins() async throws {
        let assets = try TestAssets.folder(ids: ["chair"])
        var config = TestServer.configuration(assets: assets)
        config.corsOrigins = ["https://shop.example"]
        try await TestServer.run(config, backend: TestBackend()) { _, port in
            let allowed = try await HTTP.get(port, "/v1/assets", headers: [.origin: "https://shop.example"])
            #expect(allowed.header("Access-Control-Allow-Origin") == "https://shop.example")
            let other = try await HTTP.get(port, "/v1/assets", headers: [.origin: "https://evil.example"])
            #expect(other.header("Access-Control-Allow-Origin") == nil)
            let preflight = try await HTTP.send(
                port, "/v1/assets/chair", method: .options,
                headers: [.origin: "https://shop.example", .accessControlRequestMethod: "PUT"])
            #expect(preflight.status == .noContent)
            #expect(preflight.header("Access-Control-Allow-Methods")?.contains("PUT") == true)
        }
    }
}

/// Holds asset preparation at the inner backend's gate (readiness test).
struct SlowPrepareBackend: RenderBackend {
    let inner: TestBackend
    var environmentNames: [String] { inner.environmentNames }

    func prepare(contentsOf url: URL) throws -> PreparedAsset {
        inner.waitAtGate()
        return try inner.prepare(contentsOf: url)
    }

    func prepare(glb bytes: [UInt8], name: String) throws -> PreparedAsset { try inner.prepare(glb: bytes, name: name) }

    func render(_ asset: PreparedAsset, options: RenderOptions, environment: String) throws -> RGBA8Image {
        try inner.render(asset, options: options, environment: environment)
    }

    func encode(_ image: RGBA8Image, format: FrameFormat, quality: Int) throws -> [UInt8] {
        try inner.encode(image, format: format, quality: quality)
    }
}
