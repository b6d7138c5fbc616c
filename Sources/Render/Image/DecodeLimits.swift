/// Size limits a decoder checks against the file's header **before** allocating pixel
/// memory, so that a small file declaring a huge image (a decompression bomb) is refused
/// with ``ImageError/tooLarge(width:height:limit:)`` instead of exhausting memory.
///
/// ```swift
/// let limits = DecodeLimits(maxPixels: 16 << 20)   // 16 megapixels for uploads
/// let photo = try ImageCodec.decodeRGBA8(bytes, limits: limits)
/// ```
public struct DecodeLimits: Sendable, Equatable, Hashable {
    /// Largest accepted `width * height`. Default 64 Mi pixels (8192x8192): 256 MiB as RGBA8.
    public var maxPixels: Int
    /// Largest accepted width in pixels. Default 32768.
    public var maxWidth: Int
    /// Largest accepted height in pixels. Default 32768.
    public var maxHeight: Int

    /// Limits with the given values (defaults: 64 Mi pixels, 32768 a side).
    public init(maxPixels: Int = 64 << 20, maxWidth: Int = 32768, maxHeight: Int = 32768) {
        self.maxPixels = maxPixels
        self.maxWidth = maxWidth
        self.maxHeight = maxHeight
    }

    /// Whether an image of this size may be decoded.
    public func allows(width: Int, height: Int) -> Bool {
        guard width > 0, height > 0, width <= maxWidth, height <= maxHeight else { return false }
        // width, height <= Int32 range in practice; the multiplication cannot overflow once both
        // are under maxWidth/maxHeight unless the limits themselves are absurd.
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        return !overflow && pixels <= maxPixels
    }

    /// Throws ``ImageError/tooLarge(width:height:limit:)`` unless the size is allowed, or
    /// ``ImageError/decodeFailed(codec:message:)`` for a zero or negative size.
    func check(width: Int, height: Int, codec: ImageFormat) throws {
        guard width > 0, height > 0 else {
            throw ImageError.decodeFailed(codec: codec, message: "image has an empty size \(width)x\(height)")
        }
        guard allows(width: width, height: height) else {
            throw ImageError.tooLarge(width: width, height: height, limit: self)
        }
    }
}
