/// Checks the images of an asset cheaply, without decoding pixels: the format from the first
/// bytes (glTF images need not declare a MIME type, and when they do it may be wrong), then
/// the header through ``ImageCodec/probe(_:)`` for the size.
enum ImageSniffer {
    /// What an image's bytes are.
    enum Outcome: Equatable {
        /// A PNG or JPEG whose header reads: its MIME type and pixel size.
        case usable(mimeType: String, width: Int, height: Int)
        /// Another format (named when recognised: WebP, KTX2, GIF, BMP, HDR) or unknown bytes.
        case unsupported(mimeType: String?)
        /// PNG or JPEG magic bytes, but the header is broken.
        case broken(mimeType: String, reason: String)
    }

    /// Classifies image bytes.
    static func inspect(_ bytes: [UInt8]) -> Outcome {
        switch ImageCodec.sniff(bytes) {
        case .png, .jpeg:
            let mimeType = ImageCodec.sniff(bytes) == .png ? "image/png" : "image/jpeg"
            do {
                let info = try ImageCodec.probe(bytes)
                return .usable(mimeType: mimeType, width: info.width, height: info.height)
            } catch {
                return .broken(mimeType: mimeType, reason: "\(error)")
            }
        case .hdr:
            return .unsupported(mimeType: "image/vnd.radiance")
        case nil:
            return .unsupported(mimeType: otherMimeType(bytes))
        }
    }

    /// MIME types of formats Vitrine recognises but does not decode, for warnings.
    private static func otherMimeType(_ bytes: [UInt8]) -> String? {
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + magic.count && bytes[offset..<(offset + magic.count)].elementsEqual(magic)
        }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return "image/webp" }
        if starts([0xAB, 0x4B, 0x54, 0x58, 0x20, 0x32, 0x30, 0xBB]) { return "image/ktx2" }
        if starts(Array("GIF8".utf8)) { return "image/gif" }
        if starts(Array("BM".utf8)) { return "image/bmp" }
        return nil
    }
}
