import Foundation
import Hummingbird
import HummingbirdTesting
import Render
import Testing
import VitrineTestSupport

@testable import PreviewServer

/// The frame and turntable routes against a live server.
@Suite struct FrameRoutesTests {
    @Test func aFrameCarriesETagCacheControlAndComesFromMemoryTheSecondTime() async throws {
        let assets = try TestAssets.folder(ids: ["chair"])
        try await TestServer.run(TestServer.configuration(assets: assets), backend: TestBackend()) { _, port in
            let first = try await HTTP.get(port, "/v1/assets/chair/frame?yaw=30&w=64&h=48")
            #expect(first.status == .ok)
            #expect(first.header("Content-Type") == "image/png")
            let image = try ImageCodec.decodeRGBA8(first.bytes)
            #expect(image.width == 64 && image.height == 48)
            #expect(ProductShot(image).coverage > 0.05)
            #expect(first.header("X-Vitrine-Cache") == "rendered")
            #expect(first.header("Cache-Control") == "public, max-age=60")
            #expect(first.header("Vary") == "Accept")
            let etag = try #require(first.header("ETag"))
            #expect(etag.count == 66)

            let second = try await HTTP.get(port, "/v1/assets/chair/frame?yaw=30.0&h=48&w=64")
            #expect(second.header("X-Vitrine-Cache") == "memory")
            #expect(second.header("ETag") == etag)
            #expect(second.bytes == first.bytes)

            let notModified = try await HTTP.get(
                port, "/v1/assets/chair/frame?yaw=30&w=64&h=48", headers: [.ifNoneMatch: etag])
            #expect(notModified.status == .notModified)
            #expect(notModified.bytes.isEmpty)
            #expect(notModified.header("ETag") == etag)
        }
    }

    @Test(arguments: TestAssets.products)
    func aFrameWithNoParametersIsAGoodProductShot(id: String) async throws {
        let assets = try TestAssets.folder(ids: [id])
        try await TestServer.run(TestServer.configuration(assets: assets), backend: TestBackend()) { _, port in
            let response = try await HTTP.get(port, "/v1/assets/\(id)/frame")
            #expect(response.status == .ok)
            #expect(response.header("Content-Type") == "image/png")
            try Data(response.bytes).write(
                to: Fixtures.artifactDirectory("server").appendingPathComponent("\(id)-default.png"))
            let image = try ImageCodec.decodeRGBA8(response.bytes)
            #expect(image.width == 512 && image.height == 512)
            let shot = ProductShot(image)
            // The product fills a good part of the frame, whole, centred, shaded; corners are clear.
            #expect(shot.coverage > 0.08 && shot.coverage < 0.75, "\(id): \(shot)")
            #expect(shot.isInsideFrame, "\(id): \(shot)")
            #expect(abs(shot.offset.x) < 0.08 && abs(shot.offset.y) < 0.12, "\(id): \(shot)")
            #expect(shot.lumaDeviation > 4, "\(id): \(shot)")
            for (x, y) in [(0, 0), (511, 0), (0, 511), (511, 511)] {
                #expect(image.pixels[(y * 512 + x) * 4 + 3] == 0, "\(id): corner \(x),\(y)")
            }
        }
    }

    @Test func versionedURLsAreImmutable() async throws {
        let assets = try TestAssets.folder(ids: ["chair"])
        try await TestServer.run(TestServer.configuration(assets: assets), backend: TestBackend()) { services, port in
            let hash = try services.catalogue.record("chair").contentHash
            let versioned = try await HTTP.get(port, "/v1/assets/chair/frame?format=png&w=32&h=32&v=\(hash)")
            #expect(versioned.header("Cache-Control") == "public, max-age=31536000, immutable")
            #expect(versioned.header("Vary") == nil)
            let stale = try await HTTP.get(port, "/v1/assets/chair/frame?format=png&w=32&h=32&v=0000")
            #expect(stale.status == .ok)
            #expect(stale.header("Cache-Control") == "public, max-age=60")
        }
    }

    @Test func acceptPicksJPEGWhenFormatIsAbsent() async throws {
        let assets = try TestAssets.folder(ids: ["chair"])
        try await TestServer.run(TestServer.configuration(assets: assets), backend: TestBackend()) { _, port in
            let jpeg = try await HTTP.get(port, "/v1/assets/chair/frame?w=64&h=64", headers: [.accept: "image/jpeg"])
            #expect(jpeg.header("Content-Type") == "image/jpeg")
            #expect(try ImageCodec.probe(jpeg.bytes).format == .jpeg)
            let png = try await HTTP.get(
                port, "/v1/assets/chair/frame?w=64&h=64", headers: [.accept: "image/png,image/*"])
            #expect(png.header("Content-Type") == "image/png")
            #expect(jpeg.header("ETag") != png.header("ETag"))
        }
    }

    @Test(
        arguments: [
            ("/v1/assets/chair/frame?w=99999", 400, "'w'"), ("/v1/assets/chair/frame?yaw=nan", 400, "'yaw'"),
            ("/v1/assets/chair/frame?pitch=1e308", 400, "'pitch'"), ("/v1/assets/chair/frame?bogus=1", 400, "'bogus'"),
            ("/v1/assets/chair/frame?variant=green", 400, "Ochre, Teal, Charcoal"),
            ("/v1/assets/chair/frame?tonemap=filmic", 400, "neutral, aces, none"),
            ("/v1/assets/chair/frame?quality=0", 400, "'quality'"),
            ("/v1/assets/chair/turntable?frames=500", 400, "'frames'"),
            ("/v1/assets/chair/turntable?rows=9", 400, "'rows'"),
            ("/v1/assets/nothing/frame", 404, "no asset"), ("/v1/assets/..%2F..%2Fetc/frame", 400, "invalid asset id"),
            ("/v1/assets/../frame", 400, "invalid asset id"), ("/v1/assets/a%00b/frame", 400, "invalid asset id"),
            ("/v1/assets/CHAIR/frame", 400, "invalid asset id"), ("/v1/assets/%2e%2e", 400, "invalid asset id"),
            ("/viewer/..%2f", 400, "invalid asset id"), ("/no/such/route", 404, ""),
        ] as [(String, Int, String)])
    func badRequestsGetAClear4xx(uri: String, status: Int, message: String) async throws {
        let assets = try TestAssets.folder(ids: ["chair"])
        try await TestServer.run(TestServer.configuration(assets: assets), backend: TestBackend()) { _, port in
            let start = ContinuousClock.now
            let response = try await HTTP.get(port, uri)
            #expect(Int(response.status.code) == status, "\(uri)")
            #expect(message.isEmpty || response.text.contains(message), "\(uri): \(response.text)")
            // Answered without queueing behind renders; loose bound so a loaded machine passes.
            #expect(ContinuousClock.now - start < .seconds(10))
        }
    }

    @Test func aTurntableSheetAndItsManifest() async throws {
        let assets = try TestAssets.folder(ids: ["chair"])
        try await TestServer.run(TestServer.configuration(assets: assets), backend: TestBackend()) { _, port in
            let sheet = try await HTTP.get(port, "/v1/assets/chair/turntable?frames=8&w=32&h=32&format=png")
            #expect(sheet.status == .ok)
            let info = try ImageCodec.probe(sheet.bytes)
            #expect(info.format == .png && info.width == 256 && info.height == 32)
            let manifest = try await HTTP.get(port, "/v1/assets/chair/turntable?frames=8&rows=2&w=32&h=32&layout=json")
            #expect(manifest.status == .ok)
            let body = try JSONDecoder().decode(
                FrameController<BasicRequestContext>.Manifest.self, from: Data(manifest.bytes))
            #expect(body.urls.count == 2 && body.urls.allSatisfy { $0.count == 8 })
            #expect(Set(body.urls.joined()).count == 16)
            let frame = try await HTTP.get(port, body.urls[1][3])
            #expect(frame.status == .ok)
            #expect(frame.header("Cache-Control") == "public, max-age=31536000, immutable")
        }
    }

    @Test func identicalConcurrentRequestsRenderOnce() async throws {
        let assets = try TestAssets.folder(ids: ["chair"])
        let backend = TestBackend(renderDelay: .milliseconds(400))
        try await TestServer.run(TestServer.configuration(assets: assets), backend: backend) { _, port in
            let responses = try await withThrowingTaskGroup(of: TestClient.Response.self) { group in
                for _ in 0..<8 { group.addTask { try await HTTP.get(port, "/v1/assets/chair/frame?yaw=45&w=64") } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(responses.allSatisfy { $0.status == .ok })
            #expect(Set(responses.map(\.bytes)).count == 1)
            #expect(Set(responses.compactMap { $0.header("ETag") }).count == 1)
            #expect(try await HTTP.metric(port, "vitrine_renders_total{kind=\"frame\"}") == 1)
            #expect(try await HTTP.metric(port, "vitrine_singleflight_coalesced_total") == 7)
            #expect(backend.renders == 1)
        }
    }

    @Test func overloadIsAnswered503WithRetryAfterAtOnce() async throws {
        let assets = try TestAssets.folder(ids: ["chair"])
        var config = TestServer.configuration(assets: assets)
        config.workers = 1
        config.queueLimit = 1
        let backend = TestBackend()
        try await TestServer.run(config, backend: backend) { services, port in
            backend.closeGate()
            async let first = HTTP.get(port, "/v1/assets/chair/frame?yaw=1&w=64&h=64")
            try await waitUntil { services.pool.testOnly_busy == 1 }
            async let second = HTTP.get(port, "/v1/assets/chair/frame?yaw=2&w=64&h=64")
            try await waitUntil { services.pool.testOnly_queued == 1 }
            let start = ContinuousClock.now
            let refused = try await HTTP.get(port, "/v1/assets/chair/frame?yaw=3&w=64&h=64")
            // "At once": not after the queue timeout (30 s); loose so a loaded machine passes.
            #expect(ContinuousClock.now - start < .seconds(10))
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.header("Retry-After") == "1")
            backend.openGate()
            #expect(try await first.status == .ok)
            #expect(try await second.status == .ok)
            #expect(try await HTTP.metric(port, "vitrine_pool_rejected_total") == 1)
            // A cached frame is still served at once while every worker is busy.
            backend.closeGate()
            async let busy = HTTP.get(port, "/v1/assets/chair/frame?yaw=4&w=64&h=64")
            try await waitUntil { services.pool.testOnly_busy == 1 }
            #expect(
                try await HTTP.get(port, "/v1/assets/chair/frame?yaw=1&w=64&h=64").header("X-Vitrine-Cache") == "memory"
            )
            backend.openGate()
            _ = try await busy
        }
    }

    @Test func aCorruptedDiskEntryIsReRenderedNotServed() async throws {
        let assets = try TestAssets.folder(ids: ["chair"])
        let cacheDir = try TestAssets.temporaryFolder("cache")
        let backend = TestBackend()
        let config = TestServer.configuration(assets: assets, cache: cacheDir)
        try await TestServer.run(config, backend: backend) { services, port in
            let uri = "/v1/assets/chair/frame?yaw=10&w=64&h=64"
            let original = try await HTTP.get(port, uri)
            let record = try services.catalogue.record("chair")
            var request = FrameRequest()
            request.yawHundredths = 1000
            request.width = 64
            request.height = 64
            let key = services.frames.key(record, request)
            #expect(original.header("ETag") == key.etag)
            let path = try #require(services.cache.testOnly_diskPath(for: key))
            var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            bytes[bytes.count - 3] ^= 0x55
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            services.cache.testOnly_clearMemory()

            let again = try await HTTP.get(port, uri)
            #expect(again.status == .ok)
            #expect(again.header("X-Vitrine-Cache") == "rendered")
            #expect(again.bytes == original.bytes)
            #expect(try await HTTP.metric(port, "vitrine_cache_corrupt_total{reason=\"checksum\"}") == 1)
            #expect(backend.renders == 2)

            services.cache.testOnly_clearMemory()
            let fromDisk = try await HTTP.get(port, uri)
            #expect(fromDisk.header("X-Vitrine-Cache") == "disk")
            #expect(fromDisk.bytes == original.bytes)
        }
    }

    @Test func twoInstancesGiveTheSameETagAndBytes() async throws {
        let assets = try TestAssets.folder(ids: ["chair"])
        let uri = "/v1/assets/chair/frame?yaw=33&pitch=5&w=48&h=40&format=jpeg&quality=70"
        let one = try await TestServer.run(TestServer.configuration(assets: assets), backend: TestBackend()) {
            _, port in try await HTTP.get(port, uri)
        }
        let two = try await TestServer.run(TestServer.configuration(assets: assets), backend: TestBackend()) {
            _, port in try await HTTP.get(port, uri)
        }
        #expect(one.header("ETag") == two.header("ETag"))
        #expect(one.bytes == two.bytes)
    }
}
