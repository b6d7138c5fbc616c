import Render

/// Encodes generated pictures for embedding or writing: the one place the generator meets
/// the image codecs.
///
/// PNGs go through libpng + zlib at level 9: the smallest files the codecs make with an
/// encoder whose output has stayed the same across zlib releases for many years, so the
/// committed assets keep matching the generator on other machines. (libdeflate, the fast
/// frame encoder, may change its output between versions.)
enum TextureEncoder {
    /// PNG bytes of an image.
    /// - Throws: ``AssetError/encodeFailed(asset:reason:)``.
    static func png(_ image: RGBA8Image, name: String) throws -> [UInt8] {
        do {
            return try PNGCodec.encode(image, compression: .libpng(level: 9))
        } catch {
            throw AssetError.encodeFailed(asset: name, reason: "\(error)")
        }
    }

    /// JPEG bytes of an image (for photographic colour textures without alpha).
    /// - Throws: ``AssetError/encodeFailed(asset:reason:)``.
    static func jpeg(_ image: RGBA8Image, name: String, quality: Int = 88) throws -> [UInt8] {
        do {
            return try JPEGCodec.encode(image, quality: quality)
        } catch {
            throw AssetError.encodeFailed(asset: name, reason: "\(error)")
        }
    }

    /// A glTF image of a texture as PNG.
    static func pngImage(_ name: String, _ image: RGBA8Image) throws -> GLTFImage {
        GLTFImage(name: name, mimeType: "image/png", bytes: try png(image, name: name))
    }

    /// A glTF image of a texture as JPEG.
    static func jpegImage(_ name: String, _ image: RGBA8Image, quality: Int = 88) throws -> GLTFImage {
        GLTFImage(name: name, mimeType: "image/jpeg", bytes: try jpeg(image, name: name, quality: quality))
    }
}
