import ArgumentParser
import Dispatch
import Foundation
import Render

/// `vitrine-bench shading`: material evaluation + shading per pixel (4 trilinear textures,
/// studio light), and environment preparation time.
struct ShadingBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shading", abstract: "ns per pixel of evaluate + shade, and environment preparation time.")

    @Option(help: "Shaded pixels per run.") var pixels = 100_000
    @Option(help: "Timed runs (the median is reported).") var runs = 15
    @Flag(help: "Add a key light.") var keyLight = false
    @Flag(help: "Skip the environment preparation timing.") var skipPrepare = false
    @Option(help: "Texture size (square).") var textureSize = 1024
    @Option(help: "A Radiance .hdr panorama to time instead of the generated studio.") var hdr: String?

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
        // Environment preparation (1024 x 512 panorama, fresh, not the cached studio).
        if !skipPrepare {
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
            print(
                "environment 1024x512: prepare \(fmt(wall[1])) ms wall, \(fmt(cpu[1])) ms CPU (all threads; median of 3)"
            )
        }

        let env = Environment.studio()
        let material = Self.material(size: textureSize)
        let light = keyLight ? KeyLight(direction: SIMD3(-0.3, -1, -0.5), color: SIMD3(repeating: 2)) : nil
        let shader = SurfaceShader(environment: env, keyLight: light)
        let attributes = Self.attributes(count: pixels, textureSize: textureSize)
        var times: [Double] = []
        var checksum = SIMD3<Float>.zero
        for _ in 0..<(runs + 2) {
            let start = Self.cpuNanoseconds()
            var sum = SIMD3<Float>.zero
            for a in attributes {
                let s = MaterialEvaluator.evaluate(a, material: material, override: nil)
                sum += shader.shade(s, wo: SIMD3(0, 0, 1))
            }
            times.append((Self.cpuNanoseconds() - start) / Double(pixels))
            checksum = sum
        }
        times = Array(times.dropFirst(2)).sorted()
        print(
            "evaluate + shade (4 trilinear textures\(keyLight ? ", key light" : "")): median \(fmt(times[times.count / 2])) ns/pixel (thread CPU time), "
                + "min \(fmt(times[0])), max \(fmt(times[times.count - 1])) (\(pixels) pixels x \(runs) runs; checksum \(checksum.sum()))"
        )
    }

    private func fmt(_ x: Double) -> String { String(Double(Int(x * 10)) / 10) }

    /// Base colour (sRGB), metallic-roughness, normal and occlusion maps, `size`^2 each.
    static func material(size: Int) -> PreparedMaterial {
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
}
