import Foundation
import Testing
import VitrineTestSupport

@testable import Render

@Suite struct ImageCodecTests {
    /// Every file of the four bad-input folders gives an image or a typed `ImageError`: never a
    /// crash, a hang or another error type. The edge folders must all decode.
    @Test(arguments: ["png-edge", "jpeg-edge", "png-corrupt", "jpeg-corrupt"])
    func badInputFolder(folder: String) throws {
        let files = try TestImages.badInputFiles(folder)
        #expect(!files.isEmpty)
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: file))
            let outcome = ImageErrorKind.of { _ = try ImageCodec.decodeRGBA8(bytes) }
            #expect(outcome != .otherError, "\(folder)/\(file.lastPathComponent)")
            if folder.hasSuffix("edge") { #expect(outcome == .decodes, "\(folder)/\(file.lastPathComponent)") }
            // probe never decodes pixels but agrees with decode on the size.
            if outcome == .decodes, let info = try? ImageCodec.probe(bytes) {
                let image = try ImageCodec.decodeRGBA8(bytes)
                #expect(info.width == image.width && info.height == image.height)
            }
        }
    }

    /// Format sniffing from the first bytes.
    @Test func sniffing() throws {
        #expect(ImageCodec.sniff(try PNGCodec.encode(TestImages.gradient(width: 2, height: 2))) == .png)
        #expect(ImageCodec.sniff(try JPEGCodec.encode(TestImages.gradient(width: 2, height: 2))) == .jpeg)
        #expect(ImageCodec.sniff(Array("#?RADIANCE\n".utf8)) == .hdr)
        #expect(ImageCodec.sniff([]) == nil)
        #expect(ImageCodec.sniff(Array("GIF89a".utf8)) == nil)
        #expect(throws: ImageError.unrecognizedFormat) { try ImageCodec.decodeRGBA8(Array("GIF89a....".utf8)) }
        #expect(throws: ImageError.unrecognizedFormat) { try ImageCodec.probe([0x42, 0x4D]) }
        // HDR is float data: not an RGBA8 format.
        #expect(throws: ImageError.unrecognizedFormat) { try ImageCodec.decodeRGBA8(Array("#?RADIANCE\n".utf8)) }
    }

    /// The dispatcher decodes both formats, and probe reads each header.
    @Test func dispatchAndProbe() throws {
        let image = TestImages.gradient(width: 30, height: 20)
        let png = try PNGCodec.encode(image)
        #expect(try ImageCodec.decodeRGBA8(png) == image)
        #expect(try ImageCodec.probe(png) == ImageInfo(format: .png, width: 30, height: 20, channels: 4, bitDepth: 8))
        let jpeg = try JPEGCodec.encode(image)
        #expect(try ImageCodec.decodeRGBA8(jpeg).width == 30)
        #expect(try ImageCodec.probe(jpeg) == ImageInfo(format: .jpeg, width: 30, height: 20, channels: 3, bitDepth: 8))
        let hdr = try ImageCodec.probe(TestImages.sharedBytes("environments/studio_small_03_1k.hdr"))
        #expect(hdr == ImageInfo(format: .hdr, width: 1024, height: 512, channels: 3, bitDepth: 8))
    }

    /// Error messages carry what a user needs.
    @Test func errorDescriptions() {
        let limit = DecodeLimits()
        #expect(
            ImageError.tooLarge(width: 65535, height: 65535, limit: limit).description
                == "image is 65535x65535 (4294836225 pixels), over the limit of 67108864 pixels and 32768x32768")
        #expect(ImageError.truncated(codec: .jpeg).description.hasPrefix("JPEG data is truncated"))
        #expect(
            ImageError.decodeFailed(codec: .png, message: "IDAT: CRC error").description
                == "PNG decode failed: IDAT: CRC error")
    }
}
