import Foundation
import Hummingbird
import HummingbirdTesting
import Render
import Testing

@testable import PreviewServer

/// Catalogue, uploads and deletes against a live server.
@Suite struct AssetRoutesTests {
    private typealias Body = AssetController<BasicRequestContext>.AssetBody

    @Test func theCatalogueListsAssetsInSubfolders() async throws {
        let assets = try TestAssets.folder(ids: ["chair", "lamp"])
        try Data(TestAssets.glb("bottle")).write(to: assets.appendingPathComponent("top.glb"))
        try Data("not a model".utf8).write(to: assets.appendingPathComponent("notes.txt"))
        try await TestServer.run(TestServer.configuration(assets: assets), backend: TestBackend()) { _, port in
            let list = try await HTTP.get(port, "/v1/assets")
            #expect(list.status == .ok)
            let body = try JSONDecoder().decode(
                AssetController<BasicRequestContext>.ListBody.self, from: Data(list.bytes))
            #expect(body.assets.map(\.id) == ["chair", "lamp", "top"])
            #expect(body.assets[0].path == "products/chair.glb")

            let one = try await HTTP.get(port, "/v1/assets/chair")
            let chair = try JSONDecoder().decode(Body.self, from: Data(one.bytes))
            #expect(chair.contentHash == AssetRecord.hash(try TestAssets.glb("chair")))
            #expect(chair.variants == ["Ochre", "Teal", "Charcoal"])
            #expect((chair.triangles ?? 0) > 1000)
            #expect(chair.materials?.contains("oiled_oak") == true)
            #expect(chair.frameURL.contains("v=\(chair.contentHash)"))
            #expect(try await HTTP.get(port, chair.frameURL).status == .ok)
        }
    }

    @Test func uploadsNeedTheKeyAreLimitedAndValidated() async throws {
        let assets = try TestAssets.folder(ids: ["chair"])
        var config = TestServer.configuration(assets: assets)
        config.apiKey = "letmein"
        config.maxUploadBytes = 2 << 20
        try await TestServer.run(config, backend: TestBackend()) { services, port in
            let glb = try TestAssets.glb("mug")
            let auth: HTTPFields = [.authorization: "Bearer letmein"]
            #expect(try await HTTP.send(port, "/v1/assets/chair", method: .put, body: glb).status == .unauthorized)
            #expect(
                try await HTTP.send(
                    port, "/v1/assets/chair", method: .put, headers: [.authorization: "Bearer nope"], body: glb
                )
                .status == .unauthorized)
            #expect(try await HTTP.send(port, "/v1/assets/chair", method: .delete).status == .unauthorized)

            let big = [UInt8](repeating: 1, count: (2 << 20) + 1)
            #expect(
                try await HTTP.send(port, "/v1/assets/chair", method: .put, headers: auth, body: big).status
                    == .contentTooLarge)

            let before = try services.catalogue.record("chair")
            let beforeBytes = try Data(contentsOf: before.url)
            let invalid = try await HTTP.send(
                port, "/v1/assets/chair", method: .put, headers: auth, body: Array("junk".utf8))
            #expect(invalid.status == .unprocessableContent)
            #expect(try Data(contentsOf: before.url) == beforeBytes)
            #expect(try services.catalogue.record("chair").contentHash == before.contentHash)

            let replaced = try await HTTP.send(port, "/v1/assets/chair", method: .put, headers: auth, body: glb)
            #expect(replaced.status == .ok)
            let body = try JSONDecoder().decode(Body.self, from: Data(replaced.bytes))
            #expect(body.contentHash == AssetRecord.hash(glb))
            #expect(try Data(contentsOf: before.url) == Data(glb))

            let created = try await HTTP.send(
                port, "/v1/assets/stool", method: .put, headers: [.init("X-API-Key")!: "letmein"], body: glb)
            #expect(created.status == .created)
            #expect(FileManager.default.fileExists(atPath: assets.appendingPathComponent("uploads/stool.glb").path))
            #expect(try await HTTP.get(port, "/v1/assets/stool/frame?w=16&h=16&aa=1").status == .ok)
            #expect(
                try await HTTP.send(port, "/v1/assets/..%2Fx", method: .put, headers: auth, body: glb).status
                    == .badRequest)

            #expect(try await HTTP.send(port, "/v1/assets/stool", method: .delete, headers: auth).status == .noContent)
            #expect(try await HTTP.get(port, "/v1/assets/stool").status == .notFound)
            let leftovers = try FileManager.default.contentsOfDirectory(
                atPath: assets.appendingPathComponent("products").path)
            #expect(leftovers == ["chair.glb"])
        }
    }

    @Test func anInvalidUploadChangesNothingAndAValidOneGivesNewFrames() async throws {
        let assets = try TestAssets.folder(ids: ["chair"])
        var config = TestServer.configuration(assets: assets)
        config.apiKey = "k"
        let auth: HTTPFields = [.authorization: "Bearer k"]
        try await TestServer.run(config, backend: TestBackend()) { services, port in
            let uri = "/v1/assets/chair/frame?w=64&h=64"
            let before = try await HTTP.get(port, uri)
            let record = try services.catalogue.record("chair")
            let fileBefore = try Data(contentsOf: record.url)
            let chair = try TestAssets.glb("chair")
            let invalid: [[UInt8]] = [
                Array(chair.prefix(chair.count / 2)),
                Array("glTF".utf8) + [2, 0, 0, 0] + [UInt8](repeating: 0, count: 64),
                Array("junk".utf8), [],
            ]
            for body in invalid {
                let answer = try await HTTP.send(port, "/v1/assets/chair", method: .put, headers: auth, body: body)
                #expect(answer.status == .unprocessableContent, "\(body.count) bytes: \(answer.text)")
            }
            #expect(try Data(contentsOf: record.url) == fileBefore)
            #expect(try services.catalogue.record("chair").contentHash == record.contentHash)
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: record.url.deletingLastPathComponent().path) == [
                    "chair.glb"
                ])
            let same = try await HTTP.get(port, uri)
            #expect(same.header("ETag") == before.header("ETag"))
            #expect(same.bytes == before.bytes)

            let sneaker = try TestAssets.glb("sneaker")
            let put = try await HTTP.send(port, "/v1/assets/chair", method: .put, headers: auth, body: sneaker)
            #expect(put.status == .ok)
            let body = try JSONDecoder().decode(Body.self, from: Data(put.bytes))
            #expect(body.contentHash == AssetRecord.hash(sneaker))
            #expect(body.contentHash != record.contentHash)
            #expect(body.variants == ["Court White", "Navy Suede", "Triple Black"])
            let after = try await HTTP.get(port, uri)
            #expect(after.status == .ok)
            #expect(after.header("X-Vitrine-Cache") == "rendered")
            #expect(after.header("ETag") != before.header("ETag"))
            #expect(try ImageCodec.decodeRGBA8(after.bytes).pixels != ImageCodec.decodeRGBA8(before.bytes).pixels)
        }
    }

    @Test func withoutAConfiguredKeyWritesAreRefused() async throws {
        let assets = try TestAssets.folder(ids: ["chair"])
        try await TestServer.run(TestServer.configuration(assets: assets), backend: TestBackend()) { _, port in
            let response = try await HTTP.send(
                port, "/v1/assets/chair", method: .put, headers: [.authorization: "Bearer "],
                body: try TestAssets.glb("x"))
            #expect(response.status == .unauthorized)
            #expect(response.header("WWW-Authenticate") != nil)
        }
    }

    @Test func signedURLsAreRequiredWhenAKeyIsSet() async throws {
        let assets = try TestAssets.folder(ids: ["chair"])
        var config = TestServer.configuration(assets: assets)
        config.signingKey = "sign-me"
        let signer = URLSigner(key: "sign-me")
        try await TestServer.run(config, backend: TestBackend()) { _, port in
            #expect(try await HTTP.get(port, "/v1/assets/chair/frame?yaw=10").status == .forbidden)
            let signed = signer.signed("/v1/assets/chair/frame?yaw=10")
            #expect(try await HTTP.get(port, signed).status == .ok)
            let tampered = signed.replacingOccurrences(of: "yaw=10", with: "yaw=11")
            #expect(try await HTTP.get(port, tampered).status == .forbidden)
            #expect(try await HTTP.get(port, signer.signed("/v1/assets/chair/frame?yaw=10") + "x").status == .forbidden)
            // The URLs the service hands out are signed.
            let asset = try JSONDecoder().decode(
                Body.self, from: Data(try await HTTP.get(port, "/v1/assets/chair").bytes))
            #expect(try await HTTP.get(port, asset.frameURL).status == .ok)
            let manifest = try await HTTP.get(port, asset.turntableURL)
            #expect(manifest.status == .ok)
            let urls = try JSONDecoder().decode(
                FrameController<BasicRequestContext>.Manifest.self, from: Data(manifest.bytes))
            #expect(try await HTTP.get(port, urls.urls[0][5]).status == .ok)
        }
    }
}
