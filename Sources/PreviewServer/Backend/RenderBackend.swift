import Foundation
import Render

/// The renderer as the service sees it: import, prepare, render and encode.
///
/// A seam between HTTP and the `Render` library, so that the pool, cache and single-flight
/// logic can be tested with counting or slow doubles. ``StandardBackend`` is the real one.
/// Every method is called on a worker thread (never on the async pool) and may block.
public protocol RenderBackend: Sendable {
    /// Imports and prepares the model stored at `url` (`.glb` or `.gltf` with its resources).
    /// - Throws: an import error naming the file and what is wrong.
    func prepare(contentsOf url: URL) throws -> PreparedAsset

    /// Imports and prepares an uploaded `.glb` held in memory (validation of uploads).
    /// - Throws: an import error naming what is wrong.
    func prepare(glb bytes: [UInt8], name: String) throws -> PreparedAsset

    /// Renders one view of a prepared asset.
    /// - Throws: a render error (bad variant, size ...).
    func render(_ asset: PreparedAsset, options: RenderOptions, environment: String) throws -> RGBA8Image

    /// Encodes a frame. Output carries no metadata.
    /// - Throws: an encode error.
    func encode(_ image: RGBA8Image, format: FrameFormat, quality: Int) throws -> [UInt8]

    /// Names accepted by the `env` parameter; the first is the default.
    var environmentNames: [String] { get }

    /// What decides an environment's pixels besides its name (e.g. its file's hash), hashed
    /// into frame cache keys; empty when the name says it all.
    func environmentIdentity(_ name: String) -> String
}

extension RenderBackend {
    /// Names say it all unless the backend says otherwise.
    public func environmentIdentity(_ name: String) -> String { "" }
}

/// Output image formats.
public enum FrameFormat: String, Sendable, CaseIterable, Hashable {
    case png, jpeg

    /// The `Content-Type` of an encoded frame.
    public var mediaType: String {
        switch self {
        case .png: return "image/png"
        case .jpeg: return "image/jpeg"
        }
    }
}

/// An imported and prepared model, ready to render many times from several threads.
public struct PreparedAsset: Sendable {
    /// What `GET /v1/assets/{id}` reports.
    public var facts: AssetFacts
    /// The backend's prepared scene (e.g. `PreparedScene`); opaque to the service.
    public var scene: any Sendable
    /// Approximate bytes held by `scene`, for the bounded LRU of prepared scenes.
    public var memoryBytes: Int

    /// Creates a prepared asset.
    public init(facts: AssetFacts, scene: any Sendable, memoryBytes: Int) {
        self.facts = facts
        self.scene = scene
        self.memoryBytes = memoryBytes
    }
}

/// Facts about a model, as reported by the catalogue.
public struct AssetFacts: Sendable, Codable, Equatable {
    /// Triangles drawn in the default scene.
    public var triangles: Int
    /// World-space bounds: minimum corner (x, y, z).
    public var boundsMin: [Float]
    /// World-space bounds: maximum corner (x, y, z).
    public var boundsMax: [Float]
    /// Material names (index order; unnamed ones as `material<i>`).
    public var materials: [String]
    /// `KHR_materials_variants` names, accepted by the `variant` parameter.
    public var variants: [String]

    /// Creates facts.
    public init(triangles: Int, boundsMin: [Float], boundsMax: [Float], materials: [String], variants: [String]) {
        self.triangles = triangles
        self.boundsMin = boundsMin
        self.boundsMax = boundsMax
        self.materials = materials
        self.variants = variants
    }
}
