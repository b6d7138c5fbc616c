import ArgumentParser
import Foundation
import Render

/// `vitrine-bench render`: turntable frame times of one model, the same views as the llvmpipe
/// peer (yaw 10° steps, pitch 15°, orbit framing), for every size x anti-aliasing x threads
/// combination; median and p95 wall and CPU ms per frame, stage times, peak RSS and encode
/// times, as JSON for Benchmarks/render/report.py (see Benchmarks/render/README.md).
struct RenderBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render", abstract: "Turntable frame times of one model (Vitrine side of Benchmarks/render).")

    @Option(help: "The model file.")
    var model: String

    @Option(help: "Name in the results (default: the file name without extension).")
    var name: String?

    @Option(parsing: .upToNextOption, help: "Square sizes.")
    var sizes: [Int] = [512, 1024]

    @Option(parsing: .upToNextOption, help: "Samples per pixel.")
    var aa: [Int] = [1, 4]

    @Option(parsing: .upToNextOption, help: "Thread counts.")
    var threads: [Int] = [1, 2]

    @Option(help: "Frames: all (36), quarter (0, 9, 18, 27) or a comma list of indices.")
    var frames: String = "all"

    @Option(help: "Write the results as JSON here.")
    var jsonOut: String?

    /// One configuration's figures.
    struct Run: Codable {
        var model: String
        var triangles: Int
        var size: Int
        var aa: Int
        var threads: Int
        var frames: [Int]
        var medianMs: Double
        var p95Ms: Double
        var minMs: Double
        var firstMs: Double
        var cpuMedianMs: Double
        var stageMedianMs: [String: Double]
        var peakRSSKiB: Int?
        var encodePNGMedianMs: Double
        var encodeJPEGMedianMs: Double
        var pngBytes: Int
        var prepareMs: Double
    }

    func run() throws {
        let indices = try frameIndices()
        let displayName = name ?? ((model as NSString).lastPathComponent as NSString).deletingPathExtension
        let t0 = DispatchTime.now().uptimeNanoseconds
        let scene = try PreparedScene(scene: SceneLoader.load(contentsOf: URL(fileURLWithPath: model)))
        let prepareMs = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
        let environment = Environment.studio()
        var runs: [Run] = []
        for threadCount in threads {
            let renderer = Renderer(threads: threadCount)
            for size in sizes {
                for samples in aa {
                    Self.resetPeakRSS()
                    var options = RenderOptions()
                    options.width = size
                    options.height = size
                    options.samples = samples
                    func render(_ i: Int) throws -> (Frame, Double, Double) {
                        options.camera = .orbit(OrbitCamera(yawDegrees: Float(i) * 10, pitchDegrees: 15))
                        let c0 = Self.cpuNanos()
                        let w0 = DispatchTime.now().uptimeNanoseconds
                        let frame = try renderer.render(scene, environment: environment, options: options)
                        let wall = Double(DispatchTime.now().uptimeNanoseconds - w0) / 1e6
                        return (frame, wall, Double(Self.cpuNanos() - c0) / 1e6)
                    }
                    let first = try render(indices[0]).1
                    var walls: [Double] = []
                    var cpus: [Double] = []
                    var stages: [String: [Double]] = [:]
                    var pngMs: [Double] = []
                    var jpegMs: [Double] = []
                    var pngBytes = 0
                    for i in indices {
                        let (frame, wall, cpu) = try render(i)
                        walls.append(wall)
                        cpus.append(cpu)
                        let t = frame.timings
                        for (k, v) in [
                            ("setup", t.setup), ("bin", t.bin), ("raster", t.raster), ("shade", t.shade),
                            ("present", t.present),
                        ] {
                            stages[k, default: []].append(v)
                        }
                        let e0 = DispatchTime.now().uptimeNanoseconds
                        let png = try PNGCodec.encode(frame.image, compression: .fast)
                        let e1 = DispatchTime.now().uptimeNanoseconds
                        _ = try JPEGCodec.encode(frame.image, quality: 85)
                        let e2 = DispatchTime.now().uptimeNanoseconds
                        pngMs.append(Double(e1 - e0) / 1e6)
                        jpegMs.append(Double(e2 - e1) / 1e6)
                        pngBytes = png.count
                    }
                    let run = Run(
                        model: displayName, triangles: scene.triangleCount(), size: size, aa: samples,
                        threads: threadCount, frames: indices, medianMs: Self.percentile(walls, 50),
                        p95Ms: Self.percentile(walls, 95), minMs: walls.min() ?? 0, firstMs: first,
                        cpuMedianMs: Self.percentile(cpus, 50),
                        stageMedianMs: stages.mapValues { Self.percentile($0, 50) }, peakRSSKiB: Self.peakRSSKiB(),
                        encodePNGMedianMs: Self.percentile(pngMs, 50), encodeJPEGMedianMs: Self.percentile(jpegMs, 50),
                        pngBytes: pngBytes, prepareMs: prepareMs)
                    runs.append(run)
                    print(
                        String(
                            format: "%@ %d² %dx thr=%d: median %.2f ms p95 %.2f ms (cpu %.2f ms) "
                                + "[bin %.2f raster %.2f shade %.2f present %.2f] png %.2f ms jpeg %.2f ms rss %d KiB",
                            displayName, size, samples, threadCount, run.medianMs, run.p95Ms, run.cpuMedianMs,
                            run.stageMedianMs["bin"] ?? 0, run.stageMedianMs["raster"] ?? 0,
                            run.stageMedianMs["shade"] ?? 0, run.stageMedianMs["present"] ?? 0,
                            run.encodePNGMedianMs, run.encodeJPEGMedianMs, run.peakRSSKiB ?? -1))
                }
            }
        }
        if let jsonOut {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(runs).write(to: URL(fileURLWithPath: jsonOut))
        }
    }

    func frameIndices() throws -> [Int] {
        switch frames {
        case "all": return Array(0..<36)
        case "quarter": return [0, 9, 18, 27]
        default:
            let list = frames.split(separator: ",").compactMap { Int($0) }
            guard !list.isEmpty else { throw ValidationError("--frames: all, quarter or a comma list") }
            return list
        }
    }

    /// Linear-interpolated percentile (numpy's default), as the peer reports.
    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let v = values.sorted()
        guard !v.isEmpty else { return 0 }
        let rank = p / 100 * Double(v.count - 1)
        let lo = Int(rank.rounded(.down))
        let hi = min(lo + 1, v.count - 1)
        return v[lo] + (v[hi] - v[lo]) * (rank - Double(lo))
    }

    /// Process CPU time (all threads).
    static func cpuNanos() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    /// Resets the kernel's peak-RSS mark (VmHWM) of this process (Linux).
    static func resetPeakRSS() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    /// VmHWM in KiB (Linux), `nil` elsewhere.
    static func peakRSSKiB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "")
        }
        return nil
    }
}
