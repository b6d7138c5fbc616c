import ArgumentParser
import Batch
import Foundation
import Render

/// `vitrine turntable MODEL --frames 36 --out DIR`: a 360° turntable, one file per frame, an
/// optional sprite sheet and a manifest.
struct TurntableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "turntable",
        abstract: "Render a turntable: frames, an optional sprite sheet and manifest.json.",
        discussion: """
            Frames go round the product in --frames yaw steps from its front, for --rows pitch rows \
            20° apart centred on 15°. The output bytes depend only on the model and the options, \
            never on --threads.
            """)

    @OptionGroup var arguments: RenderArguments

    @Option(help: "Yaw steps per row.")
    var frames: Int = 36

    @Option(help: "Pitch rows.")
    var rows: Int = 1

    @Flag(help: "Also write the frames as one sprite sheet (column = yaw, row = pitch).")
    var sprite = false

    @Option(help: "Output folder (created if missing).")
    var out: String

    func validate() throws {
        guard (1...360).contains(frames) else { throw ValidationError("--frames must be in 1...360") }
        guard (1...9).contains(rows) else { throw ValidationError("--rows must be in 1...9") }
    }

    func run() throws {
        let scene = try arguments.prepareScene()
        let environment = try arguments.environment()
        let base = try arguments.renderOptions()
        let format = try arguments.outputFormat(for: "frame.png")
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let renderer = Renderer(threads: arguments.threads)
        let path = TurntablePath(frames: frames, rows: rows)
        var sheet =
            sprite ? TurntableSheet(cellWidth: base.width, cellHeight: base.height, columns: frames, rows: rows) : nil
        var entries: [Manifest.Image] = []
        var renderMs: [Double] = []
        var encodeMs: [Double] = []
        for stop in path.stops {
            var options = base
            options.camera = .orbit(
                OrbitCamera(
                    yawDegrees: stop.yawDegrees, pitchDegrees: stop.pitchDegrees, fovDegrees: arguments.fov,
                    zoom: arguments.zoom))
            let frame = try renderer.render(scene, environment: environment, options: options)
            let t0 = DispatchTime.now().uptimeNanoseconds
            let bytes = try arguments.encode(frame.image, as: format)
            encodeMs.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
            renderMs.append(frame.timings.total)
            let name = String(format: "frame_%03d.%@", stop.index, format.fileExtension)
            try Data(bytes).write(to: folder.appendingPathComponent(name))
            sheet?.place(frame.image, row: stop.row, column: stop.column)
            entries.append(
                Manifest.Image(
                    file: name, row: stop.row, column: stop.column, yaw: stop.yawDegrees, pitch: stop.pitchDegrees,
                    sha256: Checksum.sha256(bytes)))
        }
        var spriteEntry: Manifest.Sprite?
        if let sheet {
            let bytes = try arguments.encode(sheet.image, as: format)
            let name = "sprite.\(format.fileExtension)"
            try Data(bytes).write(to: folder.appendingPathComponent(name))
            spriteEntry = Manifest.Sprite(
                file: name, columns: frames, rows: rows, width: sheet.image.width, height: sheet.image.height,
                sha256: Checksum.sha256(bytes))
        }
        let manifest = Manifest(
            model: (arguments.model as NSString).lastPathComponent, variant: arguments.variant, frames: frames,
            rows: rows, width: base.width, height: base.height, samples: base.samples, format: format.rawValue,
            renderer: RendererVersion.string, images: entries, sprite: spriteEntry)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(manifest).write(to: folder.appendingPathComponent("manifest.json"))
        if arguments.timings {
            let sorted = renderMs.sorted()
            let median = sorted[sorted.count / 2]
            let p95 = sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.95).rounded(.up)) - 1)]
            print(
                "frames \(entries.count): render median \(String(format: "%.2f", median)) ms, p95 "
                    + "\(String(format: "%.2f", p95)) ms; encode median "
                    + "\(String(format: "%.2f", encodeMs.sorted()[encodeMs.count / 2])) ms")
        }
    }

    /// `manifest.json`.
    struct Manifest: Codable {
        struct Image: Codable {
            var file: String
            var row: Int
            var column: Int
            var yaw: Float
            var pitch: Float
            var sha256: String
        }
        struct Sprite: Codable {
            var file: String
            var columns: Int
            var rows: Int
            var width: Int
            var height: Int
            var sha256: String
        }
        var model: String
        var variant: String?
        var frames: Int
        var rows: Int
        var width: Int
        var height: Int
        var samples: Int
        var format: String
        var renderer: String
        var images: [Image]
        var sprite: Sprite?
    }
}
