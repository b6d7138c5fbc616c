import Foundation
import Testing
import VitrineTestSupport

@testable import Render

@Suite struct JPEGCodecTests {
    /// Every jpeg-edge file decodes like Pillow (an independent libjpeg-turbo build): the same
    /// size and pixels within a small tolerance (IDCT and upsampling may round differently
    /// across versions; CMYK goes through a different conversion formula).
    @Test func edgeFilesMatchPillow() throws {
        let files = try TestImages.badInputFiles("jpeg-edge")
        #expect(files.count == 11)
        let pillow = try PillowDecoder.decode(files)
        for file in files {
            let image = try JPEGCodec.decodeRGBA8([UInt8](Data(contentsOf: file)))
            let reference = try #require(pillow[file.path])
            let expected = RGBA8Image(width: reference.width, height: reference.height, pixels: reference.rgbaBytes)
            #expect(image.width == expected.width && image.height == expected.height, "\(file.lastPathComponent)")
            let tolerance = reference.mode == "CMYK" ? 3 : 2
            let delta = TestImages.maxChannelDelta(image, expected)
            #expect(delta <= tolerance, "\(file.lastPathComponent) (\(reference.mode)): max channel delta \(delta)")
        }
    }

    /// The files the kinds of JPEG come from: progressive, grey, CMYK (Adobe, inverted).
    @Test(arguments: [
        ("jpg-progressive.jpg", true, 3), ("jpg-gray.jpg", false, 1), ("jpg-cmyk-1.jpg", false, 4),
        ("grayscale_16x24_sampling2x2.jpg", false, 1), ("restarts.jpg", false, 3),
    ])
    func kindsOfJPEG(name: String, progressive: Bool, components: Int) throws {
        let bytes = try TestImages.sharedBytes("badinput/images/jpeg-edge/\(name)")
        let header = try JPEGHeader.parse(bytes)
        #expect(header.progressive == progressive && header.components == components)
        let image = try JPEGCodec.decodeRGBA8(bytes)
        #expect(image.width == header.storedWidth && image.height == header.storedHeight)
        #expect(stride(from: 3, to: image.pixels.count, by: 4).allSatisfy { image.pixels[$0] == 255 })
        if components == 1 {
            let grey = stride(from: 0, to: image.pixels.count, by: 4).allSatisfy { (i: Int) -> Bool in
                let red: UInt8 = image.pixels[i]
                return red == image.pixels[i + 1] && red == image.pixels[i + 2]
            }
            #expect(grey)
        }
    }

    /// Each malformed file gives an image (where libjpeg recovers, as the README allows) or
    /// its exact error; none crashes or hangs.
    @Test(arguments: [
        ("dc-predictor-overflow.jpg", ImageErrorKind.decodes), ("derive-huffman-codes-overflow.jpg", .decodeFailed),
        ("empty.jpg", .unrecognized), ("extraneous-data.jpg", .decodes), ("invalid-dimensions.jpg", .decodeFailed),
        ("invalid-prediction-shift.jpg", .decodeFailed), ("max_size.jpg", .tooLarge),
        ("missing-frame-image-1410.jpg", .decodeFailed), ("missing-sof.jpg", .truncated),
        ("missing-sos.jpg", .decodeFailed), ("multiple-0xff-before-eoi.jpg", .decodes),
        ("null_height.jpg", .decodeFailed), ("progressive-missing-ac.jpg", .decodes),
        ("progressive-missing-dc.jpg", .decodes), ("subtract-with-overflow.jpg", .decodes),
    ])
    func corruptFilesGiveTheirOutcome(name: String, expected: ImageErrorKind) throws {
        let bytes = try TestImages.sharedBytes("badinput/images/jpeg-corrupt/\(name)")
        #expect(ImageErrorKind.of { _ = try JPEGCodec.decodeRGBA8(bytes) } == expected)
    }

    /// max_size.jpg declares 65535x65535: refused from the Swift header walk, before libjpeg
    /// is even opened, with the size in the error.
    @Test func maxSizeIsRefusedByThePixelLimit() throws {
        let bytes = try TestImages.sharedBytes("badinput/images/jpeg-corrupt/max_size.jpg")
        #expect(throws: ImageError.tooLarge(width: 65535, height: 65535, limit: DecodeLimits())) {
            try JPEGCodec.decodeRGBA8(bytes)
        }
        let info = try ImageCodec.probe(bytes)
        #expect(info.width == 65535 && info.height == 65535)
    }

    /// A baseline JPEG cut in its entropy-coded data is `.truncated` (libjpeg would pad it with
    /// grey and only warn).
    @Test(arguments: [0.3, 0.6, 0.95])
    func truncatedBaselineIsTruncated(fraction: Double) throws {
        let jpeg = try JPEGCodec.encode(TestImages.noise(width: 96, height: 64, seed: 11), quality: 90)
        let cut = Array(jpeg.prefix(Int(Double(jpeg.count) * fraction)))
        #expect(throws: ImageError.truncated(codec: .jpeg)) { try JPEGCodec.decodeRGBA8(cut) }
    }

    /// A progressive JPEG cut in its scans is `.truncated` too; cut inside its header as well.
    @Test func truncatedProgressiveIsTruncated() throws {
        let jpeg = try TestImages.sharedBytes("badinput/images/jpeg-edge/jpg-progressive.jpg")
        #expect(throws: ImageError.truncated(codec: .jpeg)) {
            try JPEGCodec.decodeRGBA8(Array(jpeg.prefix(jpeg.count * 2 / 3)))
        }
        #expect(throws: ImageError.truncated(codec: .jpeg)) { try JPEGCodec.decodeRGBA8(Array(jpeg.prefix(30))) }
    }

    /// Garbage and damage never crash: every prefix length of a small file and random byte
    /// flips give an image or a typed error.
    @Test func damagedBytesNeverCrash() throws {
        let jpeg = try JPEGCodec.encode(TestImages.gradient(width: 24, height: 16), quality: 80)
        for length in 0..<jpeg.count {
            _ = ImageErrorKind.of { _ = try JPEGCodec.decodeRGBA8(Array(jpeg.prefix(length))) }
        }
        var random = TestImages.Random(seed: 99)
        var outcomes = Set<String>()
        for _ in 0..<300 {
            var damaged = jpeg
            for _ in 0..<3 { damaged[random.int(2...(jpeg.count - 1))] = random.byte() }
            outcomes.insert("\(ImageErrorKind.of { _ = try JPEGCodec.decodeRGBA8(damaged) })")
        }
        #expect(!outcomes.contains("another error"))
    }
}
