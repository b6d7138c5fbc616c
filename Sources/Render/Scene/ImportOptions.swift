/// Limits and switches for importing a 3D file.
///
/// Every size an importer reads from a file is checked against these limits before anything
/// is allocated, so a hostile file costs at most what the limits allow. The defaults are
/// generous for real products (a 50-million-triangle model imports); a server that accepts
/// uploads may lower them.
public struct ImportOptions: Sendable, Equatable {
    /// Largest single file read (the model, each external buffer and each image), in bytes.
    public var maxFileBytes: Int = 1 << 30
    /// Largest total of all files read for one asset, in bytes.
    public var maxTotalBytes: Int = 2 << 30
    /// Largest JSON text (the `.gltf` file or the GLB JSON chunk), in bytes.
    public var maxJSONBytes: Int = 32 << 20
    /// Deepest nesting of JSON arrays and objects.
    public var maxJSONDepth: Int = 64
    /// Most vertices over all primitives (each primitive counted once).
    public var maxVertices: Int = 50_000_000
    /// Most triangles over all primitives, and most triangles the default scene draws.
    public var maxTriangles: Int = 50_000_000
    /// Most nodes (glTF) or groups (OBJ).
    public var maxNodes: Int = 1_000_000
    /// Most entries in any other top-level glTF array (meshes, materials, accessors ...).
    public var maxObjects: Int = 1_000_000
    /// Whether external files (buffers and images next to a `.gltf` or `.obj`) may be read.
    /// When `false`, only embedded data (GLB chunks, data URIs) is accepted.
    public var allowExternalFiles: Bool = true

    /// Options with the default limits.
    public init() {}

    /// Options with chosen limits; the others keep their defaults.
    public init(
        maxFileBytes: Int? = nil, maxTotalBytes: Int? = nil, maxJSONBytes: Int? = nil, maxJSONDepth: Int? = nil,
        maxVertices: Int? = nil, maxTriangles: Int? = nil, maxNodes: Int? = nil, maxObjects: Int? = nil,
        allowExternalFiles: Bool = true
    ) {
        if let maxFileBytes { self.maxFileBytes = maxFileBytes }
        if let maxTotalBytes { self.maxTotalBytes = maxTotalBytes }
        if let maxJSONBytes { self.maxJSONBytes = maxJSONBytes }
        if let maxJSONDepth { self.maxJSONDepth = maxJSONDepth }
        if let maxVertices { self.maxVertices = maxVertices }
        if let maxTriangles { self.maxTriangles = maxTriangles }
        if let maxNodes { self.maxNodes = maxNodes }
        if let maxObjects { self.maxObjects = maxObjects }
        self.allowExternalFiles = allowExternalFiles
    }
}
