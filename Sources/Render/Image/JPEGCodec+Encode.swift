import CJPEG

extension JPEGCodec {
    /// Encodes an image as a baseline JPEG (4:2:0 chroma) straight from RGBA through
    /// libjpeg-turbo's `JCS_EXT_RGBA` input. **JPEG has no alpha channel: alpha is dropped**
    /// (not blended), so flatten a transparent frame onto its background first. Only a JFIF
    /// header is written: no EXIF, ICC or comment.
    /// - Parameters:
    ///   - image: the pixels.
    ///   - quality: 1 (smallest) to 100 (best); 85 is a good default for product pictures.
    /// - Returns: the JPEG file's bytes.
    /// - Throws: ``ImageError/encodeFailed(codec:message:)`` for an empty or oversized image
    ///   (over 65500 a side) or a quality outside 1...100.
    public static func encode(_ image: RGBA8Image, quality: Int = 85) throws -> [UInt8] {
        guard (1...100).contains(quality) else {
            throw ImageError.encodeFailed(codec: .jpeg, message: "quality \(quality) is outside 1...100")
        }
        guard image.width > 0, image.height > 0, image.width <= 65500, image.height <= 65500 else {
            throw ImageError.encodeFailed(
                codec: .jpeg, message: "cannot encode a \(image.width)x\(image.height) image (1...65500 a side)")
        }
        var buffer = cjpeg_buffer()
        defer { cjpeg_buffer_free(&buffer) }
        let result = image.pixels.withUnsafeBufferPointer { pixels in
            CShim.call {
                cjpeg_encode_rgba8(
                    pixels.baseAddress, UInt32(image.width), UInt32(image.height), image.width * 4, Int32(quality),
                    &buffer, $0, $1)
            }
        }
        guard result.code == 0, let data = buffer.data else {
            throw ImageError.encodeFailed(codec: .jpeg, message: result.message)
        }
        return [UInt8](UnsafeBufferPointer(start: data, count: buffer.size))
    }
}
