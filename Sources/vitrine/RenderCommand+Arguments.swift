import ArgumentParser
import Foundation
import Render

/// The model and how to draw it: options shared by `vitrine render` and `vitrine turntable`.
struct RenderArguments: ParsableArguments {
    @Argument(help: "The model: a .gltf, .glb or .obj file.")
    var model: String

    @Option(help: "Material variant (KHR_materials_variants) to render, by name.")
    var variant: String?

    @Option(help: "Index of the glTF scene to draw (default: the file's default scene).")
    var scene: Int?

    @Option(help: "Square image size in pixels (sets --width and --height).")
    var size: Int?

    @Option(help: "Image width in pixels (default 512).")
    var width: Int?

    @Option(help: "Image height in pixels (default 512).")
    var height: Int?

    @Option(help: "Anti-aliasing samples per pixel: 1, 2, 4 or 8.")
    var aa: Int = 4

    @Option(help: "Vertical field of view in degrees (orbit camera).")
    var fov: Float = 45

    @Option(help: "Zoom factor of the orbit camera (2 = half the distance).")
    var zoom: Float = 1

    @Option(help: "Background: transparent, #rrggbb, #rrggbbaa or env (the environment).")
    var bg: String = "transparent"

    @Option(help: "Image-based light: studio (built in) or an equirectangular .hdr file.")
    var env: String = "studio"

    @Option(help: "Exposure in stops (EV).")
    var exposure: Float = 0

    @Option(help: "Tone mapping: neutral (Khronos PBR Neutral), aces or none.")
    var tonemap: String = "neutral"

    @Flag(help: "No contact shadow under the product.")
    var noShadow = false

    @Flag(help: "Add a directional key light from the upper left.")
    var keyLight = false

    @Flag(help: "Unlit reference mode: base colour x texture x vertex colour, no lighting, no sRGB encode.")
    var unlit = false

    @Option(
        help: "Force every texture's filter (REPEAT wrap, no mipmaps), as the llvmpipe references: nearest or linear.")
    var filter: String?

    @Option(help: "Worker threads (default: all cores).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Output format: png or jpeg (default: from the output file's extension, else png).")
    var format: String?

    @Option(help: "JPEG quality, 1...100.")
    var quality: Int = 85

    @Flag(help: "Print the time per stage.")
    var timings = false

    /// The key light of `--key-light`: white, intensity 2, travelling down and away from the
    /// upper left of the front view.
    static let defaultKeyLight = KeyLight(direction: SIMD3(0.45, -0.75, -0.5), color: SIMD3(repeating: 2))

    func validate() throws {
        guard SamplePattern.supportedCounts.contains(aa) else { throw ValidationError("--aa must be 1, 2, 4 or 8") }
        for (name, value) in [("--size", size), ("--width", width), ("--height", height)] {
            if let value, !(1...Renderer.maxSide).contains(value) {
                throw ValidationError("\(name) must be in 1...\(Renderer.maxSide)")
            }
        }
        if size != nil && (width != nil || height != nil) {
            throw ValidationError("use either --size or --width/--height")
        }
        guard threads >= 1, threads <= 256 else { throw ValidationError("--threads must be in 1...256") }
        guard fov > 0, fov < 180 else { throw ValidationError("--fov must be between 0 and 180") }
        guard zoom > 0, zoom.isFinite else { throw ValidationError("--zoom must be positive") }
        guard exposure.isFinite else { throw ValidationError("--exposure must be a number") }
        guard ToneMapping(rawValue: tonemap) != nil else {
            throw ValidationError("--tonemap must be neutral, aces or none")
        }
        if let filter, TextureFilterOverride(rawValue: filter) == nil {
            throw ValidationError("--filter must be nearest or linear")
        }
        _ = try background()
        _ = try outputFormat(for: "out.png")
        guard (1...100).contains(quality) else { throw ValidationError("--quality must be in 1...100") }
    }

    /// Image size from `--size`, `--width` and `--height`.
    var imageSize: (width: Int, height: Int) {
        if let size { return (size, size) }
        return (width ?? 512, height ?? 512)
    }

    /// The background of `--bg`.
    func background() throws -> Background {
        switch bg {
        case "transparent": return .transparent
        case "env", "environment": return .environment
        default:
            let hex = bg.hasPrefix("#") ? String(bg.dropFirst()) : bg
            guard hex.count == 6 || hex.count == 8, let value = UInt32(hex, radix: 16) else {
                throw ValidationError("--bg must be transparent, env, #rrggbb or #rrggbbaa (got \(bg))")
            }
            let v = hex.count == 6 ? value << 8 | 0xFF : value
            func c(_ shift: UInt32) -> Float { Float((v >> shift) & 0xFF) / 255 }
            return .color(SIMD4(c(24), c(16), c(8), c(0)))
        }
    }

    /// Output encoding: `--format`, else the extension of `path`.
    func outputFormat(for path: String) throws -> OutputFormat {
        if let format {
            guard let f = OutputFormat(rawValue: format == "jpg" ? "jpeg" : format) else {
                throw ValidationError("--format must be png or jpeg")
            }
            return f
        }
        let ext = (path as NSString).pathExtension.lowercased()
        return ext == "jpg" || ext == "jpeg" ? .jpeg : .png
    }

    /// Options for one frame (the camera is set by the command).
    func renderOptions() throws -> RenderOptions {
        var o = RenderOptions()
        (o.width, o.height) = imageSize
        o.samples = aa
        o.background = try background()
        o.exposure = exposure
        o.toneMapping = ToneMapping(rawValue: tonemap) ?? .pbrNeutral
        o.variant = variant
        o.shadow = !noShadow
        o.keyLight = keyLight ? Self.defaultKeyLight : nil
        o.shading = unlit ? .unlit : .pbr
        o.textureFilterOverride = filter.flatMap(TextureFilterOverride.init(rawValue:))
        o.sceneIndex = scene
        return o
    }

    /// The environment of `--env`.
    func environment() throws -> Environment {
        if env == "studio" { return .studio() }
        let url = URL(fileURLWithPath: env)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ValidationError("cannot read the environment file \(env)")
        }
        return Environment(equirect: try HDRCodec.decode([UInt8](data), limits: DecodeLimits()))
    }

    /// Loads and prepares the model, printing its warnings on standard error.
    func prepareScene() throws -> PreparedScene {
        let scene = try SceneLoader.load(contentsOf: URL(fileURLWithPath: model))
        let prepared = try PreparedScene(scene: scene)
        for warning in prepared.warnings {
            FileHandle.standardError.write(Data("warning: \(scene.source): \(warning)\n".utf8))
        }
        return prepared
    }

    /// Encodes a frame.
    func encode(_ image: RGBA8Image, as format: OutputFormat) throws -> [UInt8] {
        switch format {
        case .png: return try PNGCodec.encode(image)
        case .jpeg: return try JPEGCodec.encode(image, quality: quality)
        }
    }
}

/// File formats the CLI writes.
enum OutputFormat: String {
    case png, jpeg

    /// File extension.
    var fileExtension: String { self == .png ? "png" : "jpg" }
}
