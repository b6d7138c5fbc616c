import Foundation
import Logging
import Testing
import VitrineTestSupport

@testable import PreviewServer
@testable import Render

/// A try-on photo carrying EXIF GPS coordinates, XMP, an ICC profile and a comment: none of its
/// bytes or metadata reach the cache folder, temporary space, the logs (every level, captured)
/// or `/metrics`, and the answered picture carries none of it (JPEG and PNG answers).
///
/// `TryOnRoutesTests` checks the composed picture and scans disk for a plain photo's bytes;
/// this suite adds the metadata, the logs, the metrics and the answer's own segments.
@Suite struct PhotoPrivacyTests {
    /// Text planted in the photo's metadata; none of it may come out anywhere.
    static let secrets = [
        "vitrine-artist-secret", "vitrine-xmp-secret", "vitrine-icc-secret", "vitrine-comment-secret",
    ]
    /// The GPS position (48°51'29.59" N, 2°17'40.07" E) as text a log or metric could show it.
    static let gpsTexts = ["48.858", "2.2944", "48°51", "2959/100", "4007/100", "GPS"]

    @Test(arguments: ["jpeg", "png"])
    func aPhotoWithEXIFGPSLeavesNoTraceAndItsMetadataIsNotInTheAnswer(format: String) async throws {
        try #require(Fixtures.hasShared, "needs ../shared/photos")
        let pixels = try ImageCodec.decodeRGBA8(Array(try Data(contentsOf: Fixtures.shared("photos/astronaut.png"))))
        let keypoints = Array(try Data(contentsOf: Fixtures.shared("photos/astronaut.keypoints.json")))
        let exif = Self.exifWithGPS()
        let photo = try Self.jpeg(
            pixels,
            segments: [
                (0xE1, exif),
                (
                    0xE1,
                    Array(
                        "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>48,51.4932N</exif:GPSLatitude>vitrine-xmp-secret</x:xmpmeta>"
                            .utf8)
                ),
                (
                    0xE2,
                    Array("ICC_PROFILE\0".utf8) + [1, 1] + Array("vitrine-icc-secret".utf8)
                        + [UInt8](repeating: 7, count: 112)
                ),
                (0xFE, Array("vitrine-comment-secret".utf8)),
            ])
        #expect(try JPEGHeader.parse(photo).orientation == 1, "the EXIF block reads as valid")
        let decoded = try ImageCodec.decodeRGBA8(photo)
        #expect(decoded.width == pixels.width && decoded.height == pixels.height)

        let log = CapturedLog()
        let logger = log.logger(level: .trace)
        let cacheDir = try TestAssets.temporaryFolder("privacy-cache")
        let root = try TryOnFixtures.assets()
        let start = Date()
        let config = TestServer.configuration(assets: root, cache: cacheDir)
        try await TestServer.run(config, backend: TestBackend(), logger: logger) { _, port in
            let body = TryOnFixtures.form([
                ("photo", "holiday.jpg", photo), ("keypoints", "holiday.json", keypoints),
                ("garment", nil, Array("tshirt-stripes".utf8)), ("format", nil, Array(format.utf8)),
            ])
            let answer = try await HTTP.send(
                port, "/v1/tryon", method: .post, headers: TryOnFixtures.multipart, body: body)
            #expect(answer.status == .ok, "\(answer.text)")
            #expect(answer.header("Cache-Control") == "no-store")

            // The answer: no metadata segment or chunk, no planted bytes.
            let kinds = format == "jpeg" ? try Self.jpegSegments(answer.bytes) : try Self.pngChunks(answer.bytes)
            let forbidden: Set = ["APP1", "APP2", "APP13", "COM", "eXIf", "iCCP", "tEXt", "zTXt", "iTXt"]
            #expect(forbidden.isDisjoint(with: kinds), "the answer carries \(forbidden.intersection(kinds))")
            let planted = Self.needles(photo: photo, exif: exif)
            #expect(!planted.contains { Data(answer.bytes).range(of: Data($0)) != nil }, "planted bytes in the answer")
            let headers = answer.headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n")

            // Disk: the cache folder, the assets folder and temporary space.
            for folder in [cacheDir, root, FileManager.default.temporaryDirectory] {
                let found = await TryOnFixtures.files(under: folder, since: start, containing: planted)
                #expect(found.isEmpty, "photo bytes or metadata in \(found)")
            }
            // Text: every log line (trace level), the metrics and the answer's headers.
            let metrics = try await HTTP.get(port, "/metrics").text
            let lines = log.lines
            #expect(!lines.isEmpty, "the captured log is empty: the capture does not work")
            for (what, text) in [("logs", lines.joined(separator: "\n")), ("metrics", metrics), ("headers", headers)] {
                for needle in Self.secrets + Self.gpsTexts + ["holiday"] {
                    #expect(!text.contains(needle), "\(what) contain '\(needle)'")
                }
            }
        }
    }

    // MARK: - Building the photo

    /// An EXIF APP1 payload (little-endian TIFF): orientation 1, an artist, and a GPS IFD with
    /// latitude 48°51'29.59" N and longitude 2°17'40.07" E.
    static func exifWithGPS() -> [UInt8] {
        var tiff: [UInt8] = Array("II".utf8) + le16(42) + le32(8)
        let artist = Array("vitrine-artist-secret\0".utf8)
        // IFD0 at 8: 3 entries (2 + 3 x 12 + 4 = 42 bytes), then the artist text, then the GPS IFD.
        let artistOffset = 8 + 42
        let gpsOffset = artistOffset + artist.count
        tiff += le16(3)
        tiff += entry(0x0112, type: 3, count: 1, value: le16(1) + [0, 0])
        tiff += entry(0x013B, type: 2, count: artist.count, value: le32(artistOffset))
        tiff += entry(0x8825, type: 4, count: 1, value: le32(gpsOffset))
        tiff += le32(0) + artist
        // GPS IFD: 4 entries (2 + 48 + 4 = 54 bytes), then two RATIONAL[3] values.
        let latitudeOffset = gpsOffset + 54
        tiff += le16(4)
        tiff += entry(0x0001, type: 2, count: 2, value: Array("N\0\0\0".utf8))
        tiff += entry(0x0002, type: 5, count: 3, value: le32(latitudeOffset))
        tiff += entry(0x0003, type: 2, count: 2, value: Array("E\0\0\0".utf8))
        tiff += entry(0x0004, type: 5, count: 3, value: le32(latitudeOffset + 24))
        tiff += le32(0) + gpsLatitude + gpsLongitude
        return Array("Exif\0\0".utf8) + tiff
    }

    /// 48/1, 51/1, 2959/100 and 2/1, 17/1, 4007/100 as TIFF rationals.
    static let gpsLatitude = [48, 1, 51, 1, 2959, 100].flatMap(le32)
    static let gpsLongitude = [2, 1, 17, 1, 4007, 100].flatMap(le32)

    private static func entry(_ tag: Int, type: Int, count: Int, value: [UInt8]) -> [UInt8] {
        le16(tag) + le16(type) + le32(count) + value
    }
    private static func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
    private static func le32(_ value: Int) -> [UInt8] { le16(value & 0xFFFF) + le16(value >> 16 & 0xFFFF) }

    /// `image` as a JPEG with `segments` (marker, payload) inserted after SOI.
    static func jpeg(_ image: RGBA8Image, segments: [(UInt8, [UInt8])]) throws -> [UInt8] {
        let encoded = try JPEGCodec.encode(image, quality: 90)
        var out: [UInt8] = [0xFF, 0xD8]
        for (marker, payload) in segments {
            let length = payload.count + 2
            out += [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
        }
        return out + encoded.dropFirst(2)
    }

    /// Byte strings of the photo that must not appear anywhere: a slice of its entropy-coded
    /// data, its EXIF block, the GPS rationals and the planted texts.
    static func needles(photo: [UInt8], exif: [UInt8]) -> [[UInt8]] {
        let middle = photo.count * 2 / 3
        return [Array(photo[middle..<(middle + 64)]), exif, gpsLatitude, gpsLongitude] + secrets.map { Array($0.utf8) }
    }

    // MARK: - Reading the answer

    /// The markers of a JPEG up to the start of scan: `APP0` ... `APP15`, `COM`, `DQT`, ...
    static func jpegSegments(_ bytes: [UInt8]) throws -> Set<String> {
        var kinds: Set<String> = []
        var at = 2
        try #require(bytes.starts(with: [0xFF, 0xD8]), "not a JPEG")
        while at + 4 <= bytes.count, bytes[at] == 0xFF {
            let marker = bytes[at + 1]
            if marker == 0xDA { break }
            switch marker {
            case 0xE0...0xEF: kinds.insert("APP\(marker - 0xE0)")
            case 0xFE: kinds.insert("COM")
            default: kinds.insert(String(format: "%02X", marker))
            }
            at += 2 + (Int(bytes[at + 2]) << 8 | Int(bytes[at + 3]))
        }
        return kinds
    }

    /// The chunk types of a PNG.
    static func pngChunks(_ bytes: [UInt8]) throws -> Set<String> {
        try #require(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
        var kinds: Set<String> = []
        var at = 8
        while at + 8 <= bytes.count {
            let length = bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) }
            kinds.insert(String(decoding: bytes[(at + 4)..<(at + 8)], as: UTF8.self))
            at += 12 + length
        }
        return kinds
    }
}
