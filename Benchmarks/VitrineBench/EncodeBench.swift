import ArgumentParser
import Foundation
import Render

/// `vitrine-bench encode`: PNG and JPEG encode time and size on rendered frames and a photo,
/// every encoder interleaved in the same run (see Benchmarks/encode/README.md).
struct EncodeBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "PNG/JPEG encode: fast (libdeflate) vs libpng/zlib, median of interleaved runs.")

    @Option(help: "The shared test data folder (default: $VITRINE_SHARED or ../shared).")
    var shared: String = ProcessInfo.processInfo.environment["VITRINE_SHARED"] ?? "../shared"

    @Option(help: "Timed runs of each encoder on each image (after one warm-up).")
    var runs: Int = 15

    @Option(parsing: .upToNextOption, help: "Square sizes to encode at.")
    var sizes: [Int] = [512, 1024]

    @Flag(help: "Also time the other libdeflate levels and filters (the grid behind the choice of .fast).")
    var explore = false

    @Option(parsing: .upToNextOption, help: "Square sizes for the decode table (textures); none to skip it.")
    var decodeSizes: [Int] = [1024, 2048]

    /// One encoder under test.
    struct Encoder {
        var name: String
        var encode: (RGBA8Image) throws -> [UInt8]
    }

    var encoders: [Encoder] {
        var list: [Encoder] = [
            Encoder(name: "PNG .fast (libdeflate 2, up)") { try PNGCodec.encode($0, compression: .fast) },
            Encoder(name: "PNG libpng zlib 1 (adaptive)") { try PNGCodec.encode($0, compression: .libpng(level: 1)) },
            Encoder(name: "PNG libpng zlib 1 (none)") {
                try PNGCodec.encode($0, compression: .tuned(engine: .libpng, level: 1, filter: .none))
            },
            Encoder(name: "PNG libpng zlib 1 (up)") {
                try PNGCodec.encode($0, compression: .tuned(engine: .libpng, level: 1, filter: .up))
            },
            Encoder(name: "PNG libpng zlib 6 (adaptive)") { try PNGCodec.encode($0, compression: .libpng(level: 6)) },
            Encoder(name: "PNG .level(6) (libdeflate, adaptive)") { try PNGCodec.encode($0, compression: .level(6)) },
            Encoder(name: "JPEG q85 (RGBA input)") { try JPEGCodec.encode($0, quality: 85) },
        ]
        if explore {
            for level in [1, 2, 4] {
                for filter in [PNGFilter.none, .sub, .up, .paeth, .adaptive] {
                    list.append(
                        Encoder(name: "PNG libdeflate \(level) (\(filter))") {
                            try PNGCodec.encode(
                                $0, compression: .tuned(engine: .libdeflate, level: level, filter: filter))
                        })
                }
            }
        }
        return list
    }

    func run() throws {
        let sources = try loadSources()
        print(
            "| image | size | encoder | median ms | p90 ms | median CPU ms | bytes | time vs libpng 1 | size vs libpng 1 |"
        )
        print("|---|---:|---|---:|---:|---:|---:|---:|---:|")
        for (name, source) in sources {
            for size in sizes {
                let image = squareCrop(source).resized(width: size, height: size)
                try measure(name: name, image: image)
            }
        }
        if !decodeSizes.isEmpty, let (name, frame) = sources.first {
            try measureDecode(name: name, source: frame)
        }
    }

    /// Decode times of textures (PNG written by libpng at zlib 6, JPEG q90) and of an HDR
    /// environment: what preparing a model and an environment costs.
    private func measureDecode(name: String, source: RGBA8Image) throws {
        print("")
        print("| decode | size | bytes | median ms | p90 ms | median CPU ms |")
        print("|---|---:|---:|---:|---:|---:|")
        var inputs: [(String, Int, [UInt8], ([UInt8]) throws -> Void)] = []
        for size in decodeSizes {
            let image = squareCrop(source).resized(width: size, height: size)
            let png = try PNGCodec.encode(image, compression: .libpng(level: 6))
            let jpeg = try JPEGCodec.encode(image, quality: 90)
            inputs.append(("PNG RGBA (\(name))", size, png, { _ = try PNGCodec.decodeRGBA8($0) }))
            inputs.append(
                (
                    "PNG RGBA via libpng only (peer)", size, png,
                    {
                        _ = try PNGCodec.decodeRGBA8($0, limits: .init(), fastPath: false)
                    }
                ))
            inputs.append(("JPEG q90 (\(name))", size, jpeg, { _ = try JPEGCodec.decodeRGBA8($0) }))
        }
        let hdrURL = URL(fileURLWithPath: shared).appendingPathComponent("environments/studio_small_03_1k.hdr")
        if let hdr = FileManager.default.contents(atPath: hdrURL.path) {
            inputs.append(("Radiance HDR (studio_small_03_1k)", 1024, [UInt8](hdr), { _ = try HDRCodec.decode($0) }))
        }
        for (label, size, bytes, decode) in inputs {
            try decode(bytes)  // warm-up
            var wall: [Double] = []
            var cpu: [Double] = []
            for _ in 0..<runs {
                let cpuStart = threadCPUSeconds()
                let start = DispatchTime.now().uptimeNanoseconds
                try decode(bytes)
                wall.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                cpu.append((threadCPUSeconds() - cpuStart) * 1000)
            }
            print(
                "| \(label) | \(size)\(label.hasPrefix("Radiance") ? "x512" : "²") | \(bytes.count) | "
                    + "\(format(percentile(wall, 0.5))) | \(format(percentile(wall, 0.9))) | \(format(percentile(cpu, 0.5))) |"
            )
        }
    }

    /// Times every encoder on one image, interleaved run by run so that machine noise hits
    /// them alike.
    private func measure(name: String, image: RGBA8Image) throws {
        let list = encoders
        var wall = [[Double]](repeating: [], count: list.count)
        var cpu = [[Double]](repeating: [], count: list.count)
        var bytes = [Int](repeating: 0, count: list.count)
        for (k, encoder) in list.enumerated() { bytes[k] = try encoder.encode(image).count }  // warm-up
        for _ in 0..<runs {
            for (k, encoder) in list.enumerated() {
                let cpuStart = threadCPUSeconds()
                let start = DispatchTime.now().uptimeNanoseconds
                let output = try encoder.encode(image)
                let end = DispatchTime.now().uptimeNanoseconds
                cpu[k].append((threadCPUSeconds() - cpuStart) * 1000)
                wall[k].append(Double(end - start) / 1e6)
                precondition(output.count == bytes[k], "non-deterministic size")
            }
        }
        let reference = list.firstIndex { $0.name.hasPrefix("PNG libpng zlib 1 (adaptive)") } ?? 0
        let referenceMs = percentile(wall[reference], 0.5)
        for (k, encoder) in list.enumerated() {
            let median = percentile(wall[k], 0.5)
            print(
                "| \(name) | \(image.width)² | \(encoder.name) | \(format(median)) | \(format(percentile(wall[k], 0.9))) | "
                    + "\(format(percentile(cpu[k], 0.5))) | \(bytes[k]) | \(format(referenceMs / median))x | "
                    + "\(format(Double(bytes[k]) / Double(bytes[reference]))) |")
        }
    }

    /// Rendered frames (llvmpipe reference frames of three products) and a photo.
    private func loadSources() throws -> [(String, RGBA8Image)] {
        let root = URL(fileURLWithPath: shared)
        func load(_ relative: String) throws -> RGBA8Image {
            let url = root.appendingPathComponent(relative)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw ValidationError("missing \(url.path): pass --shared or set VITRINE_SHARED")
            }
            return try ImageCodec.decodeRGBA8([UInt8](data))
        }
        return [
            ("SheenChair frame", try load("reference/llvmpipe/SheenChair/512_linear/f00.png")),
            ("DamagedHelmet frame", try load("reference/llvmpipe/DamagedHelmet/512_linear/f00.png")),
            ("ToyCar frame", try load("reference/llvmpipe/ToyCar/512_linear/f09.png")),
            ("photo (Pilots.jpg)", try load("photos/Pilots.jpg")),
        ]
    }

    private func squareCrop(_ image: RGBA8Image) -> RGBA8Image {
        let side = min(image.width, image.height)
        if image.width == side && image.height == side { return image }
        let x0 = (image.width - side) / 2
        let y0 = (image.height - side) / 2
        var pixels = [UInt8]()
        pixels.reserveCapacity(side * side * 4)
        for y in y0..<(y0 + side) {
            pixels += image.pixels[((y * image.width + x0) * 4)..<((y * image.width + x0 + side) * 4)]
        }
        return RGBA8Image(width: side, height: side, pixels: pixels)
    }

    private func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }

    private func format(_ value: Double) -> String { String(format: value < 10 ? "%.2f" : "%.1f", value) }

    private func threadCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
