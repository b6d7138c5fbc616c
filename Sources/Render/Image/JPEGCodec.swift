import CJPEG

/// JPEG decoding and encoding through libjpeg-turbo.
///
/// Decoding accepts baseline and progressive files, grey, YCbCr, RGB, and CMYK/YCCK (converted
/// to RGB; Adobe files store inverted inks), applies the EXIF orientation (tags 1-8), and
/// outputs RGBA8 with alpha 255. Recoverable corrupt-data warnings (extraneous bytes, bad
/// restart markers) still decode, as libjpeg intends; a file that ends early is
/// ``ImageError/truncated(codec:)`` instead of a half-grey picture.
///
/// ```swift
/// let photo = try JPEGCodec.decodeRGBA8(bytes, limits: DecodeLimits(maxPixels: 24 << 20))
/// let jpeg = try JPEGCodec.encode(frame, quality: 85)   // alpha dropped
/// ```
public enum JPEGCodec {
    /// Most scans a progressive file may have (libjpeg-turbo's own tools use 500); more is a
    /// denial-of-service pattern, not a picture.
    public static let maxScans = 1000

    /// Decodes a JPEG into 8-bit RGBA (alpha 255), EXIF orientation applied.
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - limits: checked against the frame header (walked in Swift) before libjpeg
    ///     allocates anything for pixels.
    /// - Throws: ``ImageError``.
    public static func decodeRGBA8(_ bytes: [UInt8], limits: DecodeLimits = .init()) throws -> RGBA8Image {
        let header = try JPEGHeader.parse(bytes)
        try limits.check(width: header.storedWidth, height: header.storedHeight, codec: .jpeg)
        let width = header.storedWidth
        let height = header.storedHeight
        // libjpeg's large buffers (a progressive file's coefficients: up to 2 bytes per sample)
        // stay within a bound derived from the pixel limit.
        let maxMemory = limits.maxPixels.multipliedReportingOverflow(by: 8)
        let memoryBound = maxMemory.overflow ? Int.max : maxMemory.partialValue + (64 << 20)
        let stored = try bytes.withUnsafeBufferPointer { source in
            var decoder: OpaquePointer?
            var info = cjpeg_header()
            try check(
                CShim.call {
                    cjpeg_decoder_open(
                        source.baseAddress, source.count, memoryBound, Int32(maxScans), &decoder, &info, $0, $1)
                })
            guard let decoder else { throw ImageError.decodeFailed(codec: .jpeg, message: "libjpeg did not open") }
            defer { cjpeg_decoder_close(decoder) }
            guard Int(info.width) == width, Int(info.height) == height else {
                throw ImageError.decodeFailed(codec: .jpeg, message: "libjpeg read a different frame size")
            }
            let count = width * height * 4
            let pixels = try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                var warnings: Int32 = 0
                try check(
                    CShim.call { cjpeg_decoder_read_rgba8(decoder, buffer.baseAddress, count, &warnings, $0, $1) })
                initialized = count
            }
            return RGBA8Image(width: width, height: height, pixels: pixels)
        }
        return stored.oriented(exif: header.orientation)
    }

    /// Turns a shim result into an ``ImageError``.
    static func check(_ result: (code: Int32, message: String)) throws {
        switch result.code {
        case 0: return
        case Int32(CJPEG_ERR_TRUNCATED): throw ImageError.truncated(codec: .jpeg)
        case Int32(CJPEG_ERR_ENCODE): throw ImageError.encodeFailed(codec: .jpeg, message: result.message)
        default: throw ImageError.decodeFailed(codec: .jpeg, message: result.message)
        }
    }
}
