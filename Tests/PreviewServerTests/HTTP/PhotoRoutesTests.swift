import Foundation
import Hummingbird
import HummingbirdTesting
import Render
import Testing
import VitrineTestSupport

@testable import PreviewServer

/// `POST /v1/photos`, `DELETE /v1/photos/{photo}` and the JSON form of `POST /v1/tryon`, against
/// a live server with the repository's garments and a shared photo.
@Suite struct PhotoRoutesTests {
    private let json: HTTPFields = [.contentType: "application/json"]

    private func upload(_ port: Int, _ photo: [UInt8], type: String = "image/png") async throws
        -> (TestClient.Response, PhotoController<BasicRequestContext>.Uploaded?)
    {
        let answer = try await HTTP.send(port, "/v1/photos", method: .post, headers: [.contentType: type], body: photo)
        return (answer, try? JSONDecoder().decode(PhotoController.Uploaded.self, from: Data(answer.bytes)))
    }

    private func tryOn(_ port: Int, _ object: [String: Any]) async throws -> TestClient.Response {
        let body = Array(try JSONSerialization.data(withJSONObject: object))
        return try await HTTP.send(port, "/v1/tryon", method: .post, headers: json, body: body)
    }

    @Test func anUploadedPhotoIsComposedFromJSONLikeTheFormAndNeverReachesDisk() async throws {
        try #require(Fixtures.hasShared, "needs ../shared/photos")
        let photo = Array(try Data(contentsOf: Fixtures.shared("photos/astronaut.png")))
        let keypointsFile = try Data(contentsOf: Fixtures.shared("photos/astronaut.keypoints.json"))
        let cacheDir = try TestAssets.temporaryFolder("photo-cache")
        let root = try TryOnFixtures.assets()
        let start = Date()
        try await TestServer.run(TestServer.configuration(assets: root, cache: cacheDir), backend: TestBackend()) {
            _, port in
            let keypoints = try JSONSerialization.jsonObject(with: keypointsFile)
            let (answer, uploaded) = try await upload(port, photo)
            #expect(answer.status == .created, "\(answer.text)")
            #expect(answer.header("Cache-Control") == "no-store")
            let receipt = try #require(uploaded)
            #expect(PhotoStore.isWellFormed(receipt.photo))
            #expect(receipt.expiresIn == 600 && receipt.bytes == photo.count)
            let original = try ImageCodec.decodeRGBA8(photo)
            #expect(receipt.width == original.width && receipt.height == original.height)
            #expect(try await HTTP.metric(port, "vitrine_photos_stored") == 1)

            let composed = try await tryOn(
                port, ["photo": receipt.photo, "keypoints": keypoints, "garments": ["tshirt-stripes"], "format": "png"])
            #expect(composed.status == .ok, "\(composed.text)")
            #expect(composed.header("Content-Type") == "image/png")
            #expect(composed.header("Cache-Control") == "no-store")
            // The same picture as the multipart form with the photo in it.
            let form = TryOnFixtures.form([
                ("photo", "me.png", photo), ("keypoints", "me.json", Array(keypointsFile)),
                ("garment", nil, Array("tshirt-stripes".utf8)), ("format", nil, Array("png".utf8)),
            ])
            let multipart = try await HTTP.send(
                port, "/v1/tryon", method: .post, headers: TryOnFixtures.multipart, body: form)
            #expect(multipart.status == .ok)
            #expect(composed.bytes == multipart.bytes, "JSON and multipart try-ons differ")
            // Used again (the photo stays until it expires or is deleted), with options as numbers.
            let small = try await tryOn(
                port,
                ["photo": receipt.photo, "keypoints": keypoints, "garments": "tshirt-stripes", "w": 128, "quality": 70])
            #expect(small.status == .ok, "\(small.text)")
            #expect(small.header("Content-Type") == "image/jpeg")
            #expect(try ImageCodec.decodeRGBA8(small.bytes).width == 128)

            // Nothing of the photo in the cache folder, the assets folder or temporary space.
            let probe = Array(photo[(photo.count / 2)..<(photo.count / 2 + 64)])
            for folder in [cacheDir, root, FileManager.default.temporaryDirectory] {
                let found = await TryOnFixtures.files(under: folder, since: start, containing: [probe])
                #expect(found.isEmpty, "photo bytes found in \(found)")
            }

            // Deleted: gone at once.
            let deleted = try await HTTP.send(port, "/v1/photos/\(receipt.photo)", method: .delete)
            #expect(deleted.status == .noContent)
            let after = try await tryOn(
                port, ["photo": receipt.photo, "keypoints": keypoints, "garments": ["tshirt-stripes"]])
            #expect(after.status == .notFound)
            #expect(after.text.contains("upload it again"), "\(after.text)")
            #expect(try await HTTP.metric(port, "vitrine_photos_stored") == 0)
        }
    }

    @Test func uploadsAndReferencesThatCannotBeUsedGetAClear4xx() async throws {
        try #require(Fixtures.hasShared, "needs ../shared/photos")
        let photo = Array(try Data(contentsOf: Fixtures.shared("photos/astronaut.png")))
        var config = TestServer.configuration(assets: try TryOnFixtures.assets())
        config.maxPhotoBytes = photo.count - 1
        try await TestServer.run(config, backend: TestBackend()) { _, port in
            let (tooLarge, _) = try await upload(port, photo)
            #expect(tooLarge.status == .contentTooLarge, "\(tooLarge.text)")
            #expect(tooLarge.text.contains("\(photo.count - 1) bytes"))
            let (notAnImage, _) = try await upload(port, Array("hello, not a photo".utf8))
            #expect(notAnImage.status == .unprocessableContent, "\(notAnImage.text)")
            // A small photo as a multipart form is kept.
            let tiny = try PNGCodec.encode(RGBA8Image(width: 16, height: 8))
            let form = TryOnFixtures.form([("photo", "tiny.png", tiny)])
            let small = try await HTTP.send(
                port, "/v1/photos", method: .post, headers: TryOnFixtures.multipart, body: form)
            #expect(small.status == .created, "\(small.text)")
            #expect(small.text.contains(#""width":16"#) && small.text.contains(#""height":8"#), "\(small.text)")

            let unknown = String(repeating: "ab", count: 16)
            let cases: [([String: Any], Int, String)] = [
                (
                    ["photo": unknown, "keypoints": ["format": "coco17"], "garments": ["hat-beanie"]], 404,
                    "POST /v1/photos"
                ),
                (["photo": "../../etc/passwd", "keypoints": ["a": 1], "garments": ["hat-beanie"]], 400, "'photo'"),
                (["keypoints": ["a": 1], "garments": ["hat-beanie"]], 400, "'photo'"),
                (["photo": unknown, "garments": ["hat-beanie"]], 400, "'keypoints'"),
                (["photo": unknown, "keypoints": ["a": 1]], 400, "'garments'"),
                (["photo": unknown, "keypoints": ["a": 1], "garments": [1]], 400, "'garments'"),
                (
                    ["photo": unknown, "keypoints": ["a": 1], "garments": ["hat-beanie"], "quality": 0], 400,
                    "'quality'"
                ),
                (["photo": unknown, "keypoints": ["a": 1], "garments": ["hat-beanie"], "extra": 1], 400, "'extra'"),
            ]
            for (object, status, message) in cases {
                let answer = try await tryOn(port, object)
                #expect(Int(answer.status.code) == status, "\(object.keys.sorted()): \(answer.text)")
                #expect(answer.text.replacingOccurrences(of: "\\/", with: "/").contains(message), "\(answer.text)")
            }
            let notJSON = try await HTTP.send(port, "/v1/tryon", method: .post, headers: json, body: Array("[1".utf8))
            #expect(notJSON.status == .badRequest)
            let huge = Array(repeating: UInt8(ascii: " "), count: JSONTryOn.maxBodyBytes + 1)
            let over = try await HTTP.send(port, "/v1/tryon", method: .post, headers: json, body: huge)
            #expect(over.status == .contentTooLarge)
            let missing = try await HTTP.send(port, "/v1/photos/\(unknown)", method: .delete)
            #expect(missing.status == .notFound)
        }
    }
}
