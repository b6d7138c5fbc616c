import Foundation
import Testing
import VitrineTestSupport

@testable import Render

/// Parity with the reference pixelmatch (issue 6).
///
/// How it is compared: 24 pairs are made here from llvmpipe reference frames (a 256x256
/// centre crop of 8 models) and perturbed copies (noise, 1-pixel shifts of every edge, colour
/// and brightness shifts, a box blur that changes the anti-aliasing, alpha changes, a painted
/// block, faint noise near the threshold). Both images of each pair are written as PNG to a
/// temporary folder. One Python process (the PyPI `pixelmatch` package, pinned, in the venv
/// `.build/pyenv-pixelmatch` that the test creates) loads each file with Pillow
/// (`convert("RGBA")`), runs `pixelmatch.core.pixelmatch` with the same options, and prints
/// the counts (and, at threshold 0.1, the diff image bytes) as JSON. Every count must be equal
/// to Swift's ``Pixelmatch`` count, and every diff image byte-identical, for thresholds 0.05
/// and 0.1, with and without `includeAA`: 96 comparisons.
@Suite struct PixelmatchParityTests {
    static let bases = [
        ("DamagedHelmet", "f00"), ("SheenChair", "f09"), ("ToyCar", "f18"), ("CesiumMilkTruck", "f27"),
        ("Duck", "f00"), ("MaterialsVariantsShoe", "f09"), ("AlphaBlendModeTest", "f00"), ("BoxTextured", "f09"),
    ]

    static let script = """
        import base64, json, sys
        from PIL import Image
        from pixelmatch.core import pixelmatch
        jobs = json.load(open(sys.argv[1]))
        images = {}
        def load(path):
            if path not in images:
                im = Image.open(path).convert("RGBA")
                images[path] = (im.tobytes(), im.width, im.height)
            return images[path]
        results = []
        for job in jobs:
            a, width, height = load(job["expected"])
            b, _, _ = load(job["actual"])
            output = bytearray(width * height * 4) if job["diff"] else None
            count = pixelmatch(a, b, width, height, output, threshold=job["threshold"], includeAA=job["includeAA"])
            results.append({"count": count, "diff": base64.b64encode(bytes(output)).decode() if output else None})
        print(json.dumps(results))
        """

    struct Job: Codable {
        var expected: String
        var actual: String
        var threshold: Double
        var includeAA: Bool
        var diff: Bool
    }

    struct Reference: Decodable {
        var count: Int
        var diff: String?
    }

    @Test func countsMatchThePyPIReference() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "vitrine-pixelmatch-parity-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        // 1. The pairs, written as PNG.
        var pairs: [(name: String, expected: RGBA8Image, actual: RGBA8Image)] = []
        for (k, (model, frame)) in Self.bases.enumerated() {
            let base = Perturbation.centreCrop(try TestImages.renderedFrame(model, frame: frame), side: 256)
            for j in 0..<3 {
                let perturbation = Perturbation.allCases[(k * 3 + j) % Perturbation.allCases.count]
                pairs.append(
                    ("\(model)-\(perturbation.rawValue)", base, perturbation.apply(to: base, seed: UInt64(k * 3 + j))))
            }
        }
        #expect(pairs.count >= 20)
        var jobs: [Job] = []
        var swiftResults: [Pixelmatch.Result] = []
        for (index, pair) in pairs.enumerated() {
            let expectedURL = folder.appendingPathComponent("\(index)-expected.png")
            let actualURL = folder.appendingPathComponent("\(index)-actual.png")
            try Data(PNGCodec.encode(pair.expected)).write(to: expectedURL)
            try Data(PNGCodec.encode(pair.actual)).write(to: actualURL)
            for threshold in [0.05, 0.1] {
                for includeAA in [false, true] {
                    let options = Pixelmatch.Options(threshold: threshold, includeAA: includeAA)
                    swiftResults.append(try Pixelmatch.compare(pair.expected, pair.actual, options: options))
                    jobs.append(
                        Job(
                            expected: expectedURL.path, actual: actualURL.path, threshold: threshold,
                            includeAA: includeAA, diff: threshold == 0.1))
                }
            }
        }

        // 2. The reference, all jobs in one Python process.
        let jobsURL = folder.appendingPathComponent("jobs.json")
        try JSONEncoder().encode(jobs).write(to: jobsURL)
        let output = try PythonReference.run(script: Self.script, arguments: [jobsURL.path])
        let references = try JSONDecoder().decode([Reference].self, from: output)
        try #require(references.count == jobs.count)

        // 3. Exact equality of counts and diff images.
        var excludedSomeAA = 0
        for (n, (job, reference)) in zip(jobs, references).enumerated() {
            let mine = swiftResults[n]
            let pair = pairs[n / 4].name
            #expect(
                mine.differingPixels == reference.count,
                "\(pair) threshold \(job.threshold) includeAA \(job.includeAA)")
            if let diff = reference.diff {
                #expect(mine.diffImage?.pixels == [UInt8](Data(base64Encoded: diff) ?? Data()), "\(pair) diff image")
            }
            if !job.includeAA && mine.differingPixels < swiftResults[n + 1].differingPixels { excludedSomeAA += 1 }
        }
        // The pairs exercise the anti-aliasing detection and the thresholds, not only equality.
        #expect(excludedSomeAA >= 10, "anti-aliasing detection changed only \(excludedSomeAA) counts")
        #expect(swiftResults.filter { $0.differingPixels > 0 }.count >= jobs.count * 3 / 4)
    }
}

/// Changes made to a rendered frame for the parity pairs.
enum Perturbation: String, CaseIterable {
    case noise, shiftRight, shiftDown, colourShift, blur, alphaChange, brightness, paintedBlock, faintNoise

    /// The perturbed copy.
    func apply(to image: RGBA8Image, seed: UInt64) -> RGBA8Image {
        var random = TestImages.Random(seed: seed)
        var out = image
        let (w, h) = (image.width, image.height)
        switch self {
        case .noise, .faintNoise:
            let amplitude = self == .noise ? 40 : 4
            for i in 0..<(w * h) where random.int(0...99) < (self == .noise ? 5 : 40) {
                for c in 0..<3 {
                    let v = Int(out.pixels[i * 4 + c]) + random.int(-amplitude...amplitude)
                    out.pixels[i * 4 + c] = UInt8(min(max(v, 0), 255))
                }
            }
        case .shiftRight, .shiftDown:
            let (dx, dy) = self == .shiftRight ? (1, 0) : (0, 1)
            for y in 0..<h {
                for x in 0..<w { out[x, y] = image[max(x - dx, 0), max(y - dy, 0)] }
            }
        case .colourShift:
            for i in 0..<(w * h) where out.pixels[i * 4 + 3] > 0 {
                out.pixels[i * 4] = UInt8(min(Int(out.pixels[i * 4]) + 18, 255))
                out.pixels[i * 4 + 2] = UInt8(max(Int(out.pixels[i * 4 + 2]) - 9, 0))
            }
        case .blur:
            for y in 0..<h {
                for x in 0..<w {
                    var sum = SIMD4<Int>.zero
                    for j in -1...1 {
                        for i in -1...1 {
                            let p = image[min(max(x + i, 0), w - 1), min(max(y + j, 0), h - 1)]
                            sum &+= SIMD4<Int>(Int(p.x), Int(p.y), Int(p.z), Int(p.w))
                        }
                    }
                    out[x, y] = SIMD4<UInt8>(truncatingIfNeeded: sum / 9)
                }
            }
        case .alphaChange:
            for y in 0..<h {
                for x in 0..<(w / 2) {
                    var p = out[x, y]
                    p.w = UInt8(Int(p.w) * 3 / 4)
                    out[x, y] = p
                }
            }
        case .brightness:
            for i in 0..<(w * h) {
                for c in 0..<3 { out.pixels[i * 4 + c] = UInt8(Int(out.pixels[i * 4 + c]) * 93 / 100) }
            }
        case .paintedBlock:
            let x0 = random.int(0...(w - 30))
            let y0 = random.int(0...(h - 20))
            for y in y0..<(y0 + 20) {
                for x in x0..<(x0 + 30) { out[x, y] = SIMD4(200, 40, 90, 255) }
            }
        }
        return out
    }

    /// The centre square of an image.
    static func centreCrop(_ image: RGBA8Image, side: Int) -> RGBA8Image {
        let x0 = (image.width - side) / 2
        let y0 = (image.height - side) / 2
        var out = RGBA8Image(width: side, height: side)
        for y in 0..<side {
            for x in 0..<side { out[x, y] = image[x0 + x, y0 + y] }
        }
        return out
    }
}
