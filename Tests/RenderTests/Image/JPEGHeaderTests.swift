import Testing

@testable import Render

@Suite struct JPEGHeaderTests {
    /// The header walk reads the frame of files made by the encoder, whatever precedes it.
    @Test func readsFrameAfterOtherSegments() throws {
        let jpeg = try JPEGCodec.encode(TestImages.gradient(width: 300, height: 7))
        let header = try JPEGHeader.parse(jpeg)
        #expect(header.storedWidth == 300 && header.storedHeight == 7)
        #expect(header.components == 3 && header.precision == 8 && !header.progressive && header.orientation == 1)
        // A comment segment and stray bytes before a marker (libjpeg skips them too).
        let comment: [UInt8] = [0xFF, 0xFE, 0x00, 0x05, 0x61, 0x62, 0x63]
        let padded = [0xFF, 0xD8] + comment + [0x00, 0x11] + jpeg.dropFirst(2)
        #expect(try JPEGHeader.parse(padded) == header)
    }

    /// Cut headers are `.truncated`; wrong starts are `.unrecognizedFormat`; scans before the
    /// frame are errors.
    @Test func malformedHeaders() throws {
        let jpeg = try JPEGCodec.encode(TestImages.gradient(width: 8, height: 8))
        let sof = try #require(jpeg.indices.first { jpeg[$0] == 0xFF && jpeg[$0 + 1] == 0xC0 })
        for length in 2..<(sof + 9) {
            #expect(throws: ImageError.truncated(codec: .jpeg)) { try JPEGHeader.parse(Array(jpeg.prefix(length))) }
        }
        #expect(throws: ImageError.unrecognizedFormat) { try JPEGHeader.parse([0xFF]) }
        #expect(throws: ImageError.unrecognizedFormat) { try JPEGHeader.parse([0x89, 0x50, 0x4E, 0x47]) }
        #expect(ImageErrorKind.of { _ = try JPEGHeader.parse([0xFF, 0xD8, 0xFF, 0xDA, 0, 2]) } == .decodeFailed)
        #expect(ImageErrorKind.of { _ = try JPEGHeader.parse([0xFF, 0xD8, 0xFF, 0xE0, 0, 1]) } == .decodeFailed)
    }
}
