/// Nodes, the node graph, scenes and cameras.
extension GLTFReader {
    /// Reads node `index`: transform, children, mesh and camera references.
    /// - Throws: for unresolved references or a transform with non-finite numbers.
    mutating func node(_ index: Int) throws(SceneError) -> Node {
        let node = nodes[index]
        var out = Node(name: try node.string("name"))
        out.mesh = try node.index("mesh", kind: "mesh", count: meshes.count)
        out.camera = try node.index("camera", kind: "camera", count: cameras.count)
        for child in try node.array("children") ?? [] {
            out.children.append(try child.asIndex(kind: "node", count: nodes.count))
        }
        let translation = try node.floats("translation", count: 3)
        let rotationValues = try node.floats("rotation", count: 4)
        let scale = try node.floats("scale", count: 3)
        if let m = try node.floats("matrix", count: 16) {
            if translation != nil || rotationValues != nil || scale != nil {
                warn(node.path, "node has both a matrix and translation/rotation/scale: the matrix is used")
            }
            out.localMatrix = Matrix4(columnMajor: m)
            return out
        }
        var rotation = SIMD4<Float>(0, 0, 0, 1)
        if let r = rotationValues {
            rotation = SIMD4(r[0], r[1], r[2], r[3])
            let length = (rotation * rotation).sum().squareRoot()
            guard length > 1e-6 else {
                throw .invalidValue(file: file, jsonPath: node.path("rotation"), reason: "rotation quaternion is zero")
            }
            if abs(length - 1) > 1e-3 {
                warn(node.path("rotation"), "rotation quaternion has length \(length): normalised")
            }
            rotation /= length
        }
        let t = translation.map { SIMD3($0[0], $0[1], $0[2]) } ?? .zero
        let s = scale.map { SIMD3($0[0], $0[1], $0[2]) } ?? SIMD3(1, 1, 1)
        out.localMatrix = .trs(translation: t, rotation: rotation, scale: s)
        if try node.member("skin") != nil {
            warn(node.path("skin"), "skin ignored: the mesh is drawn in its bind pose")
        }
        return out
    }

    /// Checks that the nodes form a forest: every node has at most one parent and following
    /// children from the roots reaches every node (anything unreached is on a cycle).
    /// - Throws: ``SceneError/invalidNodeGraph(file:jsonPath:reason:)``.
    func checkNodeGraph(_ graph: [Node]) throws(SceneError) -> [Int?] {
        var parent = [Int?](repeating: nil, count: graph.count)
        for (i, n) in graph.enumerated() {
            for (k, c) in n.children.enumerated() {
                let path = "nodes[\(i)].children[\(k)]"
                if c == i { throw .invalidNodeGraph(file: file, jsonPath: path, reason: "node \(i) is its own child") }
                if let p = parent[c] {
                    let reason =
                        p == i
                        ? "node \(c) is listed twice as a child of node \(i)"
                        : "node \(c) has two parents (nodes \(p) and \(i)); glTF nodes have one"
                    throw .invalidNodeGraph(file: file, jsonPath: path, reason: reason)
                }
                parent[c] = i
            }
        }
        var reached = [Bool](repeating: false, count: graph.count)
        var stack = graph.indices.filter { parent[$0] == nil }
        while let n = stack.popLast() {
            reached[n] = true
            stack.append(contentsOf: graph[n].children)
        }
        if let first = reached.firstIndex(of: false) {
            throw .invalidNodeGraph(
                file: file, jsonPath: "nodes[\(first)]", reason: "node \(first) is on a cycle of the node graph")
        }
        return parent
    }

    /// Reads the scenes and the default scene index. A file without scenes gets one that
    /// holds every root node, so that models exported without a scene still draw.
    mutating func sceneRoots(parents: [Int?]) throws(SceneError) -> (scenes: [SceneRoots], defaultScene: Int) {
        var out: [SceneRoots] = []
        for scene in scenes {
            var roots: [Int] = []
            for n in try scene.array("nodes") ?? [] {
                let index = try n.asIndex(kind: "node", count: nodes.count)
                if roots.contains(index) {
                    warn(n.path, "node \(index) is listed twice: drawn once")
                    continue
                }
                if let p = parents[index] {
                    warn(n.path, "node \(index) is not a root node (its parent is node \(p))")
                }
                roots.append(index)
            }
            out.append(SceneRoots(name: try scene.string("name"), nodes: roots))
        }
        let defaultScene = try root.index("scene", kind: "scene", count: scenes.count) ?? 0
        if out.isEmpty {
            let roots = parents.indices.filter { parents[$0] == nil }
            if !roots.isEmpty { warn("scenes", "the file has no scene: every root node is drawn") }
            out = [SceneRoots(name: nil, nodes: roots)]
        }
        return (out, defaultScene)
    }

    /// Reads camera `index`.
    /// - Throws: for a missing or unknown type, or values a projection cannot use (a
    ///   non-positive field of view or near plane, a far plane not beyond the near one, a zero
    ///   orthographic magnification).
    mutating func camera(_ index: Int) throws(SceneError) -> Camera {
        let node = cameras[index]
        let type = try node.required("type")
        switch try type.asString() {
        case "perspective":
            let p = try node.required("perspective")
            let yfov = try positive(p, "yfov")
            if yfov >= .pi { warn(p.path("yfov"), "field of view \(yfov) is not below pi") }
            let znear = try positive(p, "znear")
            let zfar = try p.float("zfar")
            if let zfar, zfar <= znear {
                throw .invalidValue(
                    file: file, jsonPath: p.path("zfar"), reason: "zfar \(zfar) is not beyond znear \(znear)")
            }
            let aspect = try p.member("aspectRatio") == nil ? nil : try positive(p, "aspectRatio")
            return .perspective(
                name: try node.string("name"), yfov: yfov, aspectRatio: aspect, znear: znear, zfar: zfar)
        case "orthographic":
            let o = try node.required("orthographic")
            let xmag = try o.required("xmag").asFloat()
            let ymag = try o.required("ymag").asFloat()
            guard xmag != 0, ymag != 0 else {
                throw .invalidValue(file: file, jsonPath: o.path, reason: "xmag and ymag must not be zero")
            }
            let znear = try o.required("znear").asFloat()
            let zfar = try o.required("zfar").asFloat()
            guard znear >= 0, zfar > znear else {
                throw .invalidValue(
                    file: file, jsonPath: o.path, reason: "needs 0 <= znear < zfar, found \(znear) and \(zfar)")
            }
            return .orthographic(name: try node.string("name"), xmag: xmag, ymag: ymag, znear: znear, zfar: zfar)
        case let other:
            throw type.error("camera type '\(other)' is not perspective or orthographic")
        }
    }

    private func positive(_ node: JSONNode, _ key: String) throws(SceneError) -> Float {
        let valueNode = try node.required(key)
        let v = try valueNode.asFloat()
        guard v > 0 else { throw valueNode.error("\(key) must be positive, found \(v)") }
        return v
    }
}
