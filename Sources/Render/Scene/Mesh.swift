/// A mesh: a list of primitives drawn together.
public struct Mesh: Sendable {
    /// The mesh's name, if any.
    public var name: String?
    /// The primitives, each with its own material.
    public var primitives: [Primitive]

    /// Creates a mesh.
    public init(name: String? = nil, primitives: [Primitive]) {
        self.name = name
        self.primitives = primitives
    }
}

/// One draw of a mesh: a triangle list with per-vertex attributes, in the mesh's local space.
///
/// Importers convert every topology to a triangle list (strips and fans unrolled, non-indexed
/// geometry given sequential indices), dequantise every attribute to `Float` and check that
/// every index is below ``vertexCount``. Points and lines are dropped with a warning.
public struct Primitive: Sendable {
    /// Vertex positions (`POSITION`).
    public var positions: [SIMD3<Float>]
    /// Vertex normals (`NORMAL`), or `nil` when the file has none (flat normals are generated).
    public var normals: [SIMD3<Float>]?
    /// Tangents (`TANGENT`, w = handedness), or `nil` (generated when a normal map needs them).
    public var tangents: [SIMD4<Float>]?
    /// Texture coordinate sets: `texcoords[n]` is `TEXCOORD_n`.
    public var texcoords: [[SIMD2<Float>]]
    /// Vertex colours (`COLOR_0`) as linear RGBA; RGB colours get alpha 1.
    public var colors: [SIMD4<Float>]?
    /// Triangle list, three indices a triangle, each `< positions.count`.
    public var indices: [UInt32]
    /// Material index, or `nil` for the glTF default material.
    public var material: Int?
    /// `KHR_materials_variants` mappings: which material to use under which variants.
    public var variantMappings: [VariantMapping]
    /// The topology in the file (for `inspect`); the data above is always a triangle list.
    public var sourceMode: PrimitiveMode

    /// Number of vertices.
    public var vertexCount: Int { positions.count }
    /// Number of triangles.
    public var triangleCount: Int { indices.count / 3 }

    /// Creates a triangle-list primitive.
    public init(
        positions: [SIMD3<Float>], normals: [SIMD3<Float>]? = nil, tangents: [SIMD4<Float>]? = nil,
        texcoords: [[SIMD2<Float>]] = [], colors: [SIMD4<Float>]? = nil, indices: [UInt32],
        material: Int? = nil, variantMappings: [VariantMapping] = [], sourceMode: PrimitiveMode = .triangles
    ) {
        self.positions = positions
        self.normals = normals
        self.tangents = tangents
        self.texcoords = texcoords
        self.colors = colors
        self.indices = indices
        self.material = material
        self.variantMappings = variantMappings
        self.sourceMode = sourceMode
    }

    /// The material to draw under the named variant index, falling back to ``material``.
    public func material(forVariant variant: Int?) -> Int? {
        guard let variant else { return material }
        return variantMappings.first { $0.variants.contains(variant) }?.material ?? material
    }
}

/// glTF primitive topology (`mode`).
public enum PrimitiveMode: Int, Sendable {
    case points = 0, lines, lineLoop, lineStrip, triangles, triangleStrip, triangleFan
}

/// One `KHR_materials_variants` mapping of a primitive.
public struct VariantMapping: Sendable, Equatable {
    /// Material used under these variants.
    public var material: Int
    /// Indices into ``Scene/variants``.
    public var variants: [Int]

    /// Creates a mapping.
    public init(material: Int, variants: [Int]) {
        self.material = material
        self.variants = variants
    }
}
