import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import PreviewServer

#if canImport(Glibc)
    import Glibc
#endif

/// An asset replaced while frames of it are being rendered: every frame answered carries the
/// ETag of the content it shows (never the new content under the old hash or the reverse),
/// and nothing is torn. References are rendered by the real backend outside any server.
@Suite struct AssetReplacementTests {
    private let auth: HTTPFields = [.authorization: "Bearer k"]

    private func request(yaw: Int) -> FrameRequest {
        var request = FrameRequest()
        request.yawHundredths = yaw * 100
        request.width = 48
        request.height = 48
        return request
    }

    /// What a frame of `glb` looks like: (ETag, bytes) by yaw.
    private func references(_ glb: [UInt8], yaws: [Int], services: ServiceContext, record: AssetRecord) throws
        -> [Int: (String, [UInt8])]
    {
        let backend = StandardBackend(threadsPerFrame: 1)
        let asset = try backend.prepare(glb: glb, name: "reference.glb")
        var record = record
        record.contentHash = AssetRecord.hash(glb)
        var out: [Int: (String, [UInt8])] = [:]
        for yaw in yaws {
            let request = self.request(yaw: yaw)
            let image = try backend.render(asset, options: request.renderOptions, environment: request.environment)
            let bytes = try backend.encode(image, format: request.format, quality: request.quality)
            out[yaw] = (services.frames.key(record, request).etag, bytes)
        }
        return out
    }

    /// Checks one answer: `503` with `Retry-After`, or `200` whose ETag and bytes are those of
    /// one of the contents. Returns which content (`0` old, `1` new) or `nil` for a `503`.
    private func content(
        of answer: TestClient.Response, yaw: Int, _ contents: [[Int: (String, [UInt8])]],
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> Int? {
        if answer.status == .serviceUnavailable {
            #expect(answer.header("Retry-After") != nil, sourceLocation: sourceLocation)
            return nil
        }
        #expect(answer.status == .ok, "\(answer.text)", sourceLocation: sourceLocation)
        let index = contents.firstIndex { $0[yaw]?.0 == answer.header("ETag") }
        guard let index, let expected = contents[index][yaw] else {
            Issue.record(
                "yaw \(yaw): ETag \(answer.header("ETag") ?? "-") names neither content", sourceLocation: sourceLocation
            )
            return nil
        }
        #expect(
            answer.bytes == expected.1, "yaw \(yaw): bytes differ from content \(index)", sourceLocation: sourceLocation
        )
        return index
    }

    @Test func aPUTWhileFramesRenderServesEachFrameUnderTheHashOfItsContent() async throws {
        let assets = try TestAssets.folder(ids: ["chair"])
        var config = TestServer.configuration(assets: assets)
        config.apiKey = "k"
        let backend = TestBackend()
        let (oldGLB, newGLB) = (try TestAssets.glb("chair"), try TestAssets.glb("bottle"))
        let yaws = Array(0..<6).map { $0 * 30 }
        try await TestServer.run(config, backend: backend) { services, port in
            let record = try services.catalogue.record("chair")
            let contents = [
                try references(oldGLB, yaws: yaws, services: services, record: record),
                try references(newGLB, yaws: yaws, services: services, record: record),
            ]
            backend.closeGate()
            async let before = Self.frames(port, yaws)
            try await waitUntil { backend.renders == 2 && services.pool.testOnly_queued == 4 }
            async let put = HTTP.send(port, "/v1/assets/chair", method: .put, headers: auth, body: newGLB)
            try await waitUntil { services.pool.testOnly_queued == 5 }  // the upload's validation
            async let during = Self.frames(port, yaws.map { $0 + 1 })
            backend.openGate()
            #expect(try await put.status == .ok)
            for (yaw, answer) in try await before {
                #expect(content(of: answer, yaw: yaw, contents) == 0, "asked before the upload: old content")
            }
            // Asked while the upload validated: old or new, but each under its own ETag.
            let duringReferences = [
                try references(oldGLB, yaws: yaws.map { $0 + 1 }, services: services, record: record),
                try references(newGLB, yaws: yaws.map { $0 + 1 }, services: services, record: record),
            ]
            for (yaw, answer) in try await during { _ = content(of: answer, yaw: yaw, duringReferences) }
            for (yaw, answer) in try await Self.frames(port, yaws) {
                #expect(content(of: answer, yaw: yaw, contents) == 1, "asked after the upload: new content")
            }
            // A client revalidating with an old ETag gets the new frame, not 304.
            let old = try #require(contents[0][0]?.0)
            let revalidated = try await HTTP.get(
                port, "/v1/assets/chair/frame?yaw=0&w=48&h=48", headers: [.ifNoneMatch: old])
            #expect(content(of: revalidated, yaw: 0, contents) == 1)
        }
    }

    @Test func aFileReplacedWhileItsImportWaitsIsNeverServedUnderTheOldHash() async throws {
        let assets = try TestAssets.folder(ids: ["chair", "mug"])
        var config = TestServer.configuration(assets: assets)
        config.preloadAssets = false
        let backend = TestBackend()
        let newGLB = try TestAssets.glb("bottle")
        try await TestServer.run(config, backend: backend) { services, port in
            let record = try services.catalogue.record("chair")
            let contents = [
                try references(try TestAssets.glb("chair"), yaws: [10], services: services, record: record),
                try references(newGLB, yaws: [10], services: services, record: record),
            ]
            backend.closeGate()
            async let busy = Self.frames(port, [1, 2], id: "mug")  // both workers held
            try await waitUntil { backend.renders == 2 }
            async let raced = HTTP.get(port, "/v1/assets/chair/frame?yaw=10&w=48&h=48")
            try await waitUntil { services.pool.testOnly_queued == 1 }  // chair's import waits
            // Another instance replaces the file (atomically) before the import reads it.
            let temporary = record.url.deletingLastPathComponent().appendingPathComponent(".chair.tmp")
            try Data(newGLB).write(to: temporary)
            #expect(rename(temporary.path, record.url.path) == 0)
            backend.openGate()
            for (_, answer) in try await busy { #expect(answer.status == .ok) }
            // The import read the new file: refused as changed (503, Retry-After), never the
            // new content under the old hash (the ETag and immutable URL of the old content).
            let answer = try await raced
            #expect(answer.status == .serviceUnavailable, "\(answer.status) \(answer.header("ETag") ?? "")")
            #expect(content(of: answer, yaw: 10, contents) == nil)
            #expect(
                content(of: try await HTTP.get(port, "/v1/assets/chair/frame?yaw=10&w=48&h=48"), yaw: 10, contents) == 1
            )
        }
    }

    /// Frames of `id` at `yaws`, all at once.
    private static func frames(_ port: Int, _ yaws: [Int], id: String = "chair") async throws -> [(
        Int, TestClient.Response
    )] {
        try await withThrowingTaskGroup(of: (Int, TestClient.Response).self) { group in
            for yaw in yaws {
                group.addTask { (yaw, try await HTTP.get(port, "/v1/assets/\(id)/frame?yaw=\(yaw)&w=48&h=48")) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }
}
