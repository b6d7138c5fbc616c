/// An image file format the codecs know.
public enum ImageFormat: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Portable Network Graphics.
    case png
    /// JPEG (JFIF/EXIF), baseline or progressive.
    case jpeg
    /// Radiance RGBE (`.hdr`).
    case hdr

    /// The format's usual name ("PNG", "JPEG", "Radiance HDR").
    public var description: String {
        switch self {
        case .png: return "PNG"
        case .jpeg: return "JPEG"
        case .hdr: return "Radiance HDR"
        }
    }
}

/// Errors of the image codecs. Every case says what was wrong with the input (or the
/// request) so that a user can fix it; none of them is a crash.
public enum ImageError: Error, Equatable, CustomStringConvertible {
    /// The bytes are not a PNG, JPEG (or, where accepted, Radiance HDR) file.
    case unrecognizedFormat
    /// The image is larger than the decoder's limits; refused before any pixel memory is
    /// allocated.
    case tooLarge(width: Int, height: Int, limit: DecodeLimits)
    /// The file is damaged or uses a feature the decoder does not support.
    case decodeFailed(codec: ImageFormat, message: String)
    /// The image could not be encoded (empty image, bad parameter, out of memory).
    case encodeFailed(codec: ImageFormat, message: String)
    /// The data ends before the image is complete.
    case truncated(codec: ImageFormat)

    /// A one-line explanation for logs and error responses.
    public var description: String {
        switch self {
        case .unrecognizedFormat:
            return "unrecognised image format: not a PNG, JPEG or Radiance HDR file"
        case .tooLarge(let width, let height, let limit):
            return "image is \(width)x\(height) (\(width * height) pixels), over the limit of "
                + "\(limit.maxPixels) pixels and \(limit.maxWidth)x\(limit.maxHeight)"
        case .decodeFailed(let codec, let message):
            return "\(codec) decode failed: \(message)"
        case .encodeFailed(let codec, let message):
            return "\(codec) encode failed: \(message)"
        case .truncated(let codec):
            return "\(codec) data is truncated: the file ends before the image is complete"
        }
    }
}
