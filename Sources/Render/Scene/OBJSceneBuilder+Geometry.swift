/// OBJ groups to nodes, meshes and primitives.
extension OBJSceneBuilder {
    /// Adds one node and mesh per group that has faces, and one scene holding them all.
    mutating func addGroups(_ obj: OBJParser) throws(SceneError) {
        var roots: [Int] = []
        for group in obj.groups where group.buckets.contains(where: { !$0.corners.isEmpty }) {
            var primitives: [Primitive] = []
            for bucket in group.buckets where !bucket.corners.isEmpty {
                primitives.append(primitive(bucket, obj))
            }
            scene.meshes.append(Mesh(name: group.name, primitives: primitives))
            roots.append(scene.nodes.count)
            scene.nodes.append(Node(name: group.name, mesh: scene.meshes.count - 1))
        }
        scene.scenes = [SceneRoots(name: nil, nodes: roots)]
        scene.defaultScene = 0
    }

    /// A primitive from a bucket's corners: each distinct (v, vt, vn) becomes one vertex.
    private mutating func primitive(_ bucket: OBJParser.Bucket, _ obj: OBJParser) -> Primitive {
        var material: Int?
        if let name = bucket.material {
            material = materialIndex[name]
            if material == nil { warn("line \(bucket.line)", "material \(name) is not defined: default used") }
        }
        let corners = bucket.corners
        let hasUV = corners.contains { $0.y >= 0 }
        let normalCount = corners.reduce(0) { $0 + ($1.z >= 0 ? 1 : 0) }
        let hasNormals = normalCount == corners.count
        if normalCount > 0, !hasNormals {
            warn("line \(bucket.line)", "some faces have normals and some not: normals are generated")
        }
        let hasColors = !obj.colors.isEmpty
        var lookup: [SIMD3<Int32>: UInt32] = [:]
        lookup.reserveCapacity(corners.count / 2)
        var positions: [SIMD3<Float>] = []
        var uvs: [SIMD2<Float>] = []
        var normals: [SIMD3<Float>] = []
        var colors: [SIMD4<Float>] = []
        var indices: [UInt32] = []
        indices.reserveCapacity(corners.count)
        for c in corners {
            let key = SIMD3(c.x, hasUV ? c.y : -1, hasNormals ? c.z : -1)
            if let index = lookup[key] {
                indices.append(index)
                continue
            }
            let index = UInt32(positions.count)
            lookup[key] = index
            indices.append(index)
            positions.append(obj.positions[Int(c.x)])
            if hasUV { uvs.append(c.y >= 0 ? obj.texcoords[Int(c.y)] : .zero) }
            if hasNormals { normals.append(obj.normals[Int(c.z)]) }
            if hasColors {
                let rgb = obj.colors[Int(c.x)]
                colors.append(SIMD4(rgb, 1))
            }
        }
        if !hasUV, let material, !scene.materials[material].textureBindings.isEmpty {
            warn(
                "line \(bucket.line)",
                "material \(scene.materials[material].name ?? "") has textures but the faces have no UVs")
            uvs = [SIMD2<Float>](repeating: .zero, count: positions.count)
        }
        return Primitive(
            positions: positions, normals: hasNormals ? normals : nil, texcoords: uvs.isEmpty ? [] : [uvs],
            colors: hasColors ? colors : nil, indices: indices, material: material)
    }
}
