/// Radiance RGBE (`.hdr`) decoding, in Swift, for environment maps.
///
/// Accepts `#?RADIANCE` / `#?RGBE` files with `FORMAT=32-bit_rle_rgbe`, the four row-major
/// orientations (`-Y h +X w` is the usual one), new-style run-length encoded scanlines and flat
/// scanlines. The `EXPOSURE=` line is ignored (like most renderers). RGBE converts to linear
/// floats as Radiance does: `(m + 0.5) * 2^(e - 136)`, 0 when `e` is 0. Every read is bounds
/// checked; damaged runs are errors.
///
/// ```swift
/// let studio = try HDRCodec.decode(bytes)   // RGBFloatImage, rows top to bottom
/// ```
public enum HDRCodec {
    /// Decodes a Radiance HDR file into linear RGB floats, rows top to bottom.
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - limits: checked against the resolution line before pixel memory is allocated.
    /// - Throws: ``ImageError``.
    public static func decode(_ bytes: [UInt8], limits: DecodeLimits = .init()) throws -> RGBFloatImage {
        let header = try HDRHeader.parse(bytes)
        try limits.check(width: header.width, height: header.height, codec: .hdr)
        let width = header.width
        let height = header.height
        // A few bytes may claim 64 Mpixels: refuse before allocating when the data cannot hold
        // `height` scanlines (found by `scripts/fuzz hdr`: 55 bytes cost 800 MB and seconds).
        guard bytes.count - header.dataOffset >= height * minimumScanlineBytes(width: width) else {
            throw ImageError.truncated(codec: .hdr)
        }
        var scale = [Float](repeating: 0, count: 256)
        for e in 1..<256 { scale[e] = Float(sign: .plus, exponent: e - 136, significand: 1) }
        var scanline = [UInt8](repeating: 0, count: width * 4)
        var output = [SIMD3<Float>](repeating: .zero, count: width * height)
        var offset = header.dataOffset
        try bytes.withUnsafeBufferPointer { source in
            try scanline.withUnsafeMutableBufferPointer { line in
                try output.withUnsafeMutableBufferPointer { pixels in
                    for storedRow in 0..<height {
                        offset = try readScanline(source, at: offset, width: width, into: line)
                        let y = header.flipY ? height - 1 - storedRow : storedRow
                        let row = UnsafeMutableBufferPointer(rebasing: pixels[(y * width)..<((y + 1) * width)])
                        convert(line, width: width, flipX: header.flipX, scale: scale, into: row)
                    }
                }
            }
        }
        return RGBFloatImage(width: width, height: height, pixels: output)
    }

    /// The fewest bytes a scanline of `width` pixels takes: flat RGBE (4 per pixel), or new-style
    /// RLE (a 4-byte header, then runs of at most 127 bytes, 2 bytes each, for 4 components).
    static func minimumScanlineBytes(width: Int) -> Int {
        guard width >= 8 && width < 0x8000 else { return width * 4 }
        return min(width * 4, 4 + 4 * 2 * ((width + 126) / 127))
    }

    /// Reads one scanline as planar bytes (`R...`, `G...`, `B...`, `E...`, `width` each) and
    /// returns the offset after it.
    private static func readScanline(
        _ source: UnsafeBufferPointer<UInt8>, at start: Int, width: Int, into line: UnsafeMutableBufferPointer<UInt8>
    ) throws -> Int {
        var i = start
        let n = source.count
        let isRLE =
            width >= 8 && width < 0x8000 && i + 4 <= n && source[i] == 2 && source[i + 1] == 2
            && Int(source[i + 2]) << 8 | Int(source[i + 3]) == width
        if !isRLE {
            // Flat: width RGBE quadruplets, turned planar.
            guard n - i >= width * 4 else { throw ImageError.truncated(codec: .hdr) }
            for x in 0..<width {
                for c in 0..<4 { line[c * width + x] = source[i + x * 4 + c] }
            }
            return i + width * 4
        }
        i += 4
        // New-style RLE: each component in turn, as runs (count > 128: repeat the next byte
        // count - 128 times) and literals (count <= 128: copy count bytes).
        for c in 0..<4 {
            var x = 0
            while x < width {
                guard i < n else { throw ImageError.truncated(codec: .hdr) }
                let code = Int(source[i])
                i += 1
                if code > 128 {
                    let run = code - 128
                    guard run <= width - x else { throw damaged("run of \(run) overflows the scanline") }
                    guard i < n else { throw ImageError.truncated(codec: .hdr) }
                    let value = source[i]
                    i += 1
                    for k in 0..<run { line[c * width + x + k] = value }
                    x += run
                } else {
                    guard code > 0 else { throw damaged("zero-length literal in a scanline") }
                    guard code <= width - x else { throw damaged("literal of \(code) overflows the scanline") }
                    guard n - i >= code else { throw ImageError.truncated(codec: .hdr) }
                    for k in 0..<code { line[c * width + x + k] = source[i + k] }
                    i += code
                    x += code
                }
            }
        }
        return i
    }

    /// Planar RGBE bytes to linear floats.
    @inline(__always)
    private static func convert(
        _ line: UnsafeMutableBufferPointer<UInt8>, width: Int, flipX: Bool, scale: [Float],
        into row: UnsafeMutableBufferPointer<SIMD3<Float>>
    ) {
        scale.withUnsafeBufferPointer { scale in
            for x in 0..<width {
                let e = Int(line[3 * width + x])
                let f = scale[e]
                let value =
                    e == 0
                    ? SIMD3<Float>.zero
                    : (SIMD3<Float>(Float(line[x]), Float(line[width + x]), Float(line[2 * width + x])) + 0.5) * f
                row[flipX ? width - 1 - x : x] = value
            }
        }
    }

    private static func damaged(_ message: String) -> ImageError {
        .decodeFailed(codec: .hdr, message: message)
    }
}
