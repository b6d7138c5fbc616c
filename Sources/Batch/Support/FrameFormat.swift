import Render

/// The picture formats batch output is written in.
public enum FrameFormat: String, Sendable, Codable, CaseIterable {
    case png, jpeg

    /// File extension without the dot.
    public var fileExtension: String { self == .png ? "png" : "jpg" }

    /// The MIME type, for manifests.
    public var mimeType: String { self == .png ? "image/png" : "image/jpeg" }

    /// Encodes a picture (PNG with the fast encoder, JPEG at `quality`).
    /// - Throws: `ImageError` from the codec.
    public func encode(_ image: RGBA8Image, quality: Int) throws -> [UInt8] {
        switch self {
        case .png: return try PNGCodec.encode(image)
        case .jpeg: return try JPEGCodec.encode(image, quality: quality)
        }
    }
}
