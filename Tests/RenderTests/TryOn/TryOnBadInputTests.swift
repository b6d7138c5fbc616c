import Foundation
import Testing
import VitrineTestSupport

@testable import Render

/// Bad requests through the byte-level entry point: each is a `TryOnError` naming the
/// problem, never a crash, and nothing is decoded that a cheaper check can refuse first.
@Suite struct TryOnBadInputTests {
    static func renderer() throws -> TryOnRenderer {
        TryOnRenderer(catalogue: ItemCatalogue(items: [try TryOnTestItems.tee()]))
    }

    /// A valid JPEG photo (the synthetic 600x800 one).
    static func photoJPEG() throws -> [UInt8] { try JPEGCodec.encode(TryOnRendererTests.photo(), quality: 90) }

    static func keypointsJSON(_ edit: (inout [String: [Double]]) -> Void = { _ in }) -> [UInt8] {
        var points: [String: [Double]] = [:]
        for (p, k) in TryOnRendererTests.keypoints.people[0] { points[p.rawValue] = [k.x, k.y, k.score] }
        edit(&points)
        let entries = points.sorted { $0.key < $1.key }.map { name, v in
            let x = v[0].isNaN ? "NaN" : "\(v[0])"
            return #"{"name": "\#(name)", "x": \#(x), "y": \#(v[1]), "score": \#(v[2])}"#
        }
        return Array(
            #"{"format": "coco17", "width": 600, "height": 800, "keypoints": [\#(entries.joined(separator: ","))]}"#
                .utf8)
    }

    static func compose(photo: [UInt8]? = nil, keypoints: [UInt8] = keypointsJSON(), items: [String] = ["tee"])
        throws -> TryOnResult
    {
        try renderer().compose(photo: try photo ?? photoJPEG(), keypoints: keypoints, items: items)
    }

    @Test func theGoodRequestWorks() throws {
        let result = try Self.compose()
        #expect(result.image.width == 600 && result.image.height == 800)
        #expect(ImageCodec.sniff(result.encoded) == .jpeg)
        #expect(result.warnings.isEmpty)
    }

    @Test func aNonImagePhotoIsRefused() {
        #expect(throws: TryOnError.invalidPhoto(reason: ImageError.unrecognizedFormat.description)) {
            try Self.compose(photo: Array("this is not a photo".utf8))
        }
        #expect(throws: TryOnError.self) { try Self.compose(photo: []) }
    }

    @Test func aTruncatedJPEGIsRefused() throws {
        try #require(Fixtures.hasShared, "needs ../shared/photos")
        let full = [UInt8](try Data(contentsOf: Fixtures.shared("photos/Pilots.jpg")))
        do {
            _ = try Self.compose(photo: Array(full.prefix(full.count / 2)))
            Issue.record("decoded half a JPEG")
        } catch let TryOnError.invalidPhoto(reason) {
            #expect(reason.contains("truncated") || reason.contains("JPEG"), "\(reason)")
        }
    }

    @Test func aHugeHeaderIsRefusedBeforeDecoding() {
        // A PNG that declares 50000 x 50000 RGBA pixels (10 GB) in 57 bytes.
        var ihdr = Array("IHDR".utf8)
        for v in [UInt32(50000), 50000] {
            ihdr += [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
        }
        ihdr += [8, 6, 0, 0, 0]
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + ihdr
        png += Self.bigEndian(Self.crc32(ihdr))
        png += [0, 0, 0, 0] + Array("IEND".utf8) + Self.bigEndian(Self.crc32(Array("IEND".utf8)))
        #expect(throws: TryOnError.photoTooLarge(width: 50000, height: 50000, maxPixels: TryOnOptions().maxPixels)) {
            try Self.compose(photo: png)
        }
    }

    @Test func nanKeypointsAreNamed() {
        let json = Self.keypointsJSON { $0["left_shoulder"]![0] = .nan }
        #expect(throws: TryOnError.nonFiniteKeypoint(name: "left_shoulder", field: "x")) {
            try Self.compose(keypoints: json)
        }
    }

    @Test func missingPointsAreNamed() {
        let json = Self.keypointsJSON { $0["right_shoulder"] = nil }
        do {
            _ = try Self.compose(keypoints: json)
            Issue.record("drew a top without a right shoulder")
        } catch let TryOnError.missingKeypoints(item, points) {
            #expect(item == "tee")
            #expect(points.contains("right_shoulder: not in the keypoints"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func pointsOutsideThePhotoAreErrors() {
        // Just outside: unknown, and a shoulder has no estimate.
        let outside = Self.keypointsJSON { $0["left_shoulder"] = [610, 270, 0.99] }
        do {
            _ = try Self.compose(keypoints: outside)
            Issue.record("used a shoulder outside the photo")
        } catch let TryOnError.missingKeypoints(_, points) {
            #expect(points.contains { $0.hasPrefix("left_shoulder: at (610.0, 270.0), outside the 600x800 photo") })
        } catch {
            Issue.record("unexpected \(error)")
        }
        // Far outside: the file belongs to another image.
        let far = Self.keypointsJSON { $0["nose"] = [9000, 100, 0.99] }
        #expect(throws: TryOnError.keypointFarOutside(name: "nose", x: 9000, y: 100, width: 600, height: 800)) {
            try Self.compose(keypoints: far)
        }
    }

    @Test func anUnknownGarmentIsRefusedBeforeThePhotoIsDecoded() {
        #expect(throws: TryOnError.unknownItem(id: "ballgown", known: ["tee"])) {
            try Self.compose(photo: Array("not decoded".utf8), items: ["ballgown"])
        }
    }

    // MARK: - Metadata

    @Test func noEXIFOrGPSReachesTheOutput() throws {
        let marker: [UInt8] = [0x0B, 0xAD, 0xF0, 0x0D]
        let photo = Self.withGPSExif(try Self.photoJPEG(), marker: marker)
        let renderer = try Self.renderer()
        #expect(Self.contains(photo, Array("Exif".utf8)) && Self.contains(photo, marker))

        let jpeg = try renderer.compose(photo: photo, keypoints: Self.keypointsJSON(), items: ["tee"])
        #expect(!Self.contains(jpeg.encoded, Array("Exif".utf8)))
        #expect(!Self.contains(jpeg.encoded, marker))
        let markers = try Self.jpegMarkers(jpeg.encoded)
        #expect(markers.allSatisfy { $0 == 0xE0 || !(0xE1...0xEF).contains($0) && $0 != 0xFE }, "\(markers)")

        var options = TryOnOptions()
        options.format = .png
        let png = try renderer.compose(photo: photo, keypoints: Self.keypointsJSON(), items: ["tee"], options: options)
        #expect(!Self.contains(png.encoded, marker))
        let chunks = Self.pngChunks(png.encoded)
        #expect(chunks.allSatisfy { ["IHDR", "IDAT", "IEND"].contains($0) }, "\(chunks)")
    }

    /// `jpeg` with an APP1 Exif segment after SOI: IFD0 with a GPSInfo pointer, and a GPS IFD
    /// with latitude/longitude rationals whose numerators are `marker`.
    static func withGPSExif(_ jpeg: [UInt8], marker: [UInt8]) -> [UInt8] {
        func u16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
        func u32(_ v: Int) -> [UInt8] {
            [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)]
        }
        func entry(_ tag: Int, _ type: Int, _ count: Int, _ value: [UInt8]) -> [UInt8] {
            u16(tag) + u16(type) + u32(count) + value + [UInt8](repeating: 0, count: 4 - value.count)
        }
        // TIFF: header (8), IFD0 at 8 (2 entries: 2 + 24 + 4 = 30), GPS IFD at 38 (4 entries: 54),
        // rationals at 92 (latitude) and 116 (longitude).
        var tiff = Array("II".utf8) + u16(42) + u32(8)
        tiff += u16(2) + entry(0x0112, 3, 1, u16(1)) + entry(0x8825, 4, 1, u32(38)) + u32(0)
        tiff += u16(4) + entry(0x0001, 2, 2, Array("N".utf8) + [0]) + entry(0x0002, 5, 3, u32(92))
        tiff += entry(0x0003, 2, 2, Array("E".utf8) + [0]) + entry(0x0004, 5, 3, u32(116)) + u32(0)
        for _ in 0..<6 { tiff += marker + u32(1) }
        let payload = Array("Exif".utf8) + [0, 0] + tiff
        let length = payload.count + 2
        return [0xFF, 0xD8, 0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + payload + jpeg.dropFirst(2)
    }

    static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { i in bytes[i..<(i + needle.count)].elementsEqual(needle) }
    }

    /// The marker bytes of a JPEG's segments up to the start of scan.
    static func jpegMarkers(_ jpeg: [UInt8]) throws -> [UInt8] {
        var markers: [UInt8] = []
        var i = 2
        while i + 4 <= jpeg.count {
            try #require(jpeg[i] == 0xFF)
            let m = jpeg[i + 1]
            markers.append(m)
            if m == 0xDA { break }
            i += 2 + (Int(jpeg[i + 2]) << 8 | Int(jpeg[i + 3]))
        }
        return markers
    }

    static func pngChunks(_ png: [UInt8]) -> [String] {
        var chunks: [String] = []
        var i = 8
        while i + 8 <= png.count {
            let length = Int(png[i]) << 24 | Int(png[i + 1]) << 16 | Int(png[i + 2]) << 8 | Int(png[i + 3])
            chunks.append(String(decoding: png[(i + 4)..<(i + 8)], as: UTF8.self))
            i += 12 + length
        }
        return chunks
    }

    static func bigEndian(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            c ^= UInt32(b)
            for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        }
        return c ^ 0xFFFF_FFFF
    }
}
