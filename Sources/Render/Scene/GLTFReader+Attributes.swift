/// The accessor formats each vertex attribute may use, in core glTF 2.0 and with
/// `KHR_mesh_quantization`, and `KHR_materials_variants` mappings of a primitive.
extension GLTFReader {
    /// A component type with its `normalized` flag.
    struct Format: Equatable {
        var type: ComponentType
        var normalized: Bool

        var name: String { normalized ? "\(type.name) normalized" : type.name }
    }

    private static let float = [Format(type: .float, normalized: false)]
    private static let unorm = [
        Format(type: .unsignedByte, normalized: true), Format(type: .unsignedShort, normalized: true),
    ]
    private static let snorm = [Format(type: .byte, normalized: true), Format(type: .short, normalized: true)]
    private static let integers: [Format] = [.byte, .unsignedByte, .short, .unsignedShort].flatMap {
        [Format(type: $0, normalized: false), Format(type: $0, normalized: true)]
    }

    /// Accessor types and formats allowed for a semantic.
    /// - Parameter quantized: whether the file uses `KHR_mesh_quantization`.
    static func allowedFormats(semantic: String, quantized: Bool) -> (types: [String], formats: [Format]) {
        switch semantic {
        case "POSITION": return (["VEC3"], quantized ? float + integers : float)
        case "NORMAL": return (["VEC3"], quantized ? float + snorm : float)
        case "TANGENT": return (["VEC4"], quantized ? float + snorm : float)
        case "TEXCOORD": return (["VEC2"], quantized ? float + integers : float + unorm)
        default: return (["VEC3", "VEC4"], float + unorm)  // COLOR
        }
    }

    /// Reads and validates the accessor of an attribute (a `POSITION: 3` member).
    /// - Throws: when the reference is unresolved, the accessor is invalid, or its type or
    ///   component type is not allowed for the semantic.
    mutating func attribute(_ node: JSONNode, semantic: String, quantized: Bool) throws(SceneError) -> Accessor {
        let index = try node.asIndex(kind: "accessor", count: accessors.count)
        let a = try accessor(index, usedBy: node.path)
        let allowed = Self.allowedFormats(semantic: semantic, quantized: quantized)
        let format = Format(type: a.componentType, normalized: a.normalized)
        guard allowed.types.contains(a.type), allowed.formats.contains(format) else {
            let extra = quantized || semantic == "COLOR" ? "" : " (more are allowed with KHR_mesh_quantization)"
            throw .invalidData(
                file: file, jsonPath: node.path,
                reason: "\(a.path) is \(a.type) \(format.name); \(semantic) must be "
                    + "\(allowed.types.joined(separator: " or ")) of "
                    + "\(allowed.formats.map(\.name).joined(separator: ", "))\(extra)")
        }
        // Vertex attributes start on 4-byte boundaries (glTF 3.6.2.4).
        if let d = a.dense, d.offset % 4 != 0 || d.stride % 4 != 0 {
            throw .invalidData(
                file: file, jsonPath: node.path,
                reason: "\(a.path) starts at byte \(d.offset) with stride \(d.stride); vertex attributes must be "
                    + "aligned to 4 bytes (give the bufferView a byteStride)")
        }
        return a
    }

    /// The `KHR_materials_variants` mappings of a primitive.
    func variantMappings(_ node: JSONNode, variantCount: Int) throws(SceneError) -> [VariantMapping] {
        guard let ext = try node.member("extensions")?.member("KHR_materials_variants") else { return [] }
        var out: [VariantMapping] = []
        for m in try ext.required("mappings").elements() {
            let material = try m.requiredIndex("material", kind: "material", count: materials.count)
            var variants: [Int] = []
            for v in try m.required("variants").elements() {
                variants.append(try v.asIndex(kind: "variant", count: variantCount))
            }
            out.append(VariantMapping(material: material, variants: variants))
        }
        return out
    }
}
