/// The image codecs as try-on uses them: photo, mask and item decoding with a pixel limit
/// checked before allocation, output encoding without any input metadata. Codec errors become
/// `TryOnError`s that never echo image bytes.
enum TryOnImageIO {
    /// What a decoded image is for, to word errors.
    enum Role {
        case photo
        case mask
        case item(String)
    }

    /// Decodes PNG or JPEG bytes (EXIF orientation applied) to straight-alpha RGBA8.
    /// - Throws: `TryOnError.invalidPhoto` / `.invalidMask` / `.invalidItem`, or
    ///   `.photoTooLarge` when the header declares more than `maxPixels`.
    static func decode(_ bytes: [UInt8], maxPixels: Int, role: Role) throws -> RGBA8Image {
        do {
            return try ImageCodec.decodeRGBA8(bytes, limits: DecodeLimits(maxPixels: maxPixels))
        } catch let ImageError.tooLarge(width, height, _) {
            if case .photo = role { throw TryOnError.photoTooLarge(width: width, height: height, maxPixels: maxPixels) }
            throw error(role, "\(width)x\(height) is larger than the limit of \(maxPixels) pixels")
        } catch let imageError as ImageError {
            throw error(role, imageError.description)
        }
    }

    /// Encodes the composite (RGB; alpha is dropped for JPEG). Nothing from the inputs'
    /// metadata is carried over: the encoders write pixels only.
    static func encode(_ image: RGBA8Image, format: TryOnOptions.OutputFormat, quality: Int) throws -> [UInt8] {
        do {
            switch format {
            case .jpeg: return try JPEGCodec.encode(image, quality: quality)
            case .png: return try PNGCodec.encode(image, compression: .fast)
            }
        } catch let imageError as ImageError {
            throw TryOnError.encodeFailed(reason: imageError.description)
        }
    }

    static func error(_ role: Role, _ reason: String) -> TryOnError {
        switch role {
        case .photo: return .invalidPhoto(reason: reason)
        case .mask: return .invalidMask(reason: reason)
        case .item(let id): return .invalidItem(id: id, reason: "image: \(reason)")
        }
    }
}
