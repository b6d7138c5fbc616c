/// A glTF 2.0 asset as the generator builds it, before ``GLBWriter`` lays it out in a buffer.
///
/// Only what the sample assets need: interleaved float vertex data, embedded PNG/JPEG
/// images, metallic-roughness materials with `KHR_materials_sheen`, `KHR_texture_transform`
/// and `KHR_materials_variants`, and a node tree.
public struct GLTFDocument: Sendable {
    /// `asset.generator`.
    public var generator: String
    /// Encoded images, embedded in buffer views.
    public var images: [GLTFImage] = []
    /// Samplers.
    public var samplers: [GLTFSampler] = []
    /// Textures (image + sampler).
    public var textures: [GLTFTexture] = []
    /// Materials.
    public var materials: [GLTFMaterial] = []
    /// Meshes.
    public var meshes: [GLTFMesh] = []
    /// Nodes.
    public var nodes: [GLTFNode] = []
    /// Root nodes of the (single) scene.
    public var sceneNodes: [Int] = []
    /// `KHR_materials_variants` names (colourways), in order.
    public var variants: [String] = []

    /// An empty document.
    public init(generator: String) { self.generator = generator }

    /// Adds an encoded image and a texture that samples it; returns the texture index.
    public mutating func addTexture(_ image: GLTFImage, sampler: GLTFSampler = GLTFSampler()) -> Int {
        images.append(image)
        let samplerIndex: Int
        if let existing = samplers.firstIndex(of: sampler) {
            samplerIndex = existing
        } else {
            samplers.append(sampler)
            samplerIndex = samplers.count - 1
        }
        textures.append(GLTFTexture(image: images.count - 1, sampler: samplerIndex))
        return textures.count - 1
    }

    /// Adds a material; returns its index.
    public mutating func addMaterial(_ material: GLTFMaterial) -> Int {
        materials.append(material)
        return materials.count - 1
    }

    /// Adds a mesh; returns its index.
    public mutating func addMesh(_ mesh: GLTFMesh) -> Int {
        meshes.append(mesh)
        return meshes.count - 1
    }

    /// Adds a node; returns its index.
    public mutating func addNode(_ node: GLTFNode) -> Int {
        nodes.append(node)
        return nodes.count - 1
    }
}

/// An embedded image.
public struct GLTFImage: Sendable, Equatable {
    /// Image name (shown by viewers and `vitrine inspect`).
    public var name: String
    /// `image/png` or `image/jpeg`.
    public var mimeType: String
    /// The encoded file.
    public var bytes: [UInt8]

    /// Creates an image.
    public init(name: String, mimeType: String, bytes: [UInt8]) {
        self.name = name
        self.mimeType = mimeType
        self.bytes = bytes
    }
}

/// A sampler (WebGL enums); the default is trilinear with repeat.
public struct GLTFSampler: Sendable, Equatable {
    /// `magFilter`.
    public var magFilter = 9729
    /// `minFilter`.
    public var minFilter = 9987
    /// `wrapS`.
    public var wrapS = 10497
    /// `wrapT`.
    public var wrapT = 10497

    /// Creates a sampler.
    public init(clampToEdge: Bool = false) {
        if clampToEdge {
            wrapS = 33071
            wrapT = 33071
        }
    }
}

/// A texture: which image, which sampler.
public struct GLTFTexture: Sendable, Equatable {
    /// Image index.
    public var image: Int
    /// Sampler index.
    public var sampler: Int
}

/// A material's use of a texture, with an optional `KHR_texture_transform`.
public struct GLTFTextureRef: Sendable, Equatable {
    /// Texture index.
    public var index: Int
    /// `KHR_texture_transform` scale (nil: no transform).
    public var scale: SIMD2<Float>?
    /// `KHR_texture_transform` offset.
    public var offset: SIMD2<Float>?
    /// `KHR_texture_transform` rotation in radians.
    public var rotation: Float?

    /// Creates a reference.
    public init(_ index: Int, scale: SIMD2<Float>? = nil, offset: SIMD2<Float>? = nil, rotation: Float? = nil) {
        self.index = index
        self.scale = scale
        self.offset = offset
        self.rotation = rotation
    }

    /// Whether the reference carries a texture transform.
    var hasTransform: Bool { scale != nil || offset != nil || rotation != nil }
}

/// A metallic-roughness material.
public struct GLTFMaterial: Sendable, Equatable {
    /// `alphaMode`.
    public enum AlphaMode: String, Sendable { case opaque = "OPAQUE", mask = "MASK", blend = "BLEND" }

    /// Name.
    public var name: String
    /// Linear base colour factor.
    public var baseColorFactor: SIMD4<Float> = SIMD4(1, 1, 1, 1)
    /// sRGB base colour texture.
    public var baseColorTexture: GLTFTextureRef?
    /// Metalness.
    public var metallicFactor: Float = 0
    /// Perceptual roughness.
    public var roughnessFactor: Float = 1
    /// Roughness (G) and metalness (B).
    public var metallicRoughnessTexture: GLTFTextureRef?
    /// Tangent-space normal map.
    public var normalTexture: GLTFTextureRef?
    /// Normal map strength.
    public var normalScale: Float = 1
    /// Ambient occlusion (R).
    public var occlusionTexture: GLTFTextureRef?
    /// Occlusion strength.
    public var occlusionStrength: Float = 1
    /// `alphaMode`.
    public var alphaMode: AlphaMode = .opaque
    /// Whether back faces are drawn.
    public var doubleSided = false
    /// `KHR_materials_sheen` colour (nil: no sheen).
    public var sheenColorFactor: SIMD3<Float>?
    /// `KHR_materials_sheen` roughness.
    public var sheenRoughnessFactor: Float = 0.5
    /// `KHR_materials_sheen` colour texture.
    public var sheenColorTexture: GLTFTextureRef?

    /// A material with glTF defaults except metalness 0 (the generator's products are
    /// dielectric unless they say otherwise).
    public init(name: String) { self.name = name }
}

/// A mesh: one or more primitives.
public struct GLTFMesh: Sendable {
    /// Name.
    public var name: String
    /// Primitives.
    public var primitives: [GLTFPrimitive]

    /// Creates a mesh.
    public init(name: String, primitives: [GLTFPrimitive]) {
        self.name = name
        self.primitives = primitives
    }
}

/// A triangle-list primitive with its material and colourway mappings.
public struct GLTFPrimitive: Sendable {
    /// Vertex data and indices.
    public var data: MeshData
    /// Default material index.
    public var material: Int
    /// `KHR_materials_variants` mappings: material index and the variant indices using it.
    public var variantMappings: [(material: Int, variants: [Int])]

    /// Creates a primitive.
    public init(_ data: MeshData, material: Int, variantMappings: [(material: Int, variants: [Int])] = []) {
        self.data = data
        self.material = material
        self.variantMappings = variantMappings
    }
}

/// A node with an optional mesh, a translation and children.
public struct GLTFNode: Sendable, Equatable {
    /// Name.
    public var name: String
    /// Mesh index.
    public var mesh: Int?
    /// Translation.
    public var translation: SIMD3<Float>?
    /// Rotation quaternion (x, y, z, w).
    public var rotation: SIMD4<Float>?
    /// Child node indices.
    public var children: [Int]

    /// Creates a node.
    public init(
        name: String, mesh: Int? = nil, translation: SIMD3<Float>? = nil, rotation: SIMD4<Float>? = nil,
        children: [Int] = []
    ) {
        self.name = name
        self.mesh = mesh
        self.translation = translation
        self.rotation = rotation
        self.children = children
    }
}
