import Foundation
import Render

/// The real backend over the `Render` library: `SceneLoader` → `PreparedScene` → `Renderer` →
/// `PNGCodec` / `JPEGCodec`.
///
/// Renders run on the service's workers; each worker borrows a ``Renderer`` of
/// `threadsPerFrame` threads from a small pool (one renderer per concurrent render, made on
/// first need), so `workers x threadsPerFrame` threads render at most. Environments are the
/// built-in `studio` and every `.hdr` of the environments folder (by file name).
public final class StandardBackend: RenderBackend {
    /// Renderer threads per frame.
    public let threadsPerFrame: Int
    private let renderers: RendererPool
    private let environments: EnvironmentLibrary

    /// Creates the backend.
    /// - Parameters:
    ///   - threadsPerFrame: tiles of one frame rendered in parallel.
    ///   - environmentsDirectory: folder of equirectangular `.hdr` files served as `env=<name>`,
    ///     or `nil` for the studio only.
    public init(threadsPerFrame: Int = 1, environmentsDirectory: URL? = nil) {
        self.threadsPerFrame = max(1, threadsPerFrame)
        renderers = RendererPool(threads: self.threadsPerFrame)
        environments = EnvironmentLibrary(directory: environmentsDirectory)
    }

    /// The backend `config` asks for: `renderThreadsPerFrame` threads per frame, environments
    /// from `<assets>/environments`.
    public convenience init(_ config: ServerConfiguration) {
        self.init(
            threadsPerFrame: config.renderThreadsPerFrame,
            environmentsDirectory: URL(fileURLWithPath: config.assetsDirectory).appendingPathComponent("environments"))
    }

    public var environmentNames: [String] { environments.names }

    public func environmentIdentity(_ name: String) -> String { environments.identity(name) }

    public func prepare(contentsOf url: URL) throws -> PreparedAsset {
        try Self.prepare(try SceneLoader.load(contentsOf: url))
    }

    public func prepare(glb bytes: [UInt8], name: String) throws -> PreparedAsset {
        guard bytes.starts(with: Array("glTF".utf8)) else {
            throw BackendError.notGLB(name: name)
        }
        // No base folder: an upload may not reach files beside it.
        return try Self.prepare(try SceneLoader.load(bytes, name: name, baseURL: nil))
    }

    /// Prepares an imported scene and reads its facts.
    /// - Throws: `RenderError` past the preparation limits.
    static func prepare(_ scene: Scene) throws -> PreparedAsset {
        let prepared = try PreparedScene(scene: scene)
        let bounds = prepared.bounds()
        let facts = AssetFacts(
            triangles: prepared.triangleCount(),
            boundsMin: bounds.map { [$0.min.x, $0.min.y, $0.min.z] } ?? [0, 0, 0],
            boundsMax: bounds.map { [$0.max.x, $0.max.y, $0.max.z] } ?? [0, 0, 0],
            materials: scene.materials.enumerated().map { $1.name ?? "material\($0)" },
            variants: prepared.variants)
        return PreparedAsset(
            facts: facts, scene: prepared, memoryBytes: prepared.geometryByteCount + prepared.textureByteCount)
    }

    public func render(_ asset: PreparedAsset, options: RenderOptions, environment: String) throws -> RGBA8Image {
        guard let scene = asset.scene as? PreparedScene else {
            throw BackendError.foreignAsset
        }
        let light = try environments.environment(environment)
        return try renderers.withRenderer { renderer in
            try renderer.render(scene, environment: light, options: options).image
        }
    }

    public func encode(_ image: RGBA8Image, format: FrameFormat, quality: Int) throws -> [UInt8] {
        try Self.encode(image, format: format, quality: quality)
    }

    /// PNG (fast compression, for latency) or JPEG; no metadata from any input.
    /// - Throws: `ImageError` from the codecs.
    public static func encode(_ image: RGBA8Image, format: FrameFormat, quality: Int) throws -> [UInt8] {
        switch format {
        case .png: return try PNGCodec.encode(image, compression: .fast)
        case .jpeg: return try JPEGCodec.encode(image, quality: quality)
        }
    }
}
