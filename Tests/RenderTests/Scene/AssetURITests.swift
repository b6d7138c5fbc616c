import Foundation
import Testing

@testable import Render

@Suite struct AssetURITests {
    private let base = URL(fileURLWithPath: "/tmp/vitrine-asset-uri-test", isDirectory: true)

    private func resolve(_ uri: String) throws(SceneError) -> AssetURI {
        try AssetURI.resolve(uri, baseURL: base, file: "m.gltf", jsonPath: "buffers[0].uri")
    }

    @Test(arguments: [
        "../secret.bin", "a/../../b.bin", "%2e%2e/x.bin", "%2E%2E%2Fx.bin", "a/%2e%2e/%2e%2e/x", "..\\x.bin",
        "/etc/passwd", "\\\\server\\share\\x", "file:///etc/passwd", "FILE:x.bin", "http://example.com/b.bin",
        "C:\\textures\\a.png", "x%00.bin", "%zz.bin", "", "./", "..",
    ])
    func refusesEscapesAndSchemes(_ uri: String) {
        let error = #expect(throws: SceneError.self) { try resolve(uri) }
        guard case .invalidURI(let file, let path, let u, _)? = error else {
            Issue.record("expected invalidURI for \(uri), got \(String(describing: error))")
            return
        }
        #expect(file == "m.gltf")
        #expect(path == "buffers[0].uri")
        #expect(u == uri)
    }

    @Test func acceptsRelativePathsInsideTheFolder() throws {
        #expect(try resolve("a.bin") == .file(base.appendingPathComponent("a.bin")))
        #expect(try resolve("./tex/a%20b.png") == .file(base.appendingPathComponent("tex/a b.png")))
        #expect(try resolve("tex/a.png?v=2#frag") == .file(base.appendingPathComponent("tex/a.png")))
    }

    @Test func refusesExternalFilesWithoutABaseFolder() {
        #expect(throws: SceneError.self) {
            try AssetURI.resolve("a.bin", baseURL: nil, file: "m.glb", jsonPath: "buffers[0].uri")
        }
    }

    @Test func symbolicLinkOutOfTheFolderIsRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-uri-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(
            at: dir.appendingPathComponent("link.bin"), withDestinationURL: URL(fileURLWithPath: "/etc/hostname"))
        let error = #expect(throws: SceneError.self) {
            try AssetURI.resolve("link.bin", baseURL: dir, file: "m.gltf", jsonPath: "buffers[0].uri")
        }
        #expect(error?.reason.contains("symbolic link") == true)
    }

    @Test func decodesDataURIs() throws {
        let payload: [UInt8] = [0, 1, 2, 250, 251, 252, 253]
        let uri = "data:application/octet-stream;base64," + Data(payload).base64EncodedString()
        #expect(try resolve(uri) == .data(payload, mediaType: "application/octet-stream"))
        #expect(try resolve("data:,a%20b") == .data(Array("a b".utf8), mediaType: ""))
        #expect(try resolve("data:image/png;base64,AAEC") == .data([0, 1, 2], mediaType: "image/png"))
    }

    @Test(arguments: ["data:;base64,A", "data:;base64,AB=C", "data:;base64,A===", "data:;base64,ab*d", "data:abc"])
    func refusesBadDataURIs(_ uri: String) {
        #expect(throws: SceneError.self) { try resolve(uri) }
    }

    @Test func base64RoundTripsEveryLength() {
        var state: UInt32 = 12345
        for length in 0..<64 {
            let bytes = (0..<length).map { _ -> UInt8 in
                state = state &* 1_664_525 &+ 1_013_904_223
                return UInt8(truncatingIfNeeded: state >> 24)
            }
            let text = Data(bytes).base64EncodedString()
            #expect(Base64.decode(Array(text.utf8)) == bytes)
            let unpadded = text.replacingOccurrences(of: "=", with: "")
            #expect(Base64.decode(Array(unpadded.utf8)) == bytes)
        }
    }
}
