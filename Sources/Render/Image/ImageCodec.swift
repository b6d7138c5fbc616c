/// Entry points that pick the codec from the file's first bytes.
///
/// ```swift
/// let bytes = try [UInt8](Data(contentsOf: url))
/// let info = try ImageCodec.probe(bytes)            // header only
/// let texture = try ImageCodec.decodeRGBA8(bytes)   // PNG or JPEG, expanded to RGBA8
/// ```
public enum ImageCodec {
    /// The format the bytes start with, or nil.
    public static func sniff(_ bytes: [UInt8]) -> ImageFormat? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.starts(with: Array("#?".utf8)) { return .hdr }
        return nil
    }

    /// Decodes a PNG or JPEG file into 8-bit RGBA (grey, grey+alpha, palette and RGB are
    /// expanded; 16-bit samples rounded; a JPEG's EXIF orientation applied). No metadata of the
    /// file is kept.
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - limits: size limits, checked against the header before pixel memory is allocated.
    /// - Returns: the image, rows top to bottom, straight alpha.
    /// - Throws: ``ImageError`` (``ImageError/unrecognizedFormat`` for anything else,
    ///   including Radiance HDR, which decodes to floats with ``HDRCodec``).
    public static func decodeRGBA8(_ bytes: [UInt8], limits: DecodeLimits = .init()) throws -> RGBA8Image {
        switch sniff(bytes) {
        case .png: return try PNGCodec.decodeRGBA8(bytes, limits: limits)
        case .jpeg: return try JPEGCodec.decodeRGBA8(bytes, limits: limits)
        case .hdr, nil: throw ImageError.unrecognizedFormat
        }
    }

    /// Reads the header of a PNG, JPEG or Radiance HDR file: format, size, channels, bit depth
    /// (and a JPEG's EXIF orientation). No pixel is decoded and nothing large is allocated.
    /// - Throws: ``ImageError/unrecognizedFormat``, ``ImageError/truncated(codec:)`` when the
    ///   header is cut, ``ImageError/decodeFailed(codec:message:)`` when it is malformed.
    public static func probe(_ bytes: [UInt8]) throws -> ImageInfo {
        switch sniff(bytes) {
        case .png: return try PNGCodec.probe(bytes)
        case .jpeg: return try JPEGHeader.parse(bytes).info
        case .hdr: return try HDRHeader.parse(bytes).info
        case nil: throw ImageError.unrecognizedFormat
        }
    }
}
