import Foundation
import Testing
import VitrineTestSupport

@testable import Render

/// The libdeflate decoder (`cpng_decode_fast_rgba8`) must give exactly libpng's pixels on every
/// file it takes, and leave every other file to libpng.
@Suite struct PNGCodecFastPathTests {
    /// Decodes through both paths; returns the fast result (nil when not taken) and libpng's.
    static func bothPaths(_ bytes: [UInt8]) throws -> (fast: RGBA8Image?, libpng: RGBA8Image) {
        let info = try PNGCodec.probe(bytes)
        return (
            PNGCodec.decodeFast(bytes, info: info), try PNGCodec.decodeRGBA8(bytes, limits: .init(), fastPath: false)
        )
    }

    /// PngSuite: the clean 8-bit non-interlaced files take the fast path, the others do not,
    /// and both paths agree.
    @Test func pngSuiteEdgeFiles() throws {
        var taken: Set<String> = []
        for file in try TestImages.badInputFiles("png-edge") {
            let (fast, libpng) = try Self.bothPaths([UInt8](Data(contentsOf: file)))
            if let fast {
                taken.insert(file.lastPathComponent)
                #expect(fast == libpng, "\(file.lastPathComponent)")
            }
        }
        #expect(
            taken == [
                "basn4a08.png", "ccwn2c08.png", "g03n2c08.png", "ps1n0g08.png", "tp1n3p08.png", "z00n2c08.png",
                "z09n2c08.png",
            ])
        for file in try TestImages.badInputFiles("png-corrupt") {
            let bytes = try [UInt8](Data(contentsOf: file))
            if let info = try? PNGCodec.probe(bytes) {
                #expect(PNGCodec.decodeFast(bytes, info: info) == nil, "\(file.lastPathComponent)")
            }
        }
    }

    /// Every row filter, on RGBA written by both encoders.
    @Test(arguments: PNGFilter.allCases)
    func everyFilterOnRGBA(filter: PNGFilter) throws {
        let frame = try TestImages.renderedFrame("DamagedHelmet")
        for engine in PNGEngine.allCases {
            let png = try PNGCodec.encode(frame, compression: .tuned(engine: engine, level: 3, filter: filter))
            let (fast, libpng) = try Self.bothPaths(png)
            #expect(fast == frame && libpng == frame, "\(engine) \(filter)")
        }
    }

    /// Every colour type the fast path takes, written by Pillow (adaptive filters, several
    /// IDAT chunks, palette with and without transparency), decodes like libpng and Pillow.
    @Test func pillowWrittenColourTypes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "vitrine-png-fastpath-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = Fixtures.shared("reference/llvmpipe/SheenChair/512_linear/f09.png").path
        let script = """
            import sys
            from PIL import Image
            src = Image.open(sys.argv[1]).convert("RGBA")
            out = sys.argv[2]
            for level in (1, 9):
                for mode in ("RGBA", "RGB", "L", "LA"):
                    src.convert(mode).save(f"{out}/{mode}-{level}.png", compress_level=level)
                src.convert("RGB").quantize(200).save(f"{out}/P-{level}.png", compress_level=level)
                p = src.convert("RGB").quantize(64)
                p.info["transparency"] = bytes([0, 128] + [255] * 10)
                p.save(f"{out}/PT-{level}.png", compress_level=level, transparency=bytes([0, 128] + [255] * 10))
            """
        _ = try PythonReference.run(script: script, arguments: [source, folder.path])
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .map { folder.appendingPathComponent($0) }
        #expect(files.count == 12)
        let pillow = try PillowDecoder.decode(files)
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: file))
            let (fast, libpng) = try Self.bothPaths(bytes)
            let reference = try #require(pillow[file.path])
            #expect(fast != nil, "\(file.lastPathComponent) should take the fast path")
            #expect(fast == libpng, "\(file.lastPathComponent)")
            #expect(libpng.pixels == reference.rgbaBytes, "\(file.lastPathComponent) against Pillow")
        }
    }

    /// Damaged image data with valid CRCs (the case the fast path must judge itself): whenever
    /// it takes such a file, libpng decodes it to the same pixels.
    @Test func damagedImageDataWithValidCRCs() throws {
        let png = try PNGCodec.encode(TestImages.gradient(width: 40, height: 30), compression: .level(4))
        let chunks = PNGChunks.split(png)
        let idat = try #require(chunks.firstIndex { $0.type == "IDAT" })
        var random = TestImages.Random(seed: 17)
        var taken = 0
        for _ in 0..<400 {
            var damaged = chunks
            let data = damaged[idat].data
            for _ in 0..<random.int(1...3) { damaged[idat].data[random.int(0...(data.count - 1))] = random.byte() }
            if random.int(0...3) == 0 { damaged[idat].data.removeLast(random.int(1...8)) }
            let bytes = PNGChunks.join(damaged)
            let info = try PNGCodec.probe(bytes)
            if let fast = PNGCodec.decodeFast(bytes, info: info) {
                taken += 1
                #expect(fast == (try PNGCodec.decodeRGBA8(bytes, limits: .init(), fastPath: false)))
            }
            _ = ImageErrorKind.of { _ = try PNGCodec.decodeRGBA8(bytes) }
        }
        // The undamaged file is taken; damage makes it fall back at least sometimes.
        #expect(PNGCodec.decodeFast(png, info: try PNGCodec.probe(png)) != nil)
        #expect(taken < 400)
    }
}
