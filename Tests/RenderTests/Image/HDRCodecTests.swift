import Foundation
import Testing
import VitrineTestSupport

@testable import Render

@Suite struct HDRCodecTests {
    // MARK: - A small independent Radiance writer for test files

    /// Random RGBE pixels with flat stretches (so that RLE has runs), row-major.
    static func rgbePixels(width: Int, height: Int, seed: UInt64) -> [[UInt8]] {
        var random = TestImages.Random(seed: seed)
        var pixels: [[UInt8]] = []
        for _ in 0..<(width * height) {
            if !pixels.isEmpty && random.int(0...2) > 0 {
                pixels.append(pixels[pixels.count - 1])  // repeat: a run
            } else if random.int(0...9) == 0 {
                pixels.append([0, 0, 0, 0])  // black: exponent 0
            } else {
                pixels.append([random.byte(), random.byte(), random.byte(), UInt8(random.int(100...150))])
            }
        }
        return pixels
    }

    /// Radiance's conversion (color.c, colr_color): (m + 0.5) * 2^(e - 136), 0 when e == 0.
    static func radianceValue(_ rgbe: [UInt8]) -> SIMD3<Float> {
        guard rgbe[3] != 0 else { return .zero }
        let f = ldexp(1.0, Int(rgbe[3]) - 136)
        return SIMD3(
            Float((Double(rgbe[0]) + 0.5) * f), Float((Double(rgbe[1]) + 0.5) * f), Float((Double(rgbe[2]) + 0.5) * f))
    }

    /// New-style RLE of one component: runs of 3+ equal bytes (up to 127), literals otherwise.
    static func rle(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            var run = 1
            while i + run < bytes.count && bytes[i + run] == bytes[i] && run < 127 { run += 1 }
            if run >= 3 {
                out += [UInt8(128 + run), bytes[i]]
                i += run
                continue
            }
            var literal = 0
            while i + literal < bytes.count && literal < 128 {
                let j = i + literal
                if j + 2 < bytes.count && bytes[j] == bytes[j + 1] && bytes[j] == bytes[j + 2] { break }
                literal += 1
            }
            out.append(UInt8(literal))
            out += bytes[i..<(i + literal)]
            i += literal
        }
        return out
    }

    /// A whole file: header lines, resolution line, scanlines flat or RLE.
    static func file(
        width: Int, height: Int, pixels: [[UInt8]], rle useRLE: Bool, resolution: String? = nil,
        extraHeader: [String] = []
    ) -> [UInt8] {
        var header = ["#?RADIANCE", "# made by HDRCodecTests", "FORMAT=32-bit_rle_rgbe"] + extraHeader
        header += ["", resolution ?? "-Y \(height) +X \(width)", ""]
        var bytes = Array(header.joined(separator: "\n").utf8)
        for y in 0..<height {
            let row = Array(pixels[(y * width)..<((y + 1) * width)])
            if useRLE {
                bytes += [2, 2, UInt8(width >> 8), UInt8(width & 0xFF)]
                for c in 0..<4 { bytes += rle(row.map { $0[c] }) }
            } else {
                bytes += row.flatMap { $0 }
            }
        }
        return bytes
    }

    // MARK: - Tests

    /// Flat and RLE scanlines decode to Radiance's values, pixel for pixel.
    @Test(arguments: [(5, 4, false), (40, 6, false), (40, 6, true), (300, 3, true), (8, 2, true)])
    func decodesConstructedFiles(width: Int, height: Int, rle: Bool) throws {
        let pixels = Self.rgbePixels(width: width, height: height, seed: UInt64(width * 7 + height))
        let image = try HDRCodec.decode(Self.file(width: width, height: height, pixels: pixels, rle: rle))
        #expect(image.width == width && image.height == height)
        #expect(image.pixels == pixels.map(Self.radianceValue))
        #expect(try ImageCodec.probe(Self.file(width: width, height: height, pixels: pixels, rle: rle)).format == .hdr)
    }

    /// `+Y` stores rows bottom to top and `-X` right to left; the output is always top-down,
    /// left to right. The EXPOSURE line is ignored.
    @Test func orientationsAndExposure() throws {
        let (w, h) = (12, 5)
        let pixels = Self.rgbePixels(width: w, height: h, seed: 3)
        let reference = try HDRCodec.decode(Self.file(width: w, height: h, pixels: pixels, rle: true))
        let flippedY = try HDRCodec.decode(
            Self.file(width: w, height: h, pixels: pixels, rle: true, resolution: "+Y \(h) +X \(w)"))
        let flippedX = try HDRCodec.decode(
            Self.file(width: w, height: h, pixels: pixels, rle: false, resolution: "-Y \(h) -X \(w)"))
        for y in 0..<h {
            for x in 0..<w {
                #expect(flippedY.pixels[(h - 1 - y) * w + x] == reference.pixels[y * w + x])
                #expect(flippedX.pixels[y * w + (w - 1 - x)] == reference.pixels[y * w + x])
            }
        }
        let exposed = try HDRCodec.decode(
            Self.file(width: w, height: h, pixels: pixels, rle: true, extraHeader: ["EXPOSURE=2.5"]))
        #expect(exposed.pixels == reference.pixels)
    }

    /// Damaged files give their error.
    @Test func corruptFiles() throws {
        let (w, h) = (16, 3)
        let pixels = Self.rgbePixels(width: w, height: h, seed: 9)
        let good = Self.file(width: w, height: h, pixels: pixels, rle: true)
        let dataStart = try HDRHeader.parse(good).dataOffset

        // Cut anywhere in the pixels: truncated.
        for cut in stride(from: dataStart, to: good.count, by: 7) {
            #expect(throws: ImageError.truncated(codec: .hdr)) { try HDRCodec.decode(Array(good.prefix(cut))) }
        }
        // A run longer than the scanline, and a zero-length literal.
        var overflow = good
        overflow[dataStart + 4] = 128 + 127
        #expect(ImageErrorKind.of { _ = try HDRCodec.decode(overflow) } == .decodeFailed)
        var zero = good
        zero[dataStart + 4] = 0
        #expect(ImageErrorKind.of { _ = try HDRCodec.decode(zero) } == .decodeFailed)
        // Header problems.
        let xyze = Array(String(decoding: good, as: UTF8.self).replacingOccurrences(of: "rgbe", with: "xyze").utf8)
        #expect(ImageErrorKind.of { _ = try HDRCodec.decode(xyze) } == .decodeFailed)
        let columnMajor = Self.file(width: w, height: h, pixels: pixels, rle: false, resolution: "+X \(w) -Y \(h)")
        #expect(ImageErrorKind.of { _ = try HDRCodec.decode(columnMajor) } == .decodeFailed)
        let noSize = Self.file(width: w, height: h, pixels: pixels, rle: false, resolution: "-Y \(h) +X")
        #expect(ImageErrorKind.of { _ = try HDRCodec.decode(noSize) } == .decodeFailed)
        #expect(throws: ImageError.truncated(codec: .hdr)) { try HDRCodec.decode(Array("#?RADIANCE\nFORMAT".utf8)) }
        #expect(throws: ImageError.unrecognizedFormat) { try HDRCodec.decode(Array("#?SOMETHING\n\n".utf8)) }
        #expect(throws: ImageError.unrecognizedFormat) { try HDRCodec.decode([]) }
        let endless = Array("#?RADIANCE\n".utf8) + [UInt8](repeating: 0x41, count: 70_000)
        #expect(ImageErrorKind.of { _ = try HDRCodec.decode(endless) } == .decodeFailed)
    }

    /// A header declaring a huge image is refused before allocation.
    @Test func hugeHeaderIsRefused() throws {
        let bytes = Array("#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y 100000 +X 100000\n".utf8)
        #expect(throws: ImageError.tooLarge(width: 100_000, height: 100_000, limit: DecodeLimits())) {
            try HDRCodec.decode(bytes)
        }
    }

    /// Found by `scripts/fuzz hdr`: a 55-byte file claiming 8192x8192 (within the pixel limit)
    /// allocated 800 MB before reading its first scanline; now refused from the byte count.
    @Test func tinyFileClaimingALargeImageIsRefusedBeforeAllocating() throws {
        let bytes = Array("#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y 8192 +X 8192\n".utf8) + [2, 2, 0x20, 0]
        #expect(throws: ImageError.truncated(codec: .hdr)) { try HDRCodec.decode(bytes) }
        // The bound is exact: the smallest RLE file of 300x2 (all runs of 127) still decodes.
        #expect(HDRCodec.minimumScanlineBytes(width: 300) == 4 + 4 * 2 * 3)
        #expect(HDRCodec.minimumScanlineBytes(width: 5) == 20)
        var line: [UInt8] = [2, 2, 1, 44]
        for value: UInt8 in [100, 100, 100, 136] { line += [128 + 127, value, 128 + 127, value, 128 + 46, value] }
        let smallest = Array("#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y 2 +X 300\n".utf8) + line + line
        let image = try HDRCodec.decode(smallest)
        #expect(image.width == 300 && image.height == 2)
        #expect(image.pixels.allSatisfy { $0.x > 0 && $0.x == $0.z })
    }

    /// The two shared studio environments: 1024x512, finite non-negative radiance, bright
    /// lights (max well above 1) above the horizon, a moderate mean, and every 97th pixel equal
    /// to an independent decoder (a few lines of Python written from the Radiance format
    /// description, run through the test venv).
    @Test(arguments: ["studio_small_03_1k.hdr", "studio_small_09_1k.hdr"])
    func sharedEnvironments(name: String) throws {
        let url = Fixtures.shared("environments/\(name)")
        let image = try HDRCodec.decode([UInt8](Data(contentsOf: url)))
        #expect(image.width == 1024 && image.height == 512)
        #expect(image.pixels.allSatisfy { $0.x.isFinite && $0.y.isFinite && $0.z.isFinite && $0.min() >= 0 })
        let brightest = try #require(image.pixels.indices.max { image.pixels[$0].sum() < image.pixels[$1].sum() })
        let mean = image.pixels.reduce(SIMD3<Float>.zero, +) / Float(image.pixels.count)
        #expect(image.pixels[brightest].max() > 50, "studio lights should be bright")
        #expect(brightest / 1024 < 256, "the brightest light should be above the horizon")
        #expect(mean.min() > 0.05 && mean.max() < 20, "mean \(mean)")

        let output = try PythonReference.run(script: Self.independentDecoder, arguments: [url.path, "97"])
        let samples = try JSONDecoder().decode([[Double]].self, from: output)
        #expect(samples.count == (1024 * 512 + 96) / 97)
        for (k, sample) in samples.enumerated() {
            let expected = SIMD3<Float>(Float(sample[0]), Float(sample[1]), Float(sample[2]))
            #expect(image.pixels[k * 97] == expected, "pixel \(k * 97)")
        }
    }

    /// Decodes new-style RLE scanlines of a `-Y h +X w` file and prints every n-th pixel.
    static let independentDecoder = """
        import json, sys
        data = open(sys.argv[1], "rb").read()
        step = int(sys.argv[2])
        i = data.index(b"\\n\\n") + 2
        j = data.index(b"\\n", i)
        axes = data[i:j].split()
        assert axes[0] == b"-Y" and axes[2] == b"+X"
        height, width = int(axes[1]), int(axes[3])
        i = j + 1
        values = []
        for y in range(height):
            assert data[i] == 2 and data[i + 1] == 2 and (data[i + 2] << 8 | data[i + 3]) == width
            i += 4
            planes = []
            for c in range(4):
                plane = []
                while len(plane) < width:
                    n = data[i]
                    i += 1
                    if n > 128:
                        plane += [data[i]] * (n - 128)
                        i += 1
                    else:
                        plane += list(data[i:i + n])
                        i += n
                planes.append(plane)
            for x in range(width):
                r, g, b, e = (planes[c][x] for c in range(4))
                f = 0.0 if e == 0 else 2.0 ** (e - 136)
                values.append([(r + 0.5) * f, (g + 0.5) * f, (b + 0.5) * f] if e else [0.0, 0.0, 0.0])
        print(json.dumps(values[::step]))
        """
}
