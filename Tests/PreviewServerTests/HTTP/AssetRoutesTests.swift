import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import PreviewServer

/// Catalogue, uploads and deletes against a live server.
@Suite struct AssetRoutesTests {
    private typealias Body = AssetController<BasicRequestContext>.AssetBody

    @Test func theCatalogueListsAssetsInSubfolders() async throws {
        let assets = try TestAssets.folder(ids: ["chair", "lamp"])
        try Data(TestAssets.glb("top")).write(to: assets.appendingPathComponent("top.glb"))
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
            #expect(chair.contentHash == AssetRecord.hash(TestAssets.glb("chair")))
            #expect(chair.variants == ["red", "blue"])
            #expect(chair.frameURL.contains("v=\(chair.contentHash)"))
            #expect(try await HTTP.get(port, chair.frameURL).status == .ok)
        }
    }

    @Test func uploadsNeedTheKeyAreLimitedAndValidated() async throws {
        let assets = try TestAssets.folder(ids: ["chair"])
        var config = TestServer.configuration(assets: assets)
        config.apiKey = "letmein"
        config.maxUploadBytes = 4096
        try await TestServer.run(config, backend: TestBackend()) { services, port in
            let glb = TestAssets.glb("new chair")
            let auth: HTTPFields = [.authorization: "Bearer letmein"]
            #expect(try await HTTP.send(port, "/v1/assets/chair", method: .put, body: glb).status == .unauthorized)
            #expect(
                try await HTTP.send(
                    port, "/v1/assets/chair", method: .put, headers: [.authorization: "Bearer nope"], body: glb
                )
                .status == .unauthorized)
            #expect(try await HTTP.send(port, "/v1/assets/chair", method: .delete).status == .unauthorized)

            let big = [UInt8](repeating: 1, count: 5000)
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
            #expect(try await HTTP.get(port, "/v1/assets/stool/frame?w=16&h=16").status == .ok)
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

    @Test func withoutAConfiguredKeyWritesAreRefused() async throws {
        let assets = try TestAssets.folder(ids: ["chair"])
        try await TestServer.run(TestServer.configuration(assets: assets), backend: TestBackend()) { _, port in
            let response = try await HTTP.send(
                port, "/v1/assets/chair", method: .put, headers: [.authorization: "Bearer "], body: TestAssets.glb("x"))
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
