/// Recognises image formats by their first bytes (glTF images need not declare a MIME type,
/// and when they do it may be wrong).
enum ImageSniffer {
    /// The MIME type of the bytes' format, or `nil` when unknown.
    ///
    /// PNG and JPEG are the formats Vitrine decodes; WebP, KTX2, GIF and BMP are recognised so
    /// that warnings can name them.
    static func mimeType(_ bytes: [UInt8]) -> String? {
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + magic.count && Array(bytes[offset..<(offset + magic.count)]) == magic
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return "image/webp" }
        if starts([0xAB, 0x4B, 0x54, 0x58, 0x20, 0x32, 0x30, 0xBB]) { return "image/ktx2" }
        if starts(Array("GIF8".utf8)) { return "image/gif" }
        if starts(Array("BM".utf8)) { return "image/bmp" }
        return nil
    }
}
