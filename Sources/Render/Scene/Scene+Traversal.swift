/// Walking the node graph: what a scene draws, where, and how big it is.
extension Scene {
    /// One mesh instance to draw: a node's mesh with the node's world transform.
    public struct DrawItem: Sendable, Equatable {
        /// Index into ``Scene/nodes``.
        public var node: Int
        /// Index into ``Scene/meshes``.
        public var mesh: Int
        /// Local-to-world transform.
        public var worldMatrix: Matrix4
    }

    /// The scene index used when `sceneIndex` is `nil`.
    public func resolvedSceneIndex(_ sceneIndex: Int?) -> Int {
        sceneIndex ?? defaultScene
    }

    /// Mesh instances of a scene in depth-first order (roots in file order, children in file
    /// order), so the order, and therefore the output, is deterministic.
    /// - Parameter sceneIndex: which scene, `nil` for the default one.
    public func drawList(sceneIndex: Int? = nil) -> [DrawItem] {
        var items: [DrawItem] = []
        walk(sceneIndex: sceneIndex) { n, world in
            if let m = nodes[n].mesh, meshes.indices.contains(m) {
                items.append(DrawItem(node: n, mesh: m, worldMatrix: world))
            }
        }
        return items
    }

    /// World transforms of the nodes that carry a camera, as `(camera index, world matrix)`.
    public func cameraNodes(sceneIndex: Int? = nil) -> [(camera: Int, worldMatrix: Matrix4)] {
        var out: [(Int, Matrix4)] = []
        walk(sceneIndex: sceneIndex) { n, world in
            if let c = nodes[n].camera, cameras.indices.contains(c) { out.append((c, world)) }
        }
        return out
    }

    /// Visits the nodes of a scene depth-first (pre-order) with their world matrices.
    ///
    /// Iterative, so a deep (valid) hierarchy cannot exhaust the stack. Importers reject cycles;
    /// for a hand-built scene the walk still stops at a depth equal to the node count and after
    /// `4 * nodes.count` visits, so a cycle cannot loop forever.
    private func walk(sceneIndex: Int?, _ visit: (Int, Matrix4) -> Void) {
        let index = resolvedSceneIndex(sceneIndex)
        guard scenes.indices.contains(index) else { return }
        var stack: [(node: Int, parent: Matrix4, depth: Int)] = scenes[index].nodes.reversed().map {
            ($0, .identity, 0)
        }
        var budget = 4 * nodes.count + 16
        while let (n, parent, depth) = stack.popLast(), budget > 0 {
            guard nodes.indices.contains(n), depth <= nodes.count else { continue }
            budget -= 1
            let world = parent * nodes[n].localMatrix
            visit(n, world)
            for child in nodes[n].children.reversed() { stack.append((child, world, depth + 1)) }
        }
    }

    /// Triangles drawn by a scene, each mesh counted once per node that instances it.
    public func triangleCount(sceneIndex: Int? = nil) -> Int {
        drawList(sceneIndex: sceneIndex).reduce(0) { sum, item in
            sum + meshes[item.mesh].primitives.reduce(0) { $0 + $1.triangleCount }
        }
    }

    /// World-space axis-aligned bounds of a scene's geometry, or `nil` when it draws nothing.
    public func bounds(sceneIndex: Int? = nil) -> BoundingBox? {
        var box: BoundingBox?
        for item in drawList(sceneIndex: sceneIndex) {
            for primitive in meshes[item.mesh].primitives where !primitive.indices.isEmpty {
                for p in primitive.positions {
                    let w = item.worldMatrix.transformAffinePoint(p)
                    box = box.map { $0.including(w) } ?? BoundingBox(min: w, max: w)
                }
            }
        }
        return box
    }
}

/// An axis-aligned bounding box.
public struct BoundingBox: Sendable, Equatable {
    /// Smallest corner.
    public var min: SIMD3<Float>
    /// Largest corner.
    public var max: SIMD3<Float>

    /// Creates a box from its corners.
    public init(min: SIMD3<Float>, max: SIMD3<Float>) {
        self.min = min
        self.max = max
    }

    /// The box grown to contain `p`.
    public func including(_ p: SIMD3<Float>) -> BoundingBox {
        BoundingBox(min: pointwiseMin(min, p), max: pointwiseMax(max, p))
    }

    /// Centre of the box.
    public var center: SIMD3<Float> { (min + max) * 0.5 }

    /// Radius of the sphere around ``center`` that holds the box.
    public var radius: Float { length(max - min) * 0.5 }
}
