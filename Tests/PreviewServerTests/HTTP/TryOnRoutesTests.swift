import Foundation
import Hummingbird
import HummingbirdTesting
import Render
import Testing
import VitrineTestSupport

@testable import PreviewServer

/// `POST /v1/tryon` against a live server with the repository's garments and a shared photo.
@Suite struct TryOnRoutesTests {
    /// An assets folder with the chair and a copy of the repository's garments.
    private func assets() throws -> URL { try TryOnFixtures.assets() }

    /// A multipart/form-data body of `fields` (name, file name, bytes).
    private func form(_ fields: [(String, String?, [UInt8])]) -> [UInt8] { TryOnFixtures.form(fields) }

    private let multipart = TryOnFixtures.multipart

    @Test func aPhotoWithAGarmentComesBackComposedAndNeverReachesDisk() async throws {
        try #require(Fixtures.hasShared, "needs ../shared/photos")
        let photo = Array(try Data(contentsOf: Fixtures.shared("photos/astronaut.png")))
        let keypoints = Array(try Data(contentsOf: Fixtures.shared("photos/astronaut.keypoints.json")))
        let cacheDir = try TestAssets.temporaryFolder("tryon-cache")
        let root = try assets()
        let config = TestServer.configuration(assets: root, cache: cacheDir)
        let start = Date()
        try await TestServer.run(config, backend: TestBackend()) { _, port in
            let body = form([
                ("photo", "me.png", photo), ("keypoints", "me.json", keypoints),
                ("garment", nil, Array("tshirt-stripes".utf8)),
                ("format", nil, Array("png".utf8)),
            ])
            let answer = try await HTTP.send(port, "/v1/tryon", method: .post, headers: multipart, body: body)
            #expect(answer.status == .ok, "\(answer.text)")
            #expect(answer.header("Content-Type") == "image/png")
            #expect(answer.header("Cache-Control") == "no-store")
            let composed = try ImageCodec.decodeRGBA8(answer.bytes)
            let original = try ImageCodec.decodeRGBA8(photo)
            #expect(composed.width == original.width && composed.height == original.height)
            let changed = zip(composed.pixels, original.pixels).filter { abs(Int($0) - Int($1)) > 24 }.count
            #expect(changed > composed.pixels.count / 50, "the garment changed \(changed) channel values")
            try Data(answer.bytes).write(to: Fixtures.artifactDirectory("server").appendingPathComponent("tryon.png"))

            // Nothing of the photo in the cache folder, the assets folder or temporary space
            // (files written since the test started: other tests may keep photos there).
            let probe = Array(photo[(photo.count / 2)..<(photo.count / 2 + 64)])
            for folder in [cacheDir, root, FileManager.default.temporaryDirectory] {
                let found = await TryOnFixtures.files(under: folder, since: start, containing: [probe])
                #expect(found.isEmpty, "photo bytes found in \(found)")
            }
        }
    }

    @Test func theSunglassesOfTheAccessoriesFolderAreDrawnByTheRenderer() async throws {
        try #require(Fixtures.hasShared, "needs ../shared/photos")
        let photo = Array(try Data(contentsOf: Fixtures.shared("photos/astronaut.png")))
        let keypoints = Array(try Data(contentsOf: Fixtures.shared("photos/astronaut.keypoints.json")))
        let root = try assets()
        try FileManager.default.copyItem(
            at: Fixtures.repo("assets/accessories"), to: root.appendingPathComponent("accessories"))
        let config = TestServer.configuration(assets: root, cache: nil)
        try await TestServer.run(config, backend: TestBackend()) { _, port in
            let listing = try await HTTP.get(port, "/v1/garments")
            #expect(listing.text.contains(#""id":"sunglasses""#), "\(listing.text)")
            let body = form([
                ("photo", "me.png", photo), ("keypoints", "me.json", keypoints),
                ("garment", nil, Array("sunglasses".utf8)), ("format", nil, Array("png".utf8)),
            ])
            let answer = try await HTTP.send(port, "/v1/tryon", method: .post, headers: multipart, body: body)
            #expect(answer.status == .ok, "\(answer.text)")
            let composed = try ImageCodec.decodeRGBA8(answer.bytes)
            let original = try ImageCodec.decodeRGBA8(photo)
            // The glasses cover the eyes: pixels change around the eye keypoints' row, not far below.
            let changedRows = (0..<composed.height).filter { y in
                (0..<composed.width).contains { x in
                    let i = (y * composed.width + x) * 4
                    return abs(Int(composed.pixels[i]) - Int(original.pixels[i])) > 24
                }
            }
            #expect(!changedRows.isEmpty, "the sunglasses changed nothing")
            #expect((changedRows.max() ?? 0) < composed.height / 2, "changes reach row \(changedRows.max() ?? 0)")
        }
    }

    @Test func badFormsGetAClear4xx() async throws {
        try #require(Fixtures.hasShared, "needs ../shared/photos")
        let photo = Array(try Data(contentsOf: Fixtures.shared("photos/astronaut.png")))
        let keypoints = Array(try Data(contentsOf: Fixtures.shared("photos/astronaut.keypoints.json")))
        try await TestServer.run(TestServer.configuration(assets: try assets()), backend: TestBackend()) { _, port in
            let cases: [([(String, String?, [UInt8])], Int, String)] = [
                ([("keypoints", nil, keypoints), ("garment", nil, Array("tshirt-stripes".utf8))], 400, "'photo'"),
                ([("photo", nil, photo), ("garment", nil, Array("tshirt-stripes".utf8))], 400, "'keypoints'"),
                ([("photo", nil, photo), ("keypoints", nil, keypoints)], 400, "'garment'"),
                (
                    [("photo", nil, photo), ("keypoints", nil, keypoints), ("garment", nil, Array("cape".utf8))], 400,
                    "tshirt-stripes"
                ),
                (
                    [
                        ("photo", nil, Array("not an image".utf8)), ("keypoints", nil, keypoints),
                        ("garment", nil, Array("hat-beanie".utf8)),
                    ], 422, ""
                ),
                (
                    [
                        ("photo", nil, photo), ("keypoints", nil, Array("{".utf8)),
                        ("garment", nil, Array("hat-beanie".utf8)),
                    ], 422, ""
                ),
                (
                    [
                        ("photo", nil, photo), ("keypoints", nil, keypoints),
                        ("garment", nil, Array("hat-beanie".utf8)), ("quality", nil, Array("0".utf8)),
                    ], 400, "'quality'"
                ),
                ([("photo", nil, photo), ("keypoints", nil, keypoints), ("extra", nil, [1])], 400, "'extra'"),
            ]
            for (fields, status, message) in cases {
                let answer = try await HTTP.send(
                    port, "/v1/tryon", method: .post, headers: multipart, body: form(fields))
                #expect(Int(answer.status.code) == status, "\(fields.map(\.0)): \(answer.text)")
                #expect(message.isEmpty || answer.text.contains(message), "\(answer.text)")
            }
            let notMultipart = try await HTTP.send(
                port, "/v1/tryon", method: .post, headers: [.contentType: "text/plain"], body: Array("{}".utf8))
            #expect(notMultipart.status == .unsupportedMediaType)
            #expect(notMultipart.text.contains(#"POST \/v1\/photos"#), "\(notMultipart.text)")
            let truncated = try await HTTP.send(
                port, "/v1/tryon", method: .post, headers: multipart,
                body: Array(form([("photo", nil, photo)]).dropLast(30)))
            #expect(truncated.status == .badRequest)
        }
    }

    @Test func theGarmentsListingNamesEveryItemWithTheKeypointsItNeeds() async throws {
        try await TestServer.run(TestServer.configuration(assets: try assets()), backend: TestBackend()) { _, port in
            let answer = try await HTTP.get(port, "/v1/garments")
            #expect(answer.status == .ok)
            #expect(answer.header("Content-Type")?.hasPrefix("application/json") == true)
            let list = try JSONDecoder().decode(
                TryOnController<BasicRequestContext>.GarmentList.self, from: Data(answer.bytes))
            let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.repo("assets/garments").path)
            let ids = files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
            #expect(list.garments.map(\.id) == ids)
            let tee = try #require(list.garments.first { $0.id == "tshirt-logo" })
            #expect(tee.category == "top" && tee.kind == "image")
            #expect(Set(tee.keypoints) == ["left_shoulder", "right_shoulder", "left_hip", "right_hip"])
            let glasses = try #require(list.garments.first { $0.id == "glasses-black" })
            #expect(glasses.keypoints == ["left_eye", "right_eye"])
            let hat = try #require(list.garments.first { $0.id == "hat-beanie" })
            #expect(hat.keypoints == ["left_eye", "right_eye"])
        }
    }

    @Test func withoutGarmentsTheListingIsEmpty() async throws {
        let root = try TestAssets.folder(ids: ["chair"])
        try await TestServer.run(TestServer.configuration(assets: root), backend: TestBackend()) { _, port in
            let answer = try await HTTP.get(port, "/v1/garments")
            #expect(answer.status == .ok)
            #expect(answer.text == #"{"garments":[]}"#)
        }
    }

    @Test func theTryOnPageIsServedAndPostsOnlyFieldsTheAPIAccepts() async throws {
        try await TestServer.run(TestServer.configuration(assets: try assets()), backend: TestBackend()) { _, port in
            let page = try await HTTP.get(port, "/tryon")
            #expect(page.status == .ok)
            #expect(page.header("Content-Type") == "text/html; charset=utf-8")
            let html = page.text
            #expect(html.contains("fetch(\"/v1/garments\")"))
            #expect(html.contains("fetch(\"/v1/tryon\", { method: \"POST\""))
            let appended = html.matches(of: #/form\.append\("([a-z]+)"/#).map { String($0.output.1) }
            #expect(Set(appended) == ["photo", "keypoints", "garment", "format"])
            #expect(Set(appended).isSubset(of: TryOnController<BasicRequestContext>.fieldNames))
            let index = try await HTTP.get(port, "/")
            #expect(index.text.contains("href=\"/tryon\""))
        }
    }
}
