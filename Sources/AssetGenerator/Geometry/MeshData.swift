import Render

/// A triangle list under construction: the vertex attributes a glTF primitive carries.
///
/// Units are metres, +Y up. Triangles wind counter-clockwise seen from outside (glTF's front
/// face). `tangents` are filled by ``computeTangents()`` when a material has a normal map.
public struct MeshData: Sendable, Equatable {
    /// Vertex positions.
    public var positions: [SIMD3<Float>] = []
    /// Unit vertex normals, one per position.
    public var normals: [SIMD3<Float>] = []
    /// Texture coordinates (glTF: origin at the image's top-left, v down), one per position.
    public var uvs: [SIMD2<Float>] = []
    /// Tangents with handedness in `w`, or empty.
    public var tangents: [SIMD4<Float>] = []
    /// Triangle vertex indices, three per triangle.
    public var indices: [UInt32] = []

    /// An empty mesh.
    public init() {}

    /// Number of vertices.
    public var vertexCount: Int { positions.count }

    /// Number of triangles.
    public var triangleCount: Int { indices.count / 3 }

    /// Appends one vertex and returns its index.
    @discardableResult
    public mutating func addVertex(_ p: SIMD3<Float>, normal n: SIMD3<Float>, uv: SIMD2<Float>) -> UInt32 {
        positions.append(p)
        normals.append(n)
        uvs.append(uv)
        return UInt32(positions.count - 1)
    }

    /// Appends a triangle (counter-clockwise seen from the side the normals point to).
    public mutating func addTriangle(_ a: UInt32, _ b: UInt32, _ c: UInt32) {
        indices.append(a)
        indices.append(b)
        indices.append(c)
    }

    /// Appends another mesh's vertices and triangles.
    public mutating func append(_ other: MeshData) {
        let base = UInt32(positions.count)
        positions += other.positions
        normals += other.normals
        uvs += other.uvs
        if !tangents.isEmpty || !other.tangents.isEmpty {
            tangents +=
                other.tangents.isEmpty ? Array(repeating: SIMD4(1, 0, 0, 1), count: other.vertexCount) : other.tangents
        }
        indices += other.indices.map { $0 + base }
    }

    /// The mesh moved by a rigid or scaling transform (`linear` then `translation`); normals
    /// follow with the inverse transpose and tangents with `linear`.
    public func transformed(_ transform: AffineTransform) -> MeshData {
        var out = self
        out.positions = positions.map { transform.apply(point: $0) }
        out.normals = normals.map { transform.apply(normal: $0) }
        out.tangents = tangents.map {
            let t = normalize(transform.apply(vector: SIMD3($0.x, $0.y, $0.z)))
            return SIMD4(t.x, t.y, t.z, transform.flipsHandedness ? -$0.w : $0.w)
        }
        if transform.flipsHandedness {
            for t in stride(from: 0, to: out.indices.count, by: 3) { out.indices.swapAt(t + 1, t + 2) }
        }
        return out
    }

    /// The mesh with its texture coordinates mapped by `uv * scale + offset`.
    public func mappingUV(scale: SIMD2<Float>, offset: SIMD2<Float>) -> MeshData {
        var out = self
        out.uvs = uvs.map { $0 * scale + offset }
        return out
    }

    /// The axis-aligned bounds of the positions, or `nil` for an empty mesh.
    public var bounds: (min: SIMD3<Float>, max: SIMD3<Float>)? {
        guard var lo = positions.first else { return nil }
        var hi = lo
        for p in positions {
            lo = pointwiseMin(lo, p)
            hi = pointwiseMax(hi, p)
        }
        return (lo, hi)
    }
}
