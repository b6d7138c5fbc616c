import CPNG
import Foundation
import HTTPTypes
import Render
import Testing

@testable import PreviewServer

/// Hostile bodies against a live server: oversize and malformed multipart, a photo header
/// claiming 100000x100000, a GLB claiming a 4 GiB chunk, JSON nested 100k levels deep. Each
/// gets a 4xx with a message, quickly, and a normal client is served afterwards.
@Suite struct HostileBodyTests {
    private static let apiKey: HTTPFields = [HTTPField.Name("X-API-Key")!: "right-key"]

    private func configuration() throws -> PreviewServer.ServerConfiguration {
        var config = TestServer.configuration(assets: try TryOnFixtures.assets())
        config.apiKey = "right-key"
        config.maxUploadBytes = 1 << 20
        return config
    }

    /// A small real photo (PNG) and keypoints that parse.
    private static let photo =
        (try? PNGCodec.encode(RGBA8Image(width: 64, height: 64, fill: SIMD4(128, 128, 128, 255)))) ?? []
    private static let keypoints = Array(
        ("[" + (0..<17).map { "[\(16 + $0 * 2), \(8 + $0 * 3), 0.9]" }.joined(separator: ",") + "]").utf8)
    private static let garment = Array("tshirt-stripes".utf8)

    @Test func oversizeBodiesGet413BeforeTheyAreRead() async throws {
        try await TestServer.run(try configuration(), backend: TestBackend()) { _, port in
            var durations: [Double] = []
            let big = [UInt8](repeating: 0x41, count: (1 << 20) + 1)
            let (upload, uploadMs) = try await Gauntlet.timed {
                try await HTTP.send(port, "/v1/assets/big", method: .put, headers: Self.apiKey, body: big)
            }
            Gauntlet.expectRefused(upload, [413], mentioning: "limit", "PUT of 1 MiB + 1")
            let form = TryOnFixtures.form([("photo", "p.png", big), ("keypoints", nil, Self.keypoints)])
            let (tryOn, tryOnMs) = try await Gauntlet.timed {
                try await HTTP.send(port, "/v1/tryon", method: .post, headers: TryOnFixtures.multipart, body: form)
            }
            Gauntlet.expectRefused(tryOn, [413], mentioning: "limit", "try-on form over 1 MiB")
            durations += [uploadMs, tryOnMs]
            // A declared 10 GiB body is refused from its headers: the answer comes without waiting for it.
            let socket = try await PlainSocket.connect(port: port)
            let (answer, declaredMs) = try await Gauntlet.timed { () async -> [UInt8] in
                await socket.write(
                    Array(
                        "PUT /v1/assets/big HTTP/1.1\r\nHost: x\r\nX-API-Key: right-key\r\nContent-Length: 10737418240\r\n\r\n"
                            .utf8))
                let deadline = ContinuousClock.now + .seconds(5)
                var bytes: [UInt8] = []
                while ContinuousClock.now < deadline, !String(decoding: bytes, as: UTF8.self).contains("}}") {
                    if case .bytes(let more) = socket.read() { bytes += more }
                    try? await Task.sleep(for: .milliseconds(2))
                }
                return bytes
            }
            durations.append(declaredMs)
            let text = String(decoding: answer, as: UTF8.self)
            #expect(text.hasPrefix("HTTP/1.1 413"), "declared 10 GiB: \(text.prefix(200))")
            #expect(text.contains("limit"))
            Gauntlet.report("oversize body", durations)
            try await Gauntlet.expectNormalFrame(port, after: "oversize bodies")
        }
    }

    @Test func malformedMultipartGets4xxWithAMessage() async throws {
        let boundary = TryOnFixtures.boundary
        let good = TryOnFixtures.form([
            ("photo", "p.png", Self.photo), ("keypoints", nil, Self.keypoints), ("garment", nil, Self.garment),
        ])
        let head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"photo\"\r\n"
        let manyParts = (0..<40).flatMap { _ in
            Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"garment\"\r\n\r\nx\r\n".utf8)
        }
        let cases: [(String, String, [UInt8], Int)] = [
            ("no boundary parameter", "multipart/form-data", good, 415),
            (
                "boundary over 70 characters", "multipart/form-data; boundary=" + String(repeating: "b", count: 71),
                good, 415
            ),
            ("text/plain", "text/plain", good, 415),
            ("form-urlencoded", "application/x-www-form-urlencoded", Array("photo=abc".utf8), 415),
            ("unterminated part", TryOnFixtures.multipart[.contentType]!, Array(good.dropLast(40)), 400),
            (
                "100 KB part header", TryOnFixtures.multipart[.contentType]!,
                Array(
                    (head + "X-Junk: " + String(repeating: "j", count: 100_000) + "\r\n\r\nx\r\n--\(boundary)--\r\n")
                        .utf8), 400
            ),
            ("no CRLF after the boundary", TryOnFixtures.multipart[.contentType]!, Array("--\(boundary)xx".utf8), 400),
            (
                "part without a name", TryOnFixtures.multipart[.contentType]!,
                Array("--\(boundary)\r\nContent-Type: image/png\r\n\r\nx\r\n--\(boundary)--\r\n".utf8), 400
            ),
            ("40 parts", TryOnFixtures.multipart[.contentType]!, manyParts + Array("--\(boundary)--\r\n".utf8), 400),
            ("empty body", TryOnFixtures.multipart[.contentType]!, [], 400),
            ("closing boundary only", TryOnFixtures.multipart[.contentType]!, Array("--\(boundary)--\r\n".utf8), 400),
            ("512 KB of NUL", TryOnFixtures.multipart[.contentType]!, [UInt8](repeating: 0, count: 512 << 10), 400),
            ("boundary of another body", "multipart/form-data; boundary=other", good, 400),
        ]
        try await TestServer.run(try configuration(), backend: TestBackend()) { _, port in
            var durations: [Double] = []
            for (what, contentType, body, status) in cases {
                let (answer, ms) = try await Gauntlet.timed {
                    try await HTTP.send(
                        port, "/v1/tryon", method: .post, headers: [.contentType: contentType], body: body)
                }
                durations.append(ms)
                Gauntlet.expectRefused(answer, [status], what)
            }
            Gauntlet.report("malformed multipart", durations)
            try await Gauntlet.expectNormalFrame(port, after: "malformed multipart")
        }
    }

    @Test func junkInEveryTryOnOptionGets400NamingIt() async throws {
        try await TestServer.run(try configuration(), backend: TestBackend()) { _, port in
            var durations: [Double] = []
            for name in ["format", "quality", "w", "h"] {
                for value in Gauntlet.junk.map({ $0.removingPercentEncoding ?? $0 }) + ["-1", "0", "4097"] {
                    let form = TryOnFixtures.form([
                        ("photo", "p.png", Self.photo), ("keypoints", nil, Self.keypoints),
                        ("garment", nil, Self.garment), (name, nil, Array(value.utf8)),
                    ])
                    let (answer, ms) = try await Gauntlet.timed {
                        try await HTTP.send(
                            port, "/v1/tryon", method: .post, headers: TryOnFixtures.multipart, body: form)
                    }
                    durations.append(ms)
                    Gauntlet.expectRefused(answer, [400], mentioning: "'\(name)'", "\(name)=\(value.prefix(20))")
                }
            }
            Gauntlet.report("junk try-on option", durations)
            try await Gauntlet.expectNormalFrame(port, after: "junk try-on options")
        }
    }

    @Test func aPhotoHeaderClaiming100000x100000Gets413BeforeDecoding() async throws {
        // A valid PNG signature and IHDR (with its CRC) for a 100000x100000 RGBA image, then IEND.
        var ihdr = Array("IHDR".utf8)
        for value in [UInt32(100_000), 100_000] { ihdr += withUnsafeBytes(of: value.bigEndian, Array.init) }
        ihdr += [8, 6, 0, 0, 0]
        let png: [UInt8] =
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + ihdr
            + withUnsafeBytes(of: cpng_crc32(0, ihdr, ihdr.count).bigEndian, Array.init)
            + [0, 0, 0, 0] + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82]
        #expect(try ImageCodec.probe(png).width == 100_000)
        try await TestServer.run(try configuration(), backend: TestBackend()) { _, port in
            var durations: [Double] = []
            for field in ["photo", "mask"] {
                var fields = [
                    ("photo", "p.png", Self.photo), ("keypoints", nil, Self.keypoints), ("garment", nil, Self.garment),
                ]
                fields += field == "mask" ? [("mask", "m.png", png)] : []
                if field == "photo" { fields[0].2 = png }
                let (answer, ms) = try await Gauntlet.timed {
                    try await HTTP.send(
                        port, "/v1/tryon", method: .post, headers: TryOnFixtures.multipart,
                        body: TryOnFixtures.form(fields))
                }
                durations.append(ms)
                Gauntlet.expectRefused(
                    answer, [413, 422], mentioning: "100000x100000", "\(field) claiming 100000x100000")
            }
            Gauntlet.report("image header claiming 100000x100000", durations)
            try await Gauntlet.expectNormalFrame(port, after: "a huge image header")
        }
    }

    @Test func aGLBClaimingA4GiBChunkGets422AndChangesNothing() async throws {
        func glb(json: [UInt8], jsonLength: UInt32? = nil, binLength: UInt32?, totalLength: UInt32? = nil) -> [UInt8] {
            var json = json
            while json.count % 4 != 0 { json.append(0x20) }
            var chunks =
                withUnsafeBytes(of: (jsonLength ?? UInt32(json.count)).littleEndian, Array.init) + Array("JSON".utf8)
                + json
            if let binLength {
                chunks +=
                    withUnsafeBytes(of: binLength.littleEndian, Array.init) + Array("BIN\0".utf8)
                    + [UInt8](repeating: 0, count: 16)
            }
            let total = totalLength ?? UInt32(12 + chunks.count)
            return Array("glTF".utf8) + withUnsafeBytes(of: UInt32(2).littleEndian, Array.init)
                + withUnsafeBytes(of: total.littleEndian, Array.init) + chunks
        }
        let json = Array(#"{"asset":{"version":"2.0"},"buffers":[{"byteLength":4294967280}]}"#.utf8)
        let deep =
            Array(String(repeating: "[", count: 100_000).utf8) + Array(String(repeating: "]", count: 100_000).utf8)
        let cases: [(String, [UInt8])] = [
            ("BIN chunk claiming 4 GiB", glb(json: json, binLength: 0xFFFF_FFF0)),
            ("JSON chunk claiming 4 GiB", glb(json: json, jsonLength: 0xFFFF_FFF0, binLength: nil)),
            ("header claiming a 4 GiB file", glb(json: json, binLength: 16, totalLength: 0xFFFF_FFFF)),
            ("JSON nested 100k levels", glb(json: deep, binLength: nil)),
        ]
        let config = try configuration()
        try await TestServer.run(config, backend: TestBackend()) { _, port in
            var durations: [Double] = []
            for (what, bytes) in cases {
                for id in ["chair", "newone"] {
                    let (answer, ms) = try await Gauntlet.timed {
                        try await HTTP.send(port, "/v1/assets/\(id)", method: .put, headers: Self.apiKey, body: bytes)
                    }
                    durations.append(ms)
                    Gauntlet.expectRefused(answer, [422], "PUT \(id): \(what)")
                }
            }
            Gauntlet.report("GLB claiming a 4 GiB chunk or nested 100k levels", durations)
            #expect(try await HTTP.get(port, "/v1/assets/newone").status == .notFound)
            let stored = try Data(
                contentsOf: URL(fileURLWithPath: config.assetsDirectory).appendingPathComponent("products/chair.glb"))
            #expect(Array(stored) == (try TestAssets.glb("chair")), "a refused upload changed the stored chair")
            try await Gauntlet.expectNormalFrame(port, after: "hostile GLB uploads")
        }
    }

    @Test func keypointsNested100kLevelsDeepGet422() async throws {
        let depth = 100_000
        let bodies: [(String, [UInt8])] = [
            ("arrays", Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)),
            (
                "objects",
                Array((String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)).utf8)
            ),
            ("unclosed", Array(String(repeating: "[", count: depth).utf8)),
        ]
        try await TestServer.run(try configuration(), backend: TestBackend()) { _, port in
            var durations: [Double] = []
            for (what, keypoints) in bodies {
                let form = TryOnFixtures.form([
                    ("photo", "p.png", Self.photo), ("keypoints", nil, keypoints), ("garment", nil, Self.garment),
                ])
                let (answer, ms) = try await Gauntlet.timed {
                    try await HTTP.send(port, "/v1/tryon", method: .post, headers: TryOnFixtures.multipart, body: form)
                }
                durations.append(ms)
                Gauntlet.expectRefused(
                    answer, [422], mentioning: "keypoints", "keypoints: \(what) nested \(depth) deep")
            }
            Gauntlet.report("keypoints JSON nested 100k levels", durations)
            try await Gauntlet.expectNormalFrame(port, after: "deep JSON")
        }
    }
}
