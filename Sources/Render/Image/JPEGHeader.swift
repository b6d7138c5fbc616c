/// The header of a JPEG read by walking its markers in Swift (bounds-checked), before libjpeg
/// sees the file: the frame size for the pixel limit, and the EXIF orientation.
struct JPEGHeader: Equatable {
    /// Width as stored (before orientation).
    var storedWidth: Int
    /// Height as stored (before orientation).
    var storedHeight: Int
    /// Components in the frame (1 grey, 3 colour, 4 CMYK/YCCK).
    var components: Int
    /// Sample precision in bits (8 or 12).
    var precision: Int
    /// Whether the frame is progressive (SOF2, SOF6, SOF10, SOF14).
    var progressive: Bool
    /// EXIF orientation 1-8 (1 when absent or invalid).
    var orientation: Int

    /// Size and orientation as a decoder returns the image.
    var info: ImageInfo {
        let swaps = orientation >= 5
        return ImageInfo(
            format: .jpeg, width: swaps ? storedHeight : storedWidth, height: swaps ? storedWidth : storedHeight,
            channels: components, bitDepth: precision, orientation: orientation)
    }

    /// Walks the markers from SOI to the first SOF, reading APP1 EXIF on the way.
    /// - Throws: ``ImageError/unrecognizedFormat`` without SOI, ``ImageError/truncated(codec:)``
    ///   when a segment runs past the end, ``ImageError/decodeFailed(codec:message:)`` for
    ///   malformed markers, a scan before the frame header or an empty frame size.
    static func parse(_ bytes: [UInt8]) throws -> JPEGHeader {
        guard bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xD8 else { throw ImageError.unrecognizedFormat }
        var orientation: Int?
        var i = 2
        while true {
            // Like libjpeg, skip stray bytes before a marker (libjpeg warns and goes on), then
            // the 0xFF fill bytes.
            while i < bytes.count && bytes[i] != 0xFF { i += 1 }
            while i < bytes.count && bytes[i] == 0xFF { i += 1 }
            guard i < bytes.count else { throw ImageError.truncated(codec: .jpeg) }
            let marker = bytes[i]
            i += 1
            switch marker {
            case 0x01, 0xD0...0xD7:
                continue  // markers without a length
            case 0xD8, 0xD9, 0xDA, 0x00:
                throw ImageError.decodeFailed(
                    codec: .jpeg,
                    message: "marker 0x\(String(marker, radix: 16, uppercase: true)) before the frame header (SOF)")
            default:
                break
            }
            guard i + 2 <= bytes.count else { throw ImageError.truncated(codec: .jpeg) }
            let length = Int(bytes[i]) << 8 | Int(bytes[i + 1])
            guard length >= 2 else {
                throw ImageError.decodeFailed(codec: .jpeg, message: "segment length \(length) at byte \(i)")
            }
            guard i + length <= bytes.count else { throw ImageError.truncated(codec: .jpeg) }
            let segment = bytes[(i + 2)..<(i + length)]
            if isStartOfFrame(marker) {
                guard segment.count >= 6 else {
                    throw ImageError.decodeFailed(codec: .jpeg, message: "frame header too short")
                }
                let s = segment.startIndex
                let width = Int(segment[s + 3]) << 8 | Int(segment[s + 4])
                let height = Int(segment[s + 1]) << 8 | Int(segment[s + 2])
                guard width > 0, height > 0 else {
                    throw ImageError.decodeFailed(
                        codec: .jpeg, message: "empty frame size \(width)x\(height) (a DNL height is not supported)")
                }
                return JPEGHeader(
                    storedWidth: width, storedHeight: height,
                    components: Int(segment[s + 5]), precision: Int(segment[s]),
                    progressive: [0xC2, 0xC6, 0xCA, 0xCE].contains(marker), orientation: orientation ?? 1)
            }
            if marker == 0xE1 && orientation == nil {
                orientation = EXIFOrientation.parse(app1: segment)
            }
            i += length
        }
    }

    /// SOF0-3, 5-7, 9-11, 13-15 (0xC4 DHT, 0xC8 JPG and 0xCC DAC are not frames).
    private static func isStartOfFrame(_ marker: UInt8) -> Bool {
        (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
    }
}
