/// Flattens a ``Scene``'s node graph into ``SceneGeometry``: one ``DrawBatch`` per primitive
/// of every mesh instance of every glTF scene, in world space.
///
/// Positions go through the node's world matrix, normals through its inverse transpose,
/// tangents through its upper 3x3 with the handedness flipped for mirroring transforms, whose
/// triangles also get their winding reversed so that front faces stay counter-clockwise.
struct GeometryBuilder {
    let scene: Scene
    let options: PrepareOptions
    private(set) var batches: [DrawBatch] = []
    private(set) var roots: [PreparedRoots] = []
    private var items: [(item: Scene.DrawItem, scene: Int)] = []
    private var vertexTotal = 0
    private var triangleTotal = 0

    init(scene: Scene, options: PrepareOptions) {
        self.scene = scene
        self.options = options
    }

    /// Plans the batches and checks limits and indices.
    mutating func collect() throws {
        for s in scene.scenes.indices {
            let first = batches.count
            for item in scene.drawList(sceneIndex: s) {
                let mesh = scene.meshes[item.mesh]
                for (p, primitive) in mesh.primitives.enumerated() where primitive.triangleCount > 0 {
                    try validate(primitive, path: "meshes[\(item.mesh)].primitives[\(p)]")
                    batches.append(
                        DrawBatch(
                            scene: s, node: item.node, mesh: item.mesh, primitive: p, firstTriangle: triangleTotal,
                            triangleCount: primitive.triangleCount, firstVertex: vertexTotal,
                            vertexCount: primitive.vertexCount, material: primitive.material,
                            variantMappings: primitive.variantMappings, attributes: []))
                    items.append((item, s))
                    triangleTotal += primitive.triangleCount
                    vertexTotal += primitive.vertexCount
                    if triangleTotal > options.maxTriangles {
                        throw RenderError.sceneTooLarge(
                            source: scene.source,
                            reason: "more than \(options.maxTriangles) triangles after instancing")
                    }
                    if vertexTotal > options.maxVertices {
                        throw RenderError.sceneTooLarge(
                            source: scene.source, reason: "more than \(options.maxVertices) vertices after instancing")
                    }
                }
            }
            roots.append(
                PreparedRoots(
                    batches: first..<batches.count, bounds: nil, cameraNodes: scene.cameraNodes(sceneIndex: s)))
        }
    }

    private func validate(_ p: Primitive, path: String) throws {
        let n = p.vertexCount
        func check(_ count: Int?, _ name: String) throws {
            if let count, count != n {
                throw RenderError.invalidScene(
                    source: scene.source, path: path, reason: "\(name) has \(count) values for \(n) vertices")
            }
        }
        try check(p.normals?.count, "NORMAL")
        try check(p.tangents?.count, "TANGENT")
        try check(p.colors?.count, "COLOR_0")
        for (i, set) in p.texcoords.enumerated() { try check(set.count, "TEXCOORD_\(i)") }
        if p.indices.count % 3 != 0 {
            throw RenderError.invalidScene(
                source: scene.source, path: path, reason: "index count is not a multiple of 3")
        }
        if let bad = p.indices.first(where: { Int($0) >= n }) {
            throw RenderError.invalidScene(
                source: scene.source, path: path, reason: "index \(bad) is out of range for \(n) vertices")
        }
    }

    /// Whether any material a primitive can take (default or a variant's) has a normal map,
    /// and the UV set it reads.
    private func normalMapUVSet(_ p: Primitive) -> Int? {
        var candidates = [p.material]
        candidates += p.variantMappings.map { Optional($0.material) }
        for m in candidates {
            guard let m, scene.materials.indices.contains(m) else { continue }
            let material = scene.materials[m]
            if let binding = material.normalTexture ?? material.clearcoat?.normalTexture { return binding.texCoord }
        }
        return nil
    }

    /// Allocates and fills the geometry.
    mutating func build(warnings: inout [SceneWarning]) throws -> SceneGeometry {
        var generated: [Int: [SIMD4<Float>]] = [:]
        var needTangents = false
        var hasUV1 = false
        var hasColors = false
        for (i, entry) in items.enumerated() {
            let p = scene.meshes[entry.item.mesh].primitives[batches[i].primitive]
            if p.tangents != nil || (options.generateTangents && normalMapUVSet(p) != nil) { needTangents = true }
            if p.texcoords.count > 1 { hasUV1 = true }
            if p.colors != nil { hasColors = true }
        }
        let g = SceneGeometry(
            vertices: vertexTotal, triangles: triangleTotal, tangents: needTangents, uv1: hasUV1, colors: hasColors)
        for (i, entry) in items.enumerated() {
            let batch = batches[i]
            let path = "meshes[\(batch.mesh)].primitives[\(batch.primitive)]"
            let p = scene.meshes[entry.item.mesh].primitives[batch.primitive]
            var attributes: AttributeSet = []
            let m = entry.item.worldMatrix
            let det = m.upperDeterminant
            let sign: Float = det < 0 ? -1 : 1
            let a = SIMD3(m.c0.x, m.c0.y, m.c0.z)
            let b = SIMD3(m.c1.x, m.c1.y, m.c1.z)
            let c = SIMD3(m.c2.x, m.c2.y, m.c2.z)
            // Columns of the cofactor matrix = det * inverse transpose.
            let (n0, n1, n2) = (cross(b, c) * sign, cross(c, a) * sign, cross(a, b) * sign)
            let v0 = batch.firstVertex
            for v in 0..<p.vertexCount {
                g.positions[v0 + v] = m.transformAffinePoint(p.positions[v])
            }
            if let normals = p.normals {
                attributes.insert(.normals)
                for v in 0..<p.vertexCount {
                    let n = normals[v]
                    g.normals[v0 + v] = normalize(n0 * n.x + n1 * n.y + n2 * n.z)
                }
            } else {
                // Flat normals at shading time; smooth ones here only seed tangent generation.
                for v in 0..<p.vertexCount { g.normals[v0 + v] = .zero }
            }
            if !p.texcoords.isEmpty {
                attributes.insert(.uv0)
                for v in 0..<p.vertexCount { g.uv0[v0 + v] = p.texcoords[0][v] }
            }
            if p.texcoords.count > 1 {
                attributes.insert(.uv1)
                for v in 0..<p.vertexCount { g.uv1[v0 + v] = p.texcoords[1][v] }
            }
            if hasColors {
                let colors = p.colors
                if colors != nil { attributes.insert(.colors) }
                for v in 0..<p.vertexCount { g.colors[v0 + v] = colors?[v] ?? SIMD4(1, 1, 1, 1) }
            }
            var tangents = p.tangents
            if tangents == nil, options.generateTangents, let set = normalMapUVSet(p) {
                if set < p.texcoords.count {
                    let key = batch.mesh << 20 | batch.primitive
                    if generated[key] == nil {
                        let normals = p.normals ?? Self.smoothNormals(p)
                        generated[key] = TangentGenerator.tangents(
                            positions: p.positions, normals: normals, uvs: p.texcoords[set], indices: p.indices)
                    }
                    tangents = generated[key]
                } else {
                    warnings.append(
                        SceneWarning(
                            path: path,
                            message: "the normal map reads TEXCOORD_\(set), which the primitive lacks: drawn without it"
                        ))
                }
            }
            if let tangents {
                attributes.insert(.tangents)
                for v in 0..<p.vertexCount {
                    let t = tangents[v]
                    let w = normalize(a * t.x + b * t.y + c * t.z)
                    g.tangents[v0 + v] = SIMD4(w.x, w.y, w.z, (t.w < 0 ? -1 : 1) * sign)
                }
            }
            let t0 = batch.firstTriangle
            let base = UInt32(v0)
            for t in 0..<p.triangleCount {
                let i0 = base + p.indices[3 * t]
                var i1 = base + p.indices[3 * t + 1]
                var i2 = base + p.indices[3 * t + 2]
                if det < 0 { swap(&i1, &i2) }
                g.indices[3 * (t0 + t)] = i0
                g.indices[3 * (t0 + t) + 1] = i1
                g.indices[3 * (t0 + t) + 2] = i2
                g.triangleBatch[t0 + t] = UInt32(i)
            }
            batches[i].attributes = attributes
        }
        for r in roots.indices {
            var box: BoundingBox?
            for batch in batches[roots[r].batches] {
                for v in batch.firstVertex..<(batch.firstVertex + batch.vertexCount) {
                    let p = g.positions[v]
                    box = box.map { $0.including(p) } ?? BoundingBox(min: p, max: p)
                }
            }
            roots[r].bounds = box
        }
        return g
    }

    /// Area-weighted vertex normals, for tangent generation on meshes without normals.
    static func smoothNormals(_ p: Primitive) -> [SIMD3<Float>] {
        var out = [SIMD3<Float>](repeating: .zero, count: p.vertexCount)
        var t = 0
        while t + 2 < p.indices.count {
            let (i0, i1, i2) = (Int(p.indices[t]), Int(p.indices[t + 1]), Int(p.indices[t + 2]))
            let n = cross(p.positions[i1] - p.positions[i0], p.positions[i2] - p.positions[i0])
            out[i0] += n
            out[i1] += n
            out[i2] += n
            t += 3
        }
        return out.map { normalize($0) }
    }
}
