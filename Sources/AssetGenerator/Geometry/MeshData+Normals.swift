import Render

extension MeshData {
    /// Replaces the normals with area-weighted averages of the face normals around each vertex.
    ///
    /// Vertices at the same position share their normal when `weldSeams` is set (so UV seams
    /// and the joins of separately built patches do not show), and keep their own otherwise
    /// (hard edges are made by building the edge's vertices twice with `weldSeams` off).
    public mutating func recomputeNormals(weldSeams: Bool = true) {
        var accumulated = [SIMD3<Float>](repeating: .zero, count: vertexCount)
        for t in stride(from: 0, to: indices.count, by: 3) {
            let a = Int(indices[t])
            let b = Int(indices[t + 1])
            let c = Int(indices[t + 2])
            // The cross product's length is twice the area: an area-weighted face normal.
            let n = cross(positions[b] - positions[a], positions[c] - positions[a])
            accumulated[a] += n
            accumulated[b] += n
            accumulated[c] += n
        }
        if weldSeams {
            var groups: [SIMD3<UInt32>: SIMD3<Float>] = [:]
            for (i, p) in positions.enumerated() {
                groups[Self.key(p), default: .zero] += accumulated[i]
            }
            for (i, p) in positions.enumerated() { accumulated[i] = groups[Self.key(p)] ?? accumulated[i] }
        }
        normals = accumulated.enumerated().map { i, n in
            let u = normalize(n)
            return u == .zero ? (normals.indices.contains(i) ? normals[i] : SIMD3(0, 1, 0)) : u
        }
    }

    /// Exact position key (bit patterns), so welding never depends on a tolerance.
    private static func key(_ p: SIMD3<Float>) -> SIMD3<UInt32> {
        // +0 and -0 are the same point.
        SIMD3((p.x + 0).bitPattern, (p.y + 0).bitPattern, (p.z + 0).bitPattern)
    }
}
