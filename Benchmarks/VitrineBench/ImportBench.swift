import ArgumentParser
import Dispatch
import Foundation
import Render

/// `vitrine-bench import`: time to import models (parse, validate, decode every accessor,
/// read and probe every image), against reading the same bytes from the page cache.
struct ImportBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Median import time of glTF/GLB/OBJ files, and the raw read time as a peer.")

    @Argument(help: "Model files (default: ToyCar, DamagedHelmet, MetalRoughSpheresNoTextures from ../shared).")
    var files: [String] = []

    @Option(help: "Timed runs per file (the median is reported).") var runs = 15

    func run() throws {
        let shared = ProcessInfo.processInfo.environment["VITRINE_SHARED"] ?? "../shared"
        let paths =
            files.isEmpty
            ? [
                "ToyCar/glTF/ToyCar.gltf", "DamagedHelmet/glTF-Binary/DamagedHelmet.glb",
                "MetalRoughSpheresNoTextures/glTF-Binary/MetalRoughSpheresNoTextures.glb",
            ].map { "\(shared)/models/\($0)" } : files
        for path in paths {
            let url = URL(fileURLWithPath: path)
            let scene = try SceneLoader.load(contentsOf: url)
            let bytes = try Self.folderBytes(of: url, scene: scene)
            let importMs = Self.median(runs) { _ = try? SceneLoader.load(contentsOf: url) }
            let readMs = Self.median(runs) {
                var total = 0
                for file in bytes.files { total += (try? Data(contentsOf: file))?.count ?? 0 }
                precondition(total == bytes.total)
            }
            let triangles = scene.meshes.reduce(0) { $0 + $1.primitives.reduce(0) { $0 + $1.triangleCount } }
            print(
                "\(url.lastPathComponent): import \(Self.fmt(importMs)) ms (median of \(runs)), "
                    + "read \(Self.fmt(readMs)) ms for \(bytes.total / 1024) KiB in \(bytes.files.count) file(s); "
                    + "\(triangles) triangles, \(scene.images.count) images")
        }
    }

    /// The model file and the external files next to it that the scene read (images by name).
    static func folderBytes(of url: URL, scene: Scene) throws -> (files: [URL], total: Int) {
        let folder = url.deletingLastPathComponent()
        var files = [url]
        let contents = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        let ext = url.pathExtension.lowercased()
        if ext == "gltf" {
            files += contents.filter { ["bin", "png", "jpg", "jpeg"].contains($0.pathExtension.lowercased()) }
        }
        let total = try files.reduce(0) { $0 + (try Data(contentsOf: $1)).count }
        return (files, total)
    }

    static func median(_ runs: Int, _ body: () -> Void) -> Double {
        var times: [Double] = []
        for _ in 0..<(runs + 2) {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        times = Array(times.dropFirst(2)).sorted()
        return times[times.count / 2]
    }

    static func fmt(_ x: Double) -> String { String(format: "%.2f", x) }
}
