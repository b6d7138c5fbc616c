import Foundation
import VitrineTestSupport

@testable import Render

/// Deterministic images and fixture access for the codec and comparison tests.
enum TestImages {
    /// The deterministic generator of the tests (``SplitMix``), so that test images are the
    /// same on every run and machine.
    typealias Random = SplitMix

    /// Random bytes in every channel (worst case for compression).
    static func noise(width: Int, height: Int, seed: UInt64) -> RGBA8Image {
        var random = Random(seed: seed)
        return RGBA8Image(
            width: width, height: height, pixels: (0..<(width * height * 4)).map { _ in random.byte() })
    }

    /// Smooth colour ramps with an alpha ramp: what a rendered gradient background looks like.
    static func gradient(width: Int, height: Int) -> RGBA8Image {
        var image = RGBA8Image(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                image[x, y] = SIMD4(
                    UInt8(x * 255 / max(width - 1, 1)), UInt8(y * 255 / max(height - 1, 1)),
                    UInt8((x + y) * 255 / max(width + height - 2, 1)), UInt8(255 - x * 200 / max(width - 1, 1)))
            }
        }
        return image
    }

    /// Four flat quadrants (colours from `quadrantColor`),
    /// for tests that check where pixels end up.
    static func quadrants(width: Int, height: Int) -> RGBA8Image {
        var image = RGBA8Image(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width { image[x, y] = quadrantColor(left: x < width / 2, top: y < height / 2) }
        }
        return image
    }

    /// Top-left red, top-right green, bottom-left blue, bottom-right white.
    static func quadrantColor(left: Bool, top: Bool) -> SIMD4<UInt8> {
        switch (left, top) {
        case (true, true): return SIMD4(255, 0, 0, 255)
        case (false, true): return SIMD4(0, 255, 0, 255)
        case (true, false): return SIMD4(0, 0, 255, 255)
        case (false, false): return SIMD4(255, 255, 255, 255)
        }
    }

    /// The bytes of a file under `../shared`.
    static func sharedBytes(_ relative: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: Fixtures.shared(relative)))
    }

    /// Every file of a `../shared/badinput/images/` folder, sorted by name.
    static func badInputFiles(_ folder: String) throws -> [URL] {
        let directory = Fixtures.shared("badinput/images/\(folder)")
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            .map { directory.appendingPathComponent($0) }
    }

    /// A llvmpipe reference frame (a rendered product on a flat background), decoded.
    static func renderedFrame(_ model: String, frame: String = "f00", filter: String = "512_linear") throws
        -> RGBA8Image
    {
        try PNGCodec.decodeRGBA8(sharedBytes("reference/llvmpipe/\(model)/\(filter)/\(frame).png"))
    }

    /// Largest per-channel difference between two images of the same size.
    static func maxChannelDelta(_ a: RGBA8Image, _ b: RGBA8Image) -> Int {
        precondition(a.width == b.width && a.height == b.height)
        var worst = 0
        for i in 0..<a.pixels.count { worst = max(worst, abs(Int(a.pixels[i]) - Int(b.pixels[i]))) }
        return worst
    }
}

/// Decodes files with Pillow (an independent decoder) through ``PythonReference``.
enum PillowDecoder {
    /// One file as Pillow sees it.
    struct Decoded: Decodable {
        var mode: String
        var width: Int
        var height: Int
        /// RGBA8 bytes (`convert("RGBA")`), base64; for 16-bit grey modes, nil.
        var rgba: String?
        /// The raw 16-bit grey samples for `I;16` modes.
        var grey16: [Int]?

        var rgbaBytes: [UInt8] { rgba.flatMap { Data(base64Encoded: $0) }.map { [UInt8]($0) } ?? [] }
    }

    private static let script = """
        import base64, json, sys
        from PIL import Image
        out = {}
        for path in sys.argv[1:]:
            im = Image.open(path)
            im.load()
            entry = {"mode": im.mode, "width": im.width, "height": im.height}
            if im.mode.startswith("I;16"):
                entry["grey16"] = list(im.getdata())
            else:
                entry["rgba"] = base64.b64encode(im.convert("RGBA").tobytes()).decode()
            out[path] = entry
        print(json.dumps(out))
        """

    /// Decodes every file in one Python process; keyed by path.
    static func decode(_ files: [URL]) throws -> [String: Decoded] {
        let output = try PythonReference.run(script: script, arguments: files.map(\.path))
        return try JSONDecoder().decode([String: Decoded].self, from: output)
    }
}

extension SplitMix {
    /// A byte from the high bits.
    mutating func byte() -> UInt8 { UInt8(truncatingIfNeeded: next() >> 56) }
    /// An integer in `range` (modulo; the bias is irrelevant for test images).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
}
