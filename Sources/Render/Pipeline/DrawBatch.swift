/// One primitive of one mesh instance, as stored in a ``PreparedScene``: a contiguous run of
/// triangles and vertices in ``SceneGeometry`` with the same material choice.
struct DrawBatch: Sendable {
    /// Scene index (glTF `scenes[i]`) this instance belongs to.
    var scene: Int
    /// Node, mesh and primitive it came from (for messages).
    var node: Int
    var mesh: Int
    var primitive: Int
    /// Triangles `firstTriangle ..< firstTriangle + triangleCount` of the geometry.
    var firstTriangle: Int
    var triangleCount: Int
    /// Vertices `firstVertex ..< firstVertex + vertexCount`.
    var firstVertex: Int
    var vertexCount: Int
    /// Material without a variant (`nil`: the glTF default material).
    var material: Int?
    /// `KHR_materials_variants` mappings of the primitive.
    var variantMappings: [VariantMapping]
    /// Which attributes the source primitive had (or were generated).
    var attributes: AttributeSet

    /// The material index under a variant (index into ``Scene/variants``), `nil` for the
    /// default material.
    func material(variant: Int?) -> Int? {
        guard let variant else { return material }
        return variantMappings.first { $0.variants.contains(variant) }?.material ?? material
    }
}

/// Vertex attributes present in a batch.
struct AttributeSet: OptionSet, Sendable {
    let rawValue: UInt8
    /// Vertex normals (otherwise flat normals are computed per triangle).
    static let normals = AttributeSet(rawValue: 1)
    /// Tangents (from the file or generated).
    static let tangents = AttributeSet(rawValue: 2)
    /// `TEXCOORD_0`.
    static let uv0 = AttributeSet(rawValue: 4)
    /// `TEXCOORD_1`.
    static let uv1 = AttributeSet(rawValue: 8)
    /// `COLOR_0`.
    static let colors = AttributeSet(rawValue: 16)
}
