/// Meshes and primitives: attributes, indices, topology, materials, variants.
extension GLTFReader {
    /// Reads mesh `index`.
    mutating func mesh(_ index: Int, variantCount: Int) throws(SceneError) -> Mesh {
        let node = meshes[index]
        let primitiveNodes = try node.required("primitives").elements()
        if try node.member("weights") != nil {
            warn(node.path("weights"), "morph target weights ignored: the base shape is drawn")
        }
        var primitives: [Primitive] = []
        primitives.reserveCapacity(primitiveNodes.count)
        for p in primitiveNodes {
            primitives.append(try primitive(p, variantCount: variantCount))
        }
        return Mesh(name: try node.string("name"), primitives: primitives)
    }

    // MARK: - Primitives

    private mutating func primitive(_ node: JSONNode, variantCount: Int) throws(SceneError) -> Primitive {
        let modeNode = try node.member("mode")
        let rawMode = try modeNode?.asInt() ?? 4
        guard let mode = PrimitiveMode(rawValue: rawMode) else {
            throw .invalidValue(
                file: file, jsonPath: modeNode?.path ?? node.path("mode"), reason: "mode \(rawMode) is not 0...6")
        }
        let attributes = try node.required("attributes")
        let material = try node.index("material", kind: "material", count: materials.count)
        let mappings = try variantMappings(node, variantCount: variantCount)
        if try node.member("targets") != nil {
            warn(node.path("targets"), "morph targets ignored: the base shape is drawn")
        }
        var empty = Primitive(
            positions: [], indices: [], material: material, variantMappings: mappings, sourceMode: mode)
        switch mode {
        case .points, .lines, .lineLoop, .lineStrip:
            warn(node.path("mode"), "\(mode) primitive dropped: Vitrine draws triangles only")
            return empty
        case .triangles, .triangleStrip, .triangleFan:
            break
        }
        guard let positionNode = try attributes.member("POSITION") else {
            warn(attributes.path, "primitive without POSITION dropped")
            return empty
        }
        let quantized = extensionsUsed.contains("KHR_mesh_quantization")
        let positionAccessor = try attribute(positionNode, semantic: "POSITION", quantized: quantized)
        let vertexCount = positionAccessor.count
        try reserve(vertices: vertexCount, path: positionNode.path)
        empty.positions = try decodeVectors(positionAccessor, fill: SIMD3<Float>(), path: positionNode.path)
        var p = empty
        try checkPositions(p.positions, accessor: positionAccessor, path: positionNode.path)

        for (name, value) in try attributes.members().sorted(by: { $0.key < $1.key }) where name != "POSITION" {
            let attrNode = JSONNode(value: value, path: attributes.path(name), file: file)
            try readAttribute(name, attrNode, into: &p, vertexCount: vertexCount, quantized: quantized)
        }

        let list: [UInt32]
        if let indicesNode = try node.member("indices") {
            let index = try indicesNode.asIndex(kind: "accessor", count: accessors.count)
            let a = try accessor(index, usedBy: indicesNode.path)
            try reserve(triangles: Topology.triangleCount(mode: mode, count: a.count), path: indicesNode.path)
            list = try decodeIndices(a, vertexCount: vertexCount, path: indicesNode.path)
        } else {
            try reserve(triangles: Topology.triangleCount(mode: mode, count: vertexCount), path: node.path)
            list = (0..<UInt32(vertexCount)).map { $0 }
        }
        if mode == .triangles, list.count % 3 != 0 {
            warn(node.path, "\(list.count) indices is not a multiple of 3: the last \(list.count % 3) ignored")
        }
        p.indices = Topology.triangleList(list, mode: mode)
        return p
    }

    /// Reads one non-POSITION attribute into the primitive.
    private mutating func readAttribute(
        _ name: String, _ node: JSONNode, into p: inout Primitive, vertexCount: Int, quantized: Bool
    ) throws(SceneError) {
        if name.hasPrefix("_") || name.hasPrefix("JOINTS_") || name.hasPrefix("WEIGHTS_") { return }
        let semantic: String
        var set = 0
        if name == "NORMAL" || name == "TANGENT" {
            semantic = name
        } else if let n = Self.setIndex(name, prefix: "TEXCOORD_") {
            semantic = "TEXCOORD"
            set = n
        } else if let n = Self.setIndex(name, prefix: "COLOR_") {
            semantic = "COLOR"
            set = n
        } else {
            warn(node.path, "unknown attribute \(name) ignored")
            return
        }
        if semantic == "COLOR", set > 0 {
            warn(node.path, "\(name) ignored: only COLOR_0 is drawn")
            return
        }
        if semantic == "TEXCOORD", set >= Self.maxTexCoordSets {
            warn(node.path, "\(name) ignored: at most \(Self.maxTexCoordSets) UV sets are read")
            return
        }
        let a = try attribute(node, semantic: semantic, quantized: quantized)
        guard a.count == vertexCount else {
            throw .invalidData(
                file: file, jsonPath: node.path,
                reason: "\(a.path) has \(a.count) elements but POSITION has \(vertexCount)")
        }
        switch semantic {
        case "NORMAL":
            p.normals = sanitized(try decodeVectors(a, fill: SIMD3<Float>(), path: node.path), a, node.path)
        case "TANGENT":
            p.tangents = sanitized(try decodeVectors(a, fill: SIMD4<Float>(0, 0, 0, 1), path: node.path), a, node.path)
        case "TEXCOORD":
            let uv = sanitized(try decodeVectors(a, fill: SIMD2<Float>(), path: node.path), a, node.path)
            while p.texcoords.count <= set { p.texcoords.append([]) }
            p.texcoords[set] = uv
        default:
            var colors = sanitized(try decodeVectors(a, fill: SIMD4<Float>(0, 0, 0, 1), path: node.path), a, node.path)
            if colors.contains(where: { any($0 .< 0) || any($0 .> 1) }) {
                warn(node.path, "vertex colours outside 0...1 clamped")
                for i in colors.indices { colors[i] = colors[i].clamped(lowerBound: .zero, upperBound: .one) }
            }
            p.colors = colors
        }
        if semantic == "TEXCOORD" {
            // A gap (TEXCOORD_0 and TEXCOORD_2 only) leaves an empty set: fill it with zeros.
            for k in p.texcoords.indices where p.texcoords[k].isEmpty {
                p.texcoords[k] = [SIMD2<Float>](repeating: .zero, count: vertexCount)
            }
        }
    }

    /// UV sets read per primitive (`TEXCOORD_0` ... `TEXCOORD_7`).
    static let maxTexCoordSets = 8

    /// `n` of a name such as `TEXCOORD_n` (no leading zeros), or `nil`.
    static func setIndex(_ name: String, prefix: String) -> Int? {
        guard name.hasPrefix(prefix) else { return nil }
        let digits = name.dropFirst(prefix.count)
        guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy(\.isASCII), let n = Int(digits),
            String(n) == digits
        else { return nil }
        return n
    }

    // MARK: - Checks

    /// Replaces non-finite values (possible only in FLOAT data) by zero, with a warning.
    private mutating func sanitized<V: SIMD>(_ values: [V], _ a: Accessor, _ path: String) -> [V]
    where V.Scalar == Float {
        guard a.componentType == .float else { return values }
        var out = values
        var bad = 0
        for i in out.indices {
            let v = out[i]
            for c in 0..<V.scalarCount where !v[c].isFinite {
                out[i][c] = 0
                bad += 1
            }
        }
        if bad > 0 { warn(path, "\(bad) NaN or infinite values in \(a.path) replaced by 0") }
        return out
    }

    /// Positions must be finite; `min`/`max` that disagree with the data get a warning.
    private mutating func checkPositions(_ positions: [SIMD3<Float>], accessor a: Accessor, path: String)
        throws(SceneError)
    {
        var lo = SIMD3<Float>(repeating: .infinity)
        var hi = SIMD3<Float>(repeating: -.infinity)
        for p in positions {
            lo = pointwiseMin(lo, p)
            hi = pointwiseMax(hi, p)
        }
        guard lo.x.isFinite, lo.y.isFinite, lo.z.isFinite, hi.x.isFinite, hi.y.isFinite, hi.z.isFinite else {
            throw .invalidData(file: file, jsonPath: path, reason: "\(a.path) has NaN or infinite positions")
        }
        guard a.componentType == .float else { return }
        guard let min = a.min, let max = a.max, min.count == 3, max.count == 3 else {
            warn(path, "\(a.path) has no min/max (required for POSITION)")
            return
        }
        let tolerance = 1e-4 * Swift.max(1, (hi - lo).max())
        for c in 0..<3 where abs(min[c] - lo[c]) > tolerance || abs(max[c] - hi[c]) > tolerance {
            warn(path, "\(a.path) min/max \(min)/\(max) differ from the data (\(lo) / \(hi))")
            return
        }
    }

    /// Counts vertices against ``ImportOptions/maxVertices`` before they are allocated.
    mutating func reserve(vertices: Int, path: String) throws(SceneError) {
        totalVertices += vertices
        // Indices are UInt32: a primitive cannot have more vertices than they can address.
        guard totalVertices <= options.maxVertices, vertices <= Int(UInt32.max) else {
            throw .limitExceeded(
                file: file, jsonPath: path, what: "total vertex count", value: totalVertices, limit: options.maxVertices
            )
        }
    }

    /// Counts triangles against ``ImportOptions/maxTriangles`` before they are allocated.
    mutating func reserve(triangles: Int, path: String) throws(SceneError) {
        totalTriangles += triangles
        guard totalTriangles <= options.maxTriangles else {
            throw .limitExceeded(
                file: file, jsonPath: path, what: "total triangle count", value: totalTriangles,
                limit: options.maxTriangles)
        }
    }
}
