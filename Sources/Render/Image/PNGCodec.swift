import CPNG

/// PNG decoding (through libpng) and encoding (libdeflate or libpng).
///
/// Every colour type and bit depth decodes: 1/2/4/8/16-bit grey, grey+alpha, palette (with
/// tRNS), RGB, RGBA, Adam7-interlaced or not. A CRC error in any chunk is an error. Ancillary
/// chunks other than tRNS (text, ICC, EXIF, gamma) are skipped unread: no metadata comes out.
///
/// ```swift
/// let image = try PNGCodec.decodeRGBA8(bytes)
/// let png = try PNGCodec.encode(image)                  // .fast: libdeflate, served frames
/// let small = try PNGCodec.encode(image, compression: .level(9))
/// ```
public enum PNGCodec {
    // MARK: - Header

    /// Reads the signature and IHDR (its CRC checked); no pixel is decoded.
    /// - Throws: ``ImageError/unrecognizedFormat`` without the PNG signature,
    ///   ``ImageError/truncated(codec:)`` when the header is cut,
    ///   ``ImageError/decodeFailed(codec:message:)`` for a malformed IHDR.
    public static func probe(_ bytes: [UInt8]) throws -> ImageInfo {
        guard ImageCodec.sniff(bytes) == .png else { throw ImageError.unrecognizedFormat }
        guard bytes.count >= 33 else { throw ImageError.truncated(codec: .png) }
        let length = readUInt32BE(bytes, 8)
        guard length == 13, bytes[12..<16].elementsEqual("IHDR".utf8) else {
            throw ImageError.decodeFailed(codec: .png, message: "the first chunk is not a 13-byte IHDR")
        }
        let crc = bytes.withUnsafeBufferPointer { cpng_crc32(0, $0.baseAddress! + 12, 17) }
        guard crc == readUInt32BE(bytes, 29) else {
            throw ImageError.decodeFailed(codec: .png, message: "IHDR CRC mismatch (damaged header)")
        }
        let width = Int(readUInt32BE(bytes, 16))
        let height = Int(readUInt32BE(bytes, 20))
        let bitDepth = Int(bytes[24])
        let colorType = Int(bytes[25])
        let channels: Int
        let depths: [Int]
        switch colorType {
        case 0: (channels, depths) = (1, [1, 2, 4, 8, 16])
        case 2: (channels, depths) = (3, [8, 16])
        case 3: (channels, depths) = (3, [1, 2, 4, 8])
        case 4: (channels, depths) = (2, [8, 16])
        case 6: (channels, depths) = (4, [8, 16])
        default:
            throw ImageError.decodeFailed(codec: .png, message: "invalid colour type \(colorType) in IHDR")
        }
        guard depths.contains(bitDepth) else {
            throw ImageError.decodeFailed(
                codec: .png, message: "invalid bit depth \(bitDepth) for colour type \(colorType) in IHDR")
        }
        guard bytes[26] == 0, bytes[27] == 0, bytes[28] <= 1 else {
            throw ImageError.decodeFailed(
                codec: .png, message: "unknown compression, filter or interlace method in IHDR")
        }
        guard width > 0, height > 0, width <= 0x7FFF_FFFF, height <= 0x7FFF_FFFF else {
            throw ImageError.decodeFailed(codec: .png, message: "invalid size \(width)x\(height) in IHDR")
        }
        return ImageInfo(format: .png, width: width, height: height, channels: channels, bitDepth: bitDepth)
    }

    // MARK: - Decode

    /// Decodes a PNG into 8-bit RGBA: grey and palette expanded, tRNS turned into alpha,
    /// 16-bit samples scaled with rounding (`v * 255 / 65535`). Clean non-interlaced 8-bit
    /// files (most textures) are inflated by libdeflate, several times faster than libpng's
    /// zlib; every other file, and any file with an anomaly, goes through libpng.
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - limits: checked against IHDR before any pixel memory is allocated.
    /// - Throws: ``ImageError``.
    public static func decodeRGBA8(_ bytes: [UInt8], limits: DecodeLimits = .init()) throws -> RGBA8Image {
        try decodeRGBA8(bytes, limits: limits, fastPath: true)
    }

    /// Like ``decodeRGBA8(_:limits:)``; with `fastPath: false` every file goes through libpng
    /// (for comparisons and benchmarks: both paths give the same pixels).
    public static func decodeRGBA8(_ bytes: [UInt8], limits: DecodeLimits, fastPath: Bool) throws -> RGBA8Image {
        let info = try probe(bytes)
        try limits.check(width: info.width, height: info.height, codec: .png)
        let count = info.width * info.height * 4
        if fastPath, let image = decodeFast(bytes, info: info) { return image }
        let pixels = try withDecoder(bytes, info) { decoder in
            try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                let result = CShim.call { cpng_decoder_read_rgba8(decoder, buffer.baseAddress, count, $0, $1) }
                try check(result)
                initialized = count
            }
        }
        return RGBA8Image(width: info.width, height: info.height, pixels: pixels)
    }

    /// Decodes a PNG into 16-bit RGBA in host byte order (8-bit and lower depths scaled up
    /// exactly, e.g. 8-bit `v` becomes `v * 257`).
    /// - Throws: ``ImageError``.
    public static func decodeRGBA16(_ bytes: [UInt8], limits: DecodeLimits = .init()) throws -> RGBA16Image {
        let info = try probe(bytes)
        try limits.check(width: info.width, height: info.height, codec: .png)
        let count = info.width * info.height * 4
        let pixels = try withDecoder(bytes, info) { decoder in
            try [UInt16](unsafeUninitializedCapacity: count) { buffer, initialized in
                let result = CShim.call { cpng_decoder_read_rgba16(decoder, buffer.baseAddress, count, $0, $1) }
                try check(result)
                initialized = count
            }
        }
        return RGBA16Image(width: info.width, height: info.height, pixels: pixels)
    }

    /// The libdeflate decoder (C, `cpng_decode_fast_rgba8`) for clean, non-interlaced 8-bit
    /// files; nil when it does not take the file (then libpng decides, with its own errors).
    static func decodeFast(_ bytes: [UInt8], info: ImageInfo) -> RGBA8Image? {
        guard info.bitDepth == 8, bytes.count > 28, bytes[28] == 0 else { return nil }
        let count = info.width * info.height * 4
        // Room for the filter bytes too, so that RGBA inflates and unfilters in place.
        let capacity = count + info.height
        let pixels = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            let code = bytes.withUnsafeBufferPointer { source in
                CShim.call {
                    cpng_decode_fast_rgba8(source.baseAddress, source.count, buffer.baseAddress, capacity, $0, $1)
                }
                .code
            }
            initialized = code == 0 ? count : 0
        }
        return pixels.count == count ? RGBA8Image(width: info.width, height: info.height, pixels: pixels) : nil
    }

    /// Opens libpng over the bytes, checks that it agrees with the header already validated,
    /// runs `body` and closes the decoder.
    private static func withDecoder<T>(_ bytes: [UInt8], _ info: ImageInfo, _ body: (OpaquePointer) throws -> T)
        throws -> T
    {
        try bytes.withUnsafeBufferPointer { source in
            var decoder: OpaquePointer?
            var header = cpng_header()
            let result = CShim.call { cpng_decoder_open(source.baseAddress, source.count, &decoder, &header, $0, $1) }
            try check(result)
            guard let decoder else { throw ImageError.decodeFailed(codec: .png, message: "libpng did not open") }
            defer { cpng_decoder_close(decoder) }
            guard Int(header.width) == info.width, Int(header.height) == info.height else {
                throw ImageError.decodeFailed(codec: .png, message: "libpng read a different header")
            }
            return try body(decoder)
        }
    }

    /// Turns a shim result into an ``ImageError``.
    static func check(_ result: (code: Int32, message: String)) throws {
        switch result.code {
        case 0: return
        case Int32(CPNG_ERR_SIGNATURE): throw ImageError.unrecognizedFormat
        case Int32(CPNG_ERR_TRUNCATED): throw ImageError.truncated(codec: .png)
        case Int32(CPNG_ERR_ENCODE): throw ImageError.encodeFailed(codec: .png, message: result.message)
        default: throw ImageError.decodeFailed(codec: .png, message: result.message)
        }
    }
}

/// A big-endian 32-bit value at `offset` (the caller checked the bounds).
@inline(__always)
func readUInt32BE(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
    UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8
        | UInt32(bytes[offset + 3])
}
