import CPNG

extension PNGCodec {
    /// Encodes an image as an 8-bit RGBA PNG. The output holds only IHDR, IDAT and IEND: no
    /// text, time, ICC or EXIF chunk, so nothing of any input leaks into it.
    /// - Parameters:
    ///   - image: the pixels (straight alpha).
    ///   - compression: speed/size trade-off; ``PNGCompression/fast`` for served frames.
    /// - Returns: the PNG file's bytes.
    /// - Throws: ``ImageError/encodeFailed(codec:message:)`` for an empty image or a level out
    ///   of range (libdeflate 0-12, libpng 0-9).
    public static func encode(_ image: RGBA8Image, compression: PNGCompression = .fast) throws -> [UInt8] {
        let (engine, level, filter) = compression.settings
        let maxLevel = engine == .libdeflate ? 12 : 9
        guard (0...maxLevel).contains(level) else {
            throw ImageError.encodeFailed(
                codec: .png, message: "level \(level) is outside 0...\(maxLevel) for \(engine)")
        }
        guard image.width > 0, image.height > 0, image.width <= 0x7FFF_FFFF, image.height <= 0x7FFF_FFFF else {
            throw ImageError.encodeFailed(
                codec: .png, message: "cannot encode an empty \(image.width)x\(image.height) image")
        }
        var buffer = cpng_buffer()
        defer { cpng_buffer_free(&buffer) }
        let result = image.pixels.withUnsafeBufferPointer { pixels in
            CShim.call { message, size in
                switch engine {
                case .libdeflate:
                    return cpng_encode_fast(
                        pixels.baseAddress, UInt32(image.width), UInt32(image.height), image.width * 4, Int32(level),
                        filter.rawValue, &buffer, message, size)
                case .libpng:
                    return cpng_encode_libpng(
                        pixels.baseAddress, UInt32(image.width), UInt32(image.height), image.width * 4, Int32(level),
                        filter.rawValue, &buffer, message, size)
                }
            }
        }
        guard result.code == 0, let data = buffer.data else {
            throw ImageError.encodeFailed(codec: .png, message: result.message)
        }
        return [UInt8](UnsafeBufferPointer(start: data, count: buffer.size))
    }
}
