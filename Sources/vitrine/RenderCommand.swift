import ArgumentParser
import Foundation
import Render

/// `vitrine render MODEL --out frame.png`: one frame of a product.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render one frame of a model to PNG or JPEG.",
        discussion: """
            The camera orbits the product's bounding box (--yaw, --pitch, --fov, --zoom), or comes \
            from the file (--gltf-camera N) or from a camera JSON with exact matrices (--camera-json, \
            the format of the llvmpipe reference frames).
            """)

    @OptionGroup var arguments: RenderArguments

    @Option(help: "Orbit yaw in degrees (0 = the product's front, looking down -Z).")
    var yaw: Float = 0

    @Option(help: "Orbit pitch in degrees (positive looks down on the product).")
    var pitch: Float = 15

    @Option(help: "Camera JSON with view_matrix, projection_matrix, width and height (sets the size).")
    var cameraJson: String?

    @Option(help: "Use the glTF camera with this index.")
    var gltfCamera: Int?

    @Option(help: "Output file (.png, .jpg).")
    var out: String

    func validate() throws {
        if cameraJson != nil && gltfCamera != nil {
            throw ValidationError("use either --camera-json or --gltf-camera")
        }
        guard yaw.isFinite, pitch.isFinite else { throw ValidationError("--yaw and --pitch must be numbers") }
    }

    func run() throws {
        let start = DispatchTime.now().uptimeNanoseconds
        let scene = try arguments.prepareScene()
        let environment = try arguments.environment()
        var options = try arguments.renderOptions()
        if let cameraJson {
            let json = try CameraJSON(contentsOf: URL(fileURLWithPath: cameraJson))
            options.camera = json.selection
            if arguments.size == nil && arguments.width == nil && arguments.height == nil {
                (options.width, options.height) = (json.width, json.height)
            }
        } else if let gltfCamera {
            options.camera = .gltf(index: gltfCamera)
        } else {
            options.camera = .orbit(
                OrbitCamera(yawDegrees: yaw, pitchDegrees: pitch, fovDegrees: arguments.fov, zoom: arguments.zoom))
        }
        let prepared = DispatchTime.now().uptimeNanoseconds
        let renderer = Renderer(threads: arguments.threads)
        let frame = try renderer.render(scene, environment: environment, options: options)
        let encodeStart = DispatchTime.now().uptimeNanoseconds
        let bytes = try arguments.encode(frame.image, as: try arguments.outputFormat(for: out))
        let encodeEnd = DispatchTime.now().uptimeNanoseconds
        try Data(bytes).write(to: URL(fileURLWithPath: out))
        if arguments.timings {
            print("load+prepare \(Self.ms(prepared - start)) ms")
            print(frame.timings.summary)
            print("encode \(Self.ms(encodeEnd - encodeStart)) ms (\(bytes.count) bytes)")
            print(
                "triangles \(frame.statistics.triangles), raster triangles \(frame.statistics.rasterTriangles), "
                    + "shaded \(frame.statistics.shadedSamples)")
        }
    }

    /// Nanoseconds as milliseconds with two decimals.
    static func ms(_ nanos: UInt64) -> String {
        String(format: "%.2f", Double(nanos) / 1e6)
    }
}
