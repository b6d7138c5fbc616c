import Foundation
import Testing
import VitrineTestSupport

@testable import Render

@Suite struct EXIFOrientationTests {
    /// An APP1 EXIF payload with a Make tag, then the orientation tag, in either byte order.
    static func exifPayload(orientation: Int, bigEndian: Bool) -> [UInt8] {
        func u16(_ v: Int) -> [UInt8] {
            bigEndian ? [UInt8(v >> 8), UInt8(v & 0xFF)] : [UInt8(v & 0xFF), UInt8(v >> 8)]
        }
        func u32(_ v: Int) -> [UInt8] { bigEndian ? u16(v >> 16) + u16(v & 0xFFFF) : u16(v & 0xFFFF) + u16(v >> 16) }
        var tiff: [UInt8] = bigEndian ? [0x4D, 0x4D] : [0x49, 0x49]
        tiff += u16(42) + u32(8)
        tiff += u16(2)  // two IFD0 entries
        tiff += u16(0x010F) + u16(2) + u32(4) + Array("ACME".utf8)  // Make, ASCII, 4 bytes inline
        tiff += u16(0x0112) + u16(3) + u32(1) + u16(orientation) + u16(0)
        tiff += u32(0)  // no next IFD
        return Array("Exif".utf8) + [0, 0] + tiff
    }

    /// A JPEG with an APP1 segment inserted right after SOI.
    static func withAPP1(_ jpeg: [UInt8], payload: [UInt8]) -> [UInt8] {
        let length = payload.count + 2
        return [0xFF, 0xD8, 0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + payload + jpeg.dropFirst(2)
    }

    /// Corner colours for each orientation, derived from what the tag means (EXIF 2.32, table
    /// of Orientation values), not from the decoder's index formulas. The stored image is
    /// red | green over blue | white (64x32).
    static let expectedCorners: [Int: (topLeft: String, topRight: String, bottomLeft: String, bottomRight: String)] = [
        1: ("red", "green", "blue", "white"),  // as stored
        2: ("green", "red", "white", "blue"),  // mirrored left-right
        3: ("white", "blue", "green", "red"),  // turned 180°
        4: ("blue", "white", "red", "green"),  // mirrored top-bottom
        5: ("red", "blue", "green", "white"),  // transposed (mirror about the main diagonal)
        6: ("blue", "red", "white", "green"),  // turned 90° clockwise
        7: ("white", "green", "blue", "red"),  // transversed (mirror about the anti-diagonal)
        8: ("green", "white", "red", "blue"),  // turned 90° anticlockwise
    ]

    static func colourName(_ pixel: SIMD4<UInt8>) -> String {
        let named: [(String, SIMD3<Int>)] = [
            ("red", [255, 0, 0]), ("green", [0, 255, 0]), ("blue", [0, 0, 255]), ("white", [255, 255, 255]),
        ]
        let p = SIMD3<Int>(Int(pixel.x), Int(pixel.y), Int(pixel.z))
        return named.first { (($0.1 &- p) &* ($0.1 &- p)).wrappedSum() < 40 * 40 }?.0 ?? "other \(pixel)"
    }

    /// Each orientation tag, in both byte orders, turns the decoded picture upright.
    @Test(arguments: 1...8)
    func decodeAppliesOrientation(orientation: Int) throws {
        let stored = TestImages.quadrants(width: 64, height: 32)
        let jpeg = try JPEGCodec.encode(stored, quality: 95)
        let expected = try #require(Self.expectedCorners[orientation])
        for bigEndian in [false, true] {
            let file = Self.withAPP1(jpeg, payload: Self.exifPayload(orientation: orientation, bigEndian: bigEndian))
            let image = try JPEGCodec.decodeRGBA8(file)
            let swaps = orientation >= 5
            #expect(image.width == (swaps ? 32 : 64) && image.height == (swaps ? 64 : 32))
            let info = try ImageCodec.probe(file)
            #expect(info.orientation == orientation && info.width == image.width && info.height == image.height)
            let w = image.width - 1
            let h = image.height - 1
            #expect(Self.colourName(image[0, 0]) == expected.topLeft, "orientation \(orientation)")
            #expect(Self.colourName(image[w, 0]) == expected.topRight, "orientation \(orientation)")
            #expect(Self.colourName(image[0, h]) == expected.bottomLeft, "orientation \(orientation)")
            #expect(Self.colourName(image[w, h]) == expected.bottomRight, "orientation \(orientation)")
        }
    }

    /// Damaged EXIF blocks never crash: random bytes flipped in the payload, cut payloads, and
    /// out-of-range values give some orientation 1-8 or none.
    @Test func damagedEXIFIsIgnored() throws {
        let payload = Self.exifPayload(orientation: 6, bigEndian: true)
        #expect(EXIFOrientation.parse(app1: payload[...]) == 6)
        #expect(EXIFOrientation.parse(app1: Self.exifPayload(orientation: 9, bigEndian: false)[...]) == nil)
        #expect(EXIFOrientation.parse(app1: Self.exifPayload(orientation: 0, bigEndian: false)[...]) == nil)
        for length in 0..<payload.count {
            let value = EXIFOrientation.parse(app1: payload.prefix(length))
            #expect(value == nil || (1...8).contains(value!))
        }
        var random = TestImages.Random(seed: 5)
        for _ in 0..<2000 {
            var damaged = payload
            for _ in 0..<2 { damaged[random.int(6...(payload.count - 1))] = random.byte() }
            let value = EXIFOrientation.parse(app1: damaged[...])
            #expect(value == nil || (1...8).contains(value!))
        }
    }

    /// A JPEG whose EXIF block is damaged still decodes, as stored.
    @Test func damagedEXIFStillDecodes() throws {
        let jpeg = try JPEGCodec.encode(TestImages.quadrants(width: 64, height: 32), quality: 95)
        var payload = Self.exifPayload(orientation: 6, bigEndian: false)
        payload[10] = 0xFF  // IFD0 offset far past the end
        let image = try JPEGCodec.decodeRGBA8(Self.withAPP1(jpeg, payload: payload))
        #expect(image.width == 64 && Self.colourName(image[0, 0]) == "red")
    }
}
