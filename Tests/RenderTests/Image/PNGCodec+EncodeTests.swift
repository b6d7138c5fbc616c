import Foundation
import Testing
import VitrineTestSupport

@testable import Render

@Suite struct PNGCodecEncodeTests {
    /// Every encoder setting the API offers, plus each filter on each engine.
    static let settings: [PNGCompression] =
        [.fast, .level(0), .level(1), .level(6), .level(12), .libpng(level: 0), .libpng(level: 1), .libpng(level: 9)]
        + PNGFilter.allCases.flatMap { filter in
            [
                PNGCompression.tuned(engine: .libdeflate, level: 4, filter: filter),
                .tuned(engine: .libpng, level: 3, filter: filter),
            ]
        }

    /// Images with different statistics and awkward sizes (1x1, odd widths, a real frame).
    static func images() throws -> [(String, RGBA8Image)] {
        [
            ("noise 37x19", TestImages.noise(width: 37, height: 19, seed: 1)),
            ("gradient 64x48", TestImages.gradient(width: 64, height: 48)),
            ("1x1", TestImages.noise(width: 1, height: 1, seed: 2)),
            ("1x9", TestImages.noise(width: 1, height: 9, seed: 3)),
            ("9x1", TestImages.noise(width: 9, height: 1, seed: 4)),
            ("frame", try TestImages.renderedFrame("DamagedHelmet")),
        ]
    }

    /// Every encoder's output decodes through libpng to exactly the input pixels.
    @Test(arguments: settings)
    func roundTrip(compression: PNGCompression) throws {
        for (name, image) in try Self.images() {
            let png = try PNGCodec.encode(image, compression: compression)
            let decoded = try PNGCodec.decodeRGBA8(png)
            #expect(decoded == image, "\(name) with \(compression)")
        }
    }

    /// The output holds IHDR, IDAT and IEND only (no metadata chunk), with valid CRCs checked
    /// by an independent CRC implementation, and an 8-bit RGBA header.
    @Test(arguments: [PNGCompression.fast, .level(9), .libpng(level: 6)])
    func outputHasNoMetadata(compression: PNGCompression) throws {
        let png = try PNGCodec.encode(TestImages.gradient(width: 20, height: 10), compression: compression)
        let chunks = PNGChunks.split(png)
        #expect(chunks.first?.type == "IHDR" && chunks.last?.type == "IEND")
        #expect(Set(chunks.map(\.type)) == ["IHDR", "IDAT", "IEND"])
        #expect(PNGChunks.join(chunks) == png, "chunk CRCs differ from an independent CRC-32")
        let ihdr = try #require(chunks.first).data
        #expect(Array(ihdr[8..<13]) == [8, 6, 0, 0, 0])
    }

    /// Decoded input metadata (tEXt in ct1n0g04) never reaches an encoded output.
    @Test func inputTextDoesNotLeak() throws {
        let source = try TestImages.sharedBytes("badinput/images/png-edge/ct1n0g04.png")
        #expect(PNGChunks.split(source).contains { $0.type == "tEXt" })
        let png = try PNGCodec.encode(PNGCodec.decodeRGBA8(source))
        #expect(Set(PNGChunks.split(png).map(\.type)) == ["IHDR", "IDAT", "IEND"])
    }

    /// Higher libdeflate levels are not larger on a real frame, and `.fast` stays within 10%
    /// of libpng at zlib level 1 (the size side of the speed goal in Benchmarks/encode).
    @Test func sizesAreSensible() throws {
        let frame = try TestImages.renderedFrame("SheenChair")
        let fast = try PNGCodec.encode(frame, compression: .fast).count
        let libpng1 = try PNGCodec.encode(frame, compression: .libpng(level: 1)).count
        let level12 = try PNGCodec.encode(frame, compression: .level(12)).count
        let stored = try PNGCodec.encode(frame, compression: .level(0)).count
        #expect(level12 < fast && fast < stored)
        #expect(Double(fast) <= Double(libpng1) * 1.10, "fast \(fast) bytes vs libpng level 1 \(libpng1) bytes")
    }

    /// Bad parameters are errors, not traps.
    @Test func invalidParameters() throws {
        let image = TestImages.gradient(width: 4, height: 4)
        #expect(ImageErrorKind.of { _ = try PNGCodec.encode(image, compression: .level(13)) } == .otherError)
        #expect(ImageErrorKind.of { _ = try PNGCodec.encode(image, compression: .libpng(level: 10)) } == .otherError)
        #expect(ImageErrorKind.of { _ = try PNGCodec.encode(image, compression: .level(-1)) } == .otherError)
        let empty = RGBA8Image(width: 0, height: 5)
        #expect(throws: ImageError.encodeFailed(codec: .png, message: "cannot encode an empty 0x5 image")) {
            try PNGCodec.encode(empty)
        }
    }

    /// The same image encodes to the same bytes every time (served frames are content-hashed).
    @Test func encodingIsDeterministic() throws {
        let frame = try TestImages.renderedFrame("ToyCar")
        #expect(try PNGCodec.encode(frame) == PNGCodec.encode(frame))
    }
}
