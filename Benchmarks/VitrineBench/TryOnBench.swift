import ArgumentParser
import Foundation
import Render

/// `vitrine-bench tryon`: one try-on request end to end (decode a 1080x1440 JPEG, parse the
/// keypoints, warp, shade, feather, composite, encode JPEG q85), single thread, on the OpenCV
/// peer's own inputs, optionally followed by the peer itself in the same session.
struct TryOnBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tryon", abstract: "Try-on request time (median of many), next to the OpenCV TPS peers.")

    @Option(help: "The OpenCV peer folder (its run.sh makes photo.jpg, garment.png, garment.json).")
    var peer: String = "../shared/peers/opencv-tps"

    @Option(help: "Keypoints of the photo (the peer's targets come from the same file).")
    var keypoints: String = "../shared/photos/astronaut.keypoints.json"

    @Option(help: "Timed requests (the median is reported).") var runs = 50
    @Option(help: "Untimed warm-up requests.") var warmup = 5
    @Option(help: "Run the OpenCV peer (bash run.sh --runs N) after ours, in the same session.")
    var peerRuns: Int?
    @Option(help: "Write the last output here.") var out: String?
    @Option(help: "Also wear this 3D accessory (e.g. sunglasses), drawn by the 3D renderer.") var accessory: String?
    @Option(help: "The 3D accessory folder.") var accessories: String = "assets/accessories"
    @Flag(help: "Turn shading transfer and feathering off (to measure what they cost).") var plain = false

    func run() throws {
        let peerDir = URL(fileURLWithPath: peer)
        func read(_ name: String) throws -> [UInt8] {
            guard let data = FileManager.default.contents(atPath: peerDir.appendingPathComponent(name).path) else {
                throw ValidationError("\(peer)/\(name) is missing: run `bash \(peer)/run.sh` once, it makes the inputs")
            }
            return [UInt8](data)
        }
        let photo = try read("photo.jpg")
        let item = try TryOnItem.load(
            id: "garment", json: try read("garment.json"), image: try read("garment.png"), defaultCategory: .top)
        guard let keypointBytes = FileManager.default.contents(atPath: keypoints) else {
            throw ValidationError("cannot read \(keypoints)")
        }
        var catalogue = ItemCatalogue(items: [item])
        var ids = ["garment"]
        if let accessory {
            let folder = try ItemCatalogue(directory: URL(fileURLWithPath: accessories))
            guard let model = folder.accessories[accessory] else {
                throw ValidationError("no 3D accessory '\(accessory)' in \(accessories)")
            }
            catalogue.insert(model)
            ids.append(accessory)
        }
        let renderer = TryOnRenderer(catalogue: catalogue)
        var options = TryOnOptions()
        options.format = .jpeg
        options.quality = 85
        // The peer uses every keypoint whatever its score; points outside the photo are still
        // unknown here (the right hip is estimated from the left one).
        options.scoreThreshold = 0
        if plain {
            options.shadingStrength = 0
            options.feather = false
        }

        var samples: [(TryOnTimings, wall: Double, cpu: Double)] = []
        var last: TryOnResult?
        for i in 0..<(warmup + runs) {
            let wall0 = DispatchTime.now().uptimeNanoseconds
            let cpu0 = Self.threadCPUSeconds()
            let result = try renderer.compose(
                photo: photo, keypoints: [UInt8](keypointBytes), items: ids, options: options)
            let cpu = Self.threadCPUSeconds() - cpu0
            let wall = Double(DispatchTime.now().uptimeNanoseconds - wall0) * 1e-9
            if i >= warmup { samples.append((result.timings, wall, cpu)) }
            last = result
        }
        guard let last else { return }
        if let out { try Data(last.encoded).write(to: URL(fileURLWithPath: out)) }

        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] * 1000 }
        func ms(_ v: Double) -> String { String(format: "%.2f", v) }
        let t = samples.map(\.0)
        let walls = samples.map(\.wall)
        print(
            "# vitrine try-on, 1 thread, \(runs) runs after \(warmup) warm-up, \(plain ? "plain" : "shading + feather"), "
                + "items \(ids)"
        )
        print(
            "# photo \(last.image.width)x\(last.image.height) JPEG \(photo.count) B -> JPEG q85 \(last.encoded.count) B"
        )
        for w in last.warnings { print("# warning: \(w)") }
        print("| stage | median ms |")
        print("|---|---:|")
        print("| decode (keypoints + photo) | \(ms(median(t.map(\.decode)))) |")
        print("| fit (body, spline, mesh) | \(ms(median(t.map(\.fit)))) |")
        print("| shading transfer | \(ms(median(t.map(\.shading)))) |")
        print("| draw (sample, feather, shade, over) | \(ms(median(t.map(\.draw)))) |")
        print("| encode | \(ms(median(t.map(\.encode)))) |")
        print(
            "| **total (wall)** | **\(ms(median(walls)))** (min \(ms(walls.min()! * 1000)), max \(ms(walls.max()! * 1000))) |"
        )
        print("| total (thread CPU) | \(ms(median(samples.map(\.cpu)))) |")

        if let peerRuns {
            print("\n# OpenCV peers, same session: bash \(peer)/run.sh --runs \(peerRuns)")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["run.sh", "--runs", "\(peerRuns)"]
            process.currentDirectoryURL = peerDir
            try process.run()
            process.waitUntilExit()
        }
    }

    /// CPU time of the calling thread (excludes time the thread waited for a core).
    static func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}
