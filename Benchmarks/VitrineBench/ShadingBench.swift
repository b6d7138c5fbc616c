import ArgumentParser
import Dispatch
import Foundation
import Render

/// `vitrine-bench shading`: material evaluation + shading per pixel (4 trilinear textures,
/// studio light) through the scalar reference and the batched 8-lane path, tone mapping + sRGB
/// encode both ways, and environment preparation time.
struct ShadingBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shading",
        abstract: "ns per pixel of evaluate + shade (scalar and batched), tone map + encode, environment preparation.")

    @Option(help: "Shaded pixels per run.") var pixels = 100_000
    @Option(help: "Timed runs (the median is reported).") var runs = 15
    @Flag(help: "Add a key light.") var keyLight = false
    @Flag(help: "Add KHR_materials_sheen and KHR_materials_clearcoat (factors, no textures).") var layers = false
    @Flag(help: "Skip the environment preparation timing.") var skipPrepare = false
    @Option(help: "Texture size (square).") var textureSize = 1024
    @Option(help: "A Radiance .hdr panorama to time instead of the generated studio.") var hdr: String?
    @Option(help: "Time only one path, `scalar` or `batched` (e.g. for profiling).") var only: String?

    /// CPU time of this thread or process, in nanoseconds (robust to other load on the machine).
    static func cpuNanoseconds(process: Bool = false) -> Double {
        var ts = timespec()
        clock_gettime(process ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) * 1e9 + Double(ts.tv_nsec)
    }

    func run() throws {
        // First use of the split-sum table (once per process).
        let lutStart = DispatchTime.now().uptimeNanoseconds
        _ = BRDFLookupTable.shared.lookup(nDotV: 0.5, roughness: 0.5)
        let lutMs = Double(DispatchTime.now().uptimeNanoseconds - lutStart) / 1e6
        print("split-sum LUT: \(fmt(lutMs)) ms wall on first use (rows on all cores)")
        if !skipPrepare { try timePreparation() }

        let env = Environment.studio()
        let material = Self.material(size: textureSize, layers: layers)
        let light = keyLight ? KeyLight(direction: SIMD3(-0.3, -1, -0.5), color: SIMD3(repeating: 2)) : nil
        let shader = SurfaceShader(environment: env, keyLight: light)
        let batchShader = BatchShader(shader)
        let attributes = Self.attributes(count: pixels, textureSize: textureSize)
        let wo = SIMD3<Float>(0, 0, 1)
        var batches = Self.batches(attributes, wo: wo)
        let what =
            "4 trilinear \(textureSize)² textures" + (layers ? ", sheen + clearcoat" : "")
            + (keyLight ? ", key light" : "")

        var colors = [SIMD3<Float>](repeating: .zero, count: attributes.count)
        func shadeScalar() {
            colors.withUnsafeMutableBufferPointer { out in
                for (i, a) in attributes.enumerated() {
                    let s = MaterialEvaluator.evaluate(a, material: material, override: nil)
                    out[i] = shader.shade(s, wo: wo)
                }
            }
        }
        func shadeBatched() {
            batches.withUnsafeMutableBufferPointer { b in
                for i in 0..<b.count { batchShader.shade(&b[i], material: material, override: nil) }
            }
        }
        // With --only, the other path still runs once (untimed) for the comparison.
        var scalar: (median: Double, min: Double, max: Double)?
        var batched: (median: Double, min: Double, max: Double)?
        if only == "batched" { shadeScalar() } else { scalar = measure(shadeScalar) }
        if only == "scalar" { shadeBatched() } else { batched = measure(shadeBatched) }
        // Same results both ways (bit for bit: the batched path mirrors the scalar operations).
        var mismatches = 0
        for (k, batch) in batches.enumerated() {
            for i in 0..<batch.count where batch.output.rgb[lane: i] != colors[k * 8 + i] { mismatches += 1 }
        }
        if let scalar { report("evaluate + shade (\(what)), scalar ", scalar) }
        if let batched { report("evaluate + shade (\(what)), batched", batched) }
        if let scalar, let batched {
            print("  batched is \(fmt(scalar.median / batched.median))x the scalar speed; \(mismatches) pixels differ")
        }
        guard only == nil else { return }

        let mapper = ToneMapper(mode: .pbrNeutral, exposure: 0)
        var bytes = [UInt32](repeating: 0, count: attributes.count)
        let mapScalar = measure {
            bytes.withUnsafeMutableBufferPointer { out in
                for i in 0..<colors.count {
                    let c = mapper.encode(colors[i])
                    out[i] = UInt32(c.x) | UInt32(c.y) << 8 | UInt32(c.z) << 16 | 0xFF00_0000
                }
            }
        }
        var bytes8 = [SIMD8<UInt32>](repeating: .zero, count: batches.count)
        let mapBatched = measure {
            bytes8.withUnsafeMutableBufferPointer { out in
                for i in 0..<batches.count {
                    let (r, g, b) = mapper.encode8(batches[i].output.rgb)
                    let packed = r | (g &<< 8) | (b &<< 16) | SIMD8(repeating: Int32(bitPattern: 0xFF00_0000))
                    out[i] = SIMD8<UInt32>(truncatingIfNeeded: packed)
                }
            }
        }
        let mapMismatches = (0..<colors.count).filter { bytes[$0] != bytes8[$0 / 8][$0 % 8] }.count
        report("PBR Neutral + sRGB encode, scalar ", mapScalar)
        report("PBR Neutral + sRGB encode, batched", mapBatched)
        print(
            "  batched is \(fmt(mapScalar.median / mapBatched.median))x the scalar speed; \(mapMismatches) pixels differ"
        )
    }

    /// Median, min and max of `runs` timed runs (after 2 warm-up runs), in ns per pixel of thread CPU time.
    private func measure(_ body: () -> Void) -> (median: Double, min: Double, max: Double) {
        var times: [Double] = []
        for _ in 0..<(runs + 2) {
            let start = Self.cpuNanoseconds()
            body()
            times.append((Self.cpuNanoseconds() - start) / Double(pixels))
        }
        times = Array(times.dropFirst(2)).sorted()
        return (times[times.count / 2], times[0], times[times.count - 1])
    }

    private func report(_ label: String, _ t: (median: Double, min: Double, max: Double)) {
        print(
            "\(label): median \(fmt(t.median)) ns/pixel (thread CPU time), min \(fmt(t.min)), max \(fmt(t.max))"
                + " (\(pixels) pixels x \(runs) runs)")
    }

    private func timePreparation() throws {
        // Environment preparation (1024 x 512 panorama, fresh, not the cached studio).
        let image =
            try hdr.map { try HDRCodec.decode(Array(FileManager.default.contents(atPath: $0) ?? Data())) }
            ?? StudioEnvironment.image()
        var wall: [Double] = []
        var cpu: [Double] = []
        for _ in 0..<3 {
            let c0 = Self.cpuNanoseconds(process: true)
            wall.append(Environment(equirect: image).preparationSeconds * 1000)
            cpu.append((Self.cpuNanoseconds(process: true) - c0) / 1e6)
        }
        wall.sort()
        cpu.sort()
        print("environment 1024x512: prepare \(fmt(wall[1])) ms wall, \(fmt(cpu[1])) ms CPU (all threads; median of 3)")
    }

    private func fmt(_ x: Double) -> String { String(Double(Int(x * 10)) / 10) }

    /// Base colour (sRGB), metallic-roughness, normal and occlusion maps, `size`^2 each.
    static func material(size: Int, layers: Bool) -> PreparedMaterial {
        func texture(_ seed: UInt32, color: Bool) -> PreparedTexture {
            var img = RGBA8Image(width: size, height: size)
            var s = seed
            img.pixels.withUnsafeMutableBufferPointer { p in
                for i in 0..<p.count {
                    s = s &* 1_664_525 &+ 1_013_904_223
                    p[i] = UInt8(truncatingIfNeeded: s >> 24) | 0x40
                }
            }
            return PreparedTexture(image: img, sampler: Sampler(), isColor: color)
        }
        let textures = [
            texture(1, color: true), texture(2, color: false), texture(3, color: false), texture(4, color: false),
        ]
        var m = Material()
        m.baseColorTexture = TextureBinding(texture: 0)
        m.metallicRoughnessTexture = TextureBinding(texture: 1)
        m.normalTexture = TextureBinding(texture: 2)
        m.occlusionTexture = TextureBinding(texture: 3)
        if layers {
            var sheen = Sheen()
            sheen.colorFactor = SIMD3(0.8, 0.7, 0.6)
            sheen.roughnessFactor = 0.5
            var coat = Clearcoat()
            coat.factor = 0.8
            coat.roughnessFactor = 0.2
            m.sheen = sheen
            m.clearcoat = coat
        }
        return PreparedMaterial(material: m) { i, _ in textures[i] }
    }

    /// A sphere of normals with UVs sweeping the texture, ~3 texels per pixel (trilinear).
    static func attributes(count: Int, textureSize: Int) -> [SurfaceAttributes] {
        let side = Int(Double(count).squareRoot().rounded(.up))
        return (0..<count).map { i in
            let x = Float(i % side) / Float(side) * 2 - 1
            let y = Float(i / side) / Float(side) * 2 - 1
            var a = SurfaceAttributes()
            let r2 = min(x * x + y * y, 0.99)
            a.normal = SIMD3(x, y, (1 - r2).squareRoot()) / (x * x + y * y + (1 - r2)).squareRoot()
            a.tangent = SIMD4(1, 0, 0, 1)
            a.uv0 = SIMD2(x * 0.5 + 0.5, y * 0.5 + 0.5)
            a.duv0dx = SIMD2(3.0 / 1024, 0.2 / 1024) * (1024 / Float(textureSize))
            a.duv0dy = SIMD2(0.1 / 1024, 2.5 / 1024) * (1024 / Float(textureSize))
            return a
        }
    }

    /// The same points in batches of 8 consecutive pixels (the last one partial).
    static func batches(_ attributes: [SurfaceAttributes], wo: SIMD3<Float>) -> [ShadingBatch] {
        stride(from: 0, to: attributes.count, by: 8).map { start in
            var b = ShadingBatch()
            for i in start..<min(start + 8, attributes.count) { b.set(lane: i - start, attributes[i], wo: wo) }
            b.count = min(8, attributes.count - start)
            return b
        }
    }
}
