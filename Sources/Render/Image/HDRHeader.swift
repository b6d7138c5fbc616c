/// The text header of a Radiance RGBE (`.hdr`) file: magic line, variables, blank line,
/// resolution line.
struct HDRHeader: Equatable {
    /// Image width in pixels.
    var width: Int
    /// Image height in pixels.
    var height: Int
    /// Whether stored scanlines run bottom to top (`+Y`).
    var flipY: Bool
    /// Whether stored pixels run right to left (`-X`).
    var flipX: Bool
    /// The product of the `EXPOSURE=` lines (1 when absent). Not applied by the decoder.
    var exposure: Double
    /// Offset of the first scanline byte.
    var dataOffset: Int

    /// Size as the decoder returns it.
    var info: ImageInfo { ImageInfo(format: .hdr, width: width, height: height, channels: 3, bitDepth: 8) }

    /// Longest header accepted (text lines before the pixels).
    static let maxHeaderBytes = 64 << 10

    /// Parses the header.
    /// - Throws: ``ImageError/unrecognizedFormat`` without the `#?` magic,
    ///   ``ImageError/truncated(codec:)`` when the header is cut,
    ///   ``ImageError/decodeFailed(codec:message:)`` for an unsupported format or orientation.
    static func parse(_ bytes: [UInt8]) throws -> HDRHeader {
        var offset = 0
        /// The next line without its newline, or nil at the end of the data or past the bound.
        func nextLine() throws -> String {
            let end = min(bytes.count, maxHeaderBytes)
            guard let newline = bytes[offset..<end].firstIndex(of: 0x0A) else {
                if end < bytes.count {
                    throw ImageError.decodeFailed(codec: .hdr, message: "header longer than \(maxHeaderBytes) bytes")
                }
                throw ImageError.truncated(codec: .hdr)
            }
            let line = String(decoding: bytes[offset..<newline], as: UTF8.self)
            offset = newline + 1
            return line
        }
        guard bytes.starts(with: Array("#?".utf8)) else { throw ImageError.unrecognizedFormat }
        let magic = try nextLine()
        guard magic.hasPrefix("#?RADIANCE") || magic.hasPrefix("#?RGBE") else { throw ImageError.unrecognizedFormat }
        var exposure = 1.0
        while true {
            let line = try nextLine()
            if line.isEmpty { break }
            if line.hasPrefix("FORMAT=") {
                let format = line.dropFirst("FORMAT=".count).trimmingSpaces()
                guard format == "32-bit_rle_rgbe" else {
                    throw ImageError.decodeFailed(
                        codec: .hdr, message: "unsupported FORMAT=\(format) (only 32-bit_rle_rgbe)")
                }
            } else if line.hasPrefix("EXPOSURE=") {
                if let value = Double(line.dropFirst("EXPOSURE=".count).trimmingSpaces()), value > 0, value.isFinite {
                    exposure *= value
                }
            }
        }
        let resolution = try nextLine().split(separator: " ", omittingEmptySubsequences: true)
        guard resolution.count == 4, let first = Int(resolution[1]), let second = Int(resolution[3]) else {
            throw ImageError.decodeFailed(codec: .hdr, message: "malformed resolution line")
        }
        let yAxis = resolution[0]
        let xAxis = resolution[2]
        guard yAxis == "-Y" || yAxis == "+Y", xAxis == "+X" || xAxis == "-X" else {
            throw ImageError.decodeFailed(
                codec: .hdr, message: "unsupported orientation \(yAxis) \(xAxis) (only ±Y h ±X w, row-major)")
        }
        guard first > 0, second > 0 else {
            throw ImageError.decodeFailed(codec: .hdr, message: "empty image size \(second)x\(first)")
        }
        return HDRHeader(
            width: second, height: first, flipY: yAxis == "+Y", flipX: xAxis == "-X", exposure: exposure,
            dataOffset: offset)
    }
}

extension Substring {
    /// Without leading and trailing spaces, tabs and carriage returns.
    fileprivate func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        return String(self.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
