/// What an imported scene holds, in a form that prints as text or encodes as JSON
/// (`vitrine inspect`, and the server's asset validation).
///
/// ```swift
/// let summary = SceneSummary(scene)
/// print(summary.triangles, summary.bounds?.max ?? [])
/// ```
public struct SceneSummary: Codable, Sendable, Equatable {
    /// World-space bounds as `[x, y, z]` arrays.
    public struct Bounds: Codable, Sendable, Equatable {
        public var min: [Float]
        public var max: [Float]
    }

    /// One primitive.
    public struct PrimitiveSummary: Codable, Sendable, Equatable {
        /// Topology in the file (`triangles`, `triangleStrip`, `points` ...).
        public var mode: String
        public var vertices: Int
        public var triangles: Int
        public var material: Int?
        /// Number of UV sets.
        public var uvSets: Int
        public var hasNormals: Bool
        public var hasTangents: Bool
        public var hasColors: Bool
        /// `KHR_materials_variants` mappings: variant names per material index.
        public var variantMappings: [String: [String]]
    }

    /// One mesh.
    public struct MeshSummary: Codable, Sendable, Equatable {
        public var name: String?
        public var primitives: [PrimitiveSummary]
    }

    /// One material.
    public struct MaterialSummary: Codable, Sendable, Equatable {
        public var name: String?
        /// `OPAQUE`, `MASK` or `BLEND`.
        public var alphaMode: String
        public var alphaCutoff: Float?
        public var doubleSided: Bool
        public var baseColorFactor: [Float]
        public var metallicFactor: Float
        public var roughnessFactor: Float
        /// Texture index per slot (`baseColor`, `normal`, ...).
        public var textures: [String: Int]
        /// Extensions in effect: `unlit`, `sheen`, `clearcoat`, `transmission`, `emissiveStrength`,
        /// `textureTransform`.
        public var features: [String]
    }

    /// One texture.
    public struct TextureSummary: Codable, Sendable, Equatable {
        /// Image index, `nil` when the texture has no PNG/JPEG source.
        public var image: Int?
        public var magFilter: Int
        public var minFilter: Int
        public var wrapS: Int
        public var wrapT: Int
    }

    /// One image (still encoded).
    public struct ImageSummary: Codable, Sendable, Equatable {
        public var name: String
        public var mimeType: String
        public var bytes: Int
        /// Pixel size, when it can be read from the header.
        public var width: Int?
        public var height: Int?
    }

    /// One camera.
    public struct CameraSummary: Codable, Sendable, Equatable {
        public var name: String?
        /// `perspective` or `orthographic`.
        public var type: String
        public var yfov: Float?
        public var xmag: Float?
        public var ymag: Float?
        public var znear: Float
        public var zfar: Float?
    }

    /// One scene of the file.
    public struct SceneRootsSummary: Codable, Sendable, Equatable {
        public var name: String?
        public var roots: [Int]
        /// Triangles this scene draws, instances counted per node.
        public var triangles: Int
    }

    public var file: String
    /// Triangles the default scene draws, a mesh counted once per node that instances it.
    public var triangles: Int
    /// Triangles over all meshes, each counted once.
    public var uniqueTriangles: Int
    /// Vertices over all primitives.
    public var vertices: Int
    /// World bounds of the default scene, `nil` when it draws nothing.
    public var bounds: Bounds?
    public var nodes: Int
    public var meshes: [MeshSummary]
    public var materials: [MaterialSummary]
    public var textures: [TextureSummary]
    public var images: [ImageSummary]
    public var cameras: [CameraSummary]
    public var scenes: [SceneRootsSummary]
    public var defaultScene: Int
    public var variants: [String]
    public var extensionsUsed: [String]
    public var extensionsRequired: [String]
    public var warnings: [String]
}
