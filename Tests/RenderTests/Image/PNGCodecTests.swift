import Foundation
import Testing
import VitrineTestSupport

@testable import Render

@Suite struct PNGCodecTests {
    // MARK: - Decoding the PngSuite edge cases

    /// Every png-edge file decodes to the same pixels as Pillow (an independent decoder):
    /// exactly for 1-8 bit files; within 1 for 16-bit files, because Pillow keeps the high
    /// byte where libpng here rounds (`v * 255 / 65535`).
    @Test func edgeFilesMatchPillow() throws {
        let files = try TestImages.badInputFiles("png-edge")
        #expect(files.count == 21)
        let pillow = try PillowDecoder.decode(files)
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: file))
            let image = try PNGCodec.decodeRGBA8(bytes)
            let reference = try #require(pillow[file.path])
            #expect(image.width == reference.width && image.height == reference.height, "\(file.lastPathComponent)")
            let sixteenBit = try PNGCodec.probe(bytes).bitDepth == 16
            if let grey16 = reference.grey16 {
                // Pillow's I;16 mode: compare the full 16-bit samples, then the rounding.
                let wide = try PNGCodec.decodeRGBA16(bytes)
                #expect(stride(from: 0, to: wide.pixels.count, by: 4).map { Int(wide.pixels[$0]) } == grey16)
                let rounded = grey16.map { UInt8(($0 * 255 + 32767) / 65535) }
                #expect(stride(from: 0, to: image.pixels.count, by: 4).map { image.pixels[$0] } == rounded)
                continue
            }
            let expected = RGBA8Image(width: reference.width, height: reference.height, pixels: reference.rgbaBytes)
            let delta = TestImages.maxChannelDelta(image, expected)
            #expect(delta <= (sixteenBit ? 1 : 0), "\(file.lastPathComponent): max channel delta \(delta)")
        }
    }

    /// PngSuite names encode each file's header (e.g. `basn3p01`: basic, not interlaced,
    /// palette, 1 bit); probe reads the same facts.
    @Test(arguments: [
        ("basn0g01.png", 1, 1, false), ("basn0g16.png", 1, 16, false), ("basn2c16.png", 3, 16, false),
        ("basn3p01.png", 3, 1, false), ("basn4a08.png", 2, 8, false), ("basn6a16.png", 4, 16, false),
        ("basi6a08.png", 4, 8, true), ("basi3p08.png", 3, 8, true), ("s09n3p02.png", 3, 2, false),
        ("s01i3p01.png", 3, 1, true),
    ])
    func probeReadsPngSuiteHeaders(name: String, channels: Int, bitDepth: Int, interlaced: Bool) throws {
        let info = try PNGCodec.probe(TestImages.sharedBytes("badinput/images/png-edge/\(name)"))
        #expect(info.format == .png)
        #expect(info.channels == channels && info.bitDepth == bitDepth)
        let side = name.hasPrefix("s09") ? 9 : name.hasPrefix("s01") ? 1 : 32
        #expect(info.width == side && info.height == side)
        // Interlacing is byte 28 of the file (IHDR interlace method).
        let bytes = try TestImages.sharedBytes("badinput/images/png-edge/\(name)")
        #expect((bytes[28] == 1) == interlaced)
    }

    /// 8-bit decode of a 16-bit file is the rounded 16-bit decode, sample for sample.
    @Test(arguments: ["basn2c16.png", "basn6a16.png", "basn0g16.png", "cs3n2c16.png", "oi9n2c16.png"])
    func sixteenBitRoundsConsistently(name: String) throws {
        let bytes = try TestImages.sharedBytes("badinput/images/png-edge/\(name)")
        let wide = try PNGCodec.decodeRGBA16(bytes)
        let narrow = try PNGCodec.decodeRGBA8(bytes)
        #expect(wide.width == narrow.width && wide.height == narrow.height)
        let rounded = wide.pixels.map { UInt8((Int($0) * 255 + 32767) / 65535) }
        #expect(rounded == narrow.pixels)
    }

    /// Lower bit depths scale exactly into 16 bits (8-bit v -> v * 257).
    @Test func eightBitWidensExactly() throws {
        let bytes = try TestImages.sharedBytes("badinput/images/png-edge/basn4a08.png")
        let wide = try PNGCodec.decodeRGBA16(bytes)
        let narrow = try PNGCodec.decodeRGBA8(bytes)
        #expect(wide.pixels == narrow.pixels.map { UInt16($0) * 257 })
    }

    // MARK: - Damaged files

    /// Each PngSuite "x" file gives its exact error.
    @Test(arguments: [
        ("xs1n0g01.png", ImageErrorKind.unrecognized), ("xs2n0g01.png", .unrecognized),
        ("xs4n0g01.png", .unrecognized), ("xs7n0g01.png", .unrecognized), ("xcrn0g04.png", .unrecognized),
        ("xlfn0g04.png", .unrecognized), ("xhdn0g08.png", .decodeFailed), ("xc1n0g08.png", .decodeFailed),
        ("xc9n2c08.png", .decodeFailed), ("xd0n2c08.png", .decodeFailed), ("xd3n2c08.png", .decodeFailed),
        ("xd9n2c08.png", .decodeFailed), ("xdtn0g01.png", .decodeFailed), ("xcsn0g01.png", .decodeFailed),
    ])
    func corruptFilesGiveTheirError(name: String, expected: ImageErrorKind) throws {
        let bytes = try TestImages.sharedBytes("badinput/images/png-corrupt/\(name)")
        #expect(ImageErrorKind.of { _ = try PNGCodec.decodeRGBA8(bytes) } == expected)
    }

    /// The IDAT CRC error of xcsn0g01 is reported as such (Pillow ignores it; we do not).
    @Test func idatCRCErrorIsNamed() throws {
        let bytes = try TestImages.sharedBytes("badinput/images/png-corrupt/xcsn0g01.png")
        #expect(throws: ImageError.decodeFailed(codec: .png, message: "IDAT: CRC error")) {
            try PNGCodec.decodeRGBA8(bytes)
        }
    }

    /// A CRC error in an ancillary chunk is an error too.
    @Test func ancillaryCRCErrorIsAnError() throws {
        var chunks = PNGChunks.split(try PNGCodec.encode(TestImages.gradient(width: 8, height: 8)))
        chunks.insert(PNGChunks.Chunk(type: "tEXt", data: Array("Comment\0hello".utf8), crcDelta: 1), at: 1)
        #expect(ImageErrorKind.of { _ = try PNGCodec.decodeRGBA8(PNGChunks.join(chunks)) } == .decodeFailed)
    }

    /// A header claiming 100000x100000 is refused by the pixel limit before allocation, with
    /// the size in the error.
    @Test func hugeHeaderIsRefusedBeforeAllocation() throws {
        let bytes = PNGChunks.join([
            PNGChunks.ihdr(width: 100_000, height: 100_000, bitDepth: 8, colorType: 6),
            PNGChunks.Chunk(type: "IEND", data: []),
        ])
        #expect(try PNGCodec.probe(bytes).width == 100_000)
        #expect(throws: ImageError.tooLarge(width: 100_000, height: 100_000, limit: DecodeLimits())) {
            try PNGCodec.decodeRGBA8(bytes)
        }
        #expect(throws: ImageError.tooLarge(width: 100_000, height: 100_000, limit: DecodeLimits())) {
            try PNGCodec.decodeRGBA16(bytes)
        }
    }

    /// Width and height limits apply on their own, and a custom pixel limit is honoured.
    @Test func customLimits() throws {
        let png = try PNGCodec.encode(TestImages.gradient(width: 64, height: 16))
        let narrow = DecodeLimits(maxPixels: 1 << 20, maxWidth: 32, maxHeight: 1000)
        #expect(throws: ImageError.tooLarge(width: 64, height: 16, limit: narrow)) {
            try PNGCodec.decodeRGBA8(png, limits: narrow)
        }
        let few = DecodeLimits(maxPixels: 1000)
        #expect(throws: ImageError.tooLarge(width: 64, height: 16, limit: few)) {
            try PNGCodec.decodeRGBA8(png, limits: few)
        }
        #expect(try PNGCodec.decodeRGBA8(png, limits: DecodeLimits(maxPixels: 1024)).width == 64)
    }

    /// A PNG cut anywhere after its header is `.truncated`; one cut inside the header too.
    @Test(arguments: [0.25, 0.5, 0.9, 0.999])
    func truncatedFileIsTruncated(fraction: Double) throws {
        let png = try PNGCodec.encode(TestImages.noise(width: 64, height: 64, seed: 7), compression: .level(6))
        let cut = Array(png.prefix(Int(Double(png.count) * fraction)))
        #expect(throws: ImageError.truncated(codec: .png)) { try PNGCodec.decodeRGBA8(cut) }
        #expect(throws: ImageError.truncated(codec: .png)) { try PNGCodec.decodeRGBA8(Array(png.prefix(20))) }
    }

    /// glTF-Validator's truncated PNG (png_eos.png) is reported as truncated.
    @Test func validatorTruncatedPNG() throws {
        let bytes = try TestImages.sharedBytes("badinput/gltf/image/png_eos.png")
        #expect(throws: ImageError.truncated(codec: .png)) { try PNGCodec.decodeRGBA8(bytes) }
    }
}

/// The kind of an ``ImageError`` (or success), for tables of expected outcomes.
enum ImageErrorKind: Equatable, Sendable, CustomStringConvertible {
    case decodes, unrecognized, tooLarge, decodeFailed, truncated, otherError

    /// The outcome of running `body`.
    static func of(_ body: () throws -> Void) -> ImageErrorKind {
        do {
            try body()
            return .decodes
        } catch let error as ImageError {
            switch error {
            case .unrecognizedFormat: return .unrecognized
            case .tooLarge: return .tooLarge
            case .decodeFailed: return .decodeFailed
            case .truncated: return .truncated
            case .encodeFailed: return .otherError
            }
        } catch {
            return .otherError
        }
    }

    var description: String {
        switch self {
        case .decodes: return "decodes"
        case .unrecognized: return "unrecognizedFormat"
        case .tooLarge: return "tooLarge"
        case .decodeFailed: return "decodeFailed"
        case .truncated: return "truncated"
        case .otherError: return "another error"
        }
    }
}

/// Builds and splits PNG files chunk by chunk, for hand-made test files.
enum PNGChunks {
    /// One chunk; `crcDelta` damages its CRC on purpose.
    struct Chunk {
        var type: String
        var data: [UInt8]
        var crcDelta: UInt32 = 0
    }

    /// An IHDR chunk.
    static func ihdr(width: UInt32, height: UInt32, bitDepth: UInt8, colorType: UInt8) -> Chunk {
        Chunk(type: "IHDR", data: bigEndian(width) + bigEndian(height) + [bitDepth, colorType, 0, 0, 0])
    }

    /// Signature + chunks with their lengths and CRCs.
    static func join(_ chunks: [Chunk]) -> [UInt8] {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        for chunk in chunks {
            let body = Array(chunk.type.utf8) + chunk.data
            bytes += bigEndian(UInt32(chunk.data.count)) + body + bigEndian(crc32(body) &+ chunk.crcDelta)
        }
        return bytes
    }

    /// The chunks of a well-formed PNG (no validation: test input only).
    static func split(_ png: [UInt8]) -> [Chunk] {
        var chunks: [Chunk] = []
        var i = 8
        while i + 12 <= png.count {
            let length = Int(readUInt32BE(png, i))
            let type = String(decoding: png[(i + 4)..<(i + 8)], as: UTF8.self)
            chunks.append(Chunk(type: type, data: Array(png[(i + 8)..<(i + 8 + length)])))
            i += 12 + length
        }
        return chunks
    }

    /// CRC-32 as in PNG (ISO 3309), bit by bit: an implementation independent of libdeflate.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
