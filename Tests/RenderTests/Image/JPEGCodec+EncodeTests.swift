import Foundation
import Testing
import VitrineTestSupport

@testable import Render

@Suite struct JPEGCodecEncodeTests {
    /// Peak signal-to-noise ratio of the colour channels, in dB.
    static func psnr(_ a: RGBA8Image, _ b: RGBA8Image) -> Double {
        var sum = 0.0
        for i in 0..<a.pixels.count where i % 4 != 3 {
            let d = Double(a.pixels[i]) - Double(b.pixels[i])
            sum += d * d
        }
        let mse = sum / Double(a.width * a.height * 3)
        return mse == 0 ? .infinity : 10 * log10(255 * 255 / mse)
    }

    /// Round trips through libjpeg-turbo keep the picture (PSNR) and size; higher quality is
    /// closer and larger.
    @Test func roundTripQuality() throws {
        let frame = try TestImages.renderedFrame("DamagedHelmet")
        var opaque = frame
        for i in stride(from: 3, to: opaque.pixels.count, by: 4) { opaque.pixels[i] = 255 }
        var previous = (psnr: 0.0, size: 0)
        for quality in [50, 85, 95] {
            let jpeg = try JPEGCodec.encode(opaque, quality: quality)
            let decoded = try JPEGCodec.decodeRGBA8(jpeg)
            #expect(decoded.width == opaque.width && decoded.height == opaque.height)
            let psnr = Self.psnr(opaque, decoded)
            #expect(psnr > 30, "quality \(quality): PSNR \(psnr) dB")
            #expect(psnr > previous.psnr && jpeg.count > previous.size)
            previous = (psnr, jpeg.count)
        }
    }

    /// Odd sizes (not multiples of the 16-pixel MCU) and 1x1 encode and decode.
    @Test(arguments: [(1, 1), (17, 3), (3, 17), (33, 33)])
    func oddSizes(width: Int, height: Int) throws {
        let image = TestImages.gradient(width: width, height: height)
        let decoded = try JPEGCodec.decodeRGBA8(JPEGCodec.encode(image))
        #expect(decoded.width == width && decoded.height == height)
    }

    /// JPEG has no alpha: it is ignored, so the same colours with any alpha give the same file,
    /// and decode comes back opaque.
    @Test func alphaIsDropped() throws {
        let image = TestImages.gradient(width: 32, height: 32)
        var opaque = image
        for i in stride(from: 3, to: opaque.pixels.count, by: 4) { opaque.pixels[i] = 255 }
        let jpeg = try JPEGCodec.encode(image)
        #expect(jpeg == (try JPEGCodec.encode(opaque)))
        let decoded = try JPEGCodec.decodeRGBA8(jpeg)
        #expect(stride(from: 3, to: decoded.pixels.count, by: 4).allSatisfy { decoded.pixels[$0] == 255 })
    }

    /// Only SOI, JFIF APP0, tables, frame, scan and EOI: no EXIF, ICC, or comment.
    @Test func outputHasNoMetadata() throws {
        let jpeg = try JPEGCodec.encode(TestImages.gradient(width: 40, height: 24))
        var markers: [UInt8] = []
        var i = 2
        while i + 4 <= jpeg.count, jpeg[i] == 0xFF {
            let marker = jpeg[i + 1]
            markers.append(marker)
            if marker == 0xDA { break }
            i += 2 + (Int(jpeg[i + 2]) << 8 | Int(jpeg[i + 3]))
        }
        #expect(markers.first == 0xE0 && markers.last == 0xDA)
        #expect(markers.allSatisfy { $0 == 0xE0 || $0 == 0xDB || $0 == 0xC0 || $0 == 0xC4 || $0 == 0xDA })
        #expect(jpeg.suffix(2) == [0xFF, 0xD9])
    }

    /// Bad parameters are errors, not traps.
    @Test func invalidParameters() throws {
        let image = TestImages.gradient(width: 4, height: 4)
        #expect(throws: ImageError.encodeFailed(codec: .jpeg, message: "quality 0 is outside 1...100")) {
            try JPEGCodec.encode(image, quality: 0)
        }
        #expect(ImageErrorKind.of { _ = try JPEGCodec.encode(image, quality: 101) } == .otherError)
        #expect(ImageErrorKind.of { _ = try JPEGCodec.encode(RGBA8Image(width: 5, height: 0)) } == .otherError)
    }
}
