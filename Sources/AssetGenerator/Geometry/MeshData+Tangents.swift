import Render

extension MeshData {
    /// Fills ``tangents`` from the positions, normals and UVs (per-triangle UV derivatives,
    /// averaged per vertex, made orthogonal to the normal).
    ///
    /// glTF's convention, as exported by Blender and read by the Khronos sample viewer: `xyz`
    /// points along increasing u, and `cross(normal, xyz) * w` along *decreasing* v (up in the
    /// image, since glTF's v runs down the image), so a normal map's green channel means "up
    /// in the picture". `w` is -1 where the UV layout is mirrored.
    public mutating func computeTangents() {
        var tu = [SIMD3<Float>](repeating: .zero, count: vertexCount)
        var tv = [SIMD3<Float>](repeating: .zero, count: vertexCount)
        for t in stride(from: 0, to: indices.count, by: 3) {
            let ia = Int(indices[t])
            let ib = Int(indices[t + 1])
            let ic = Int(indices[t + 2])
            let e1 = positions[ib] - positions[ia]
            let e2 = positions[ic] - positions[ia]
            let d1 = uvs[ib] - uvs[ia]
            let d2 = uvs[ic] - uvs[ia]
            let det = d1.x * d2.y - d2.x * d1.y
            guard det != 0 else { continue }
            let r = 1 / det
            let dPdu = (e1 * d2.y - e2 * d1.y) * r
            let dPdv = (e2 * d1.x - e1 * d2.x) * r
            for i in [ia, ib, ic] {
                tu[i] += dPdu
                tv[i] += dPdv
            }
        }
        tangents = (0..<vertexCount).map { i in
            let n = normals[i]
            var t = normalize(tu[i] - n * dot(n, tu[i]))
            if t == .zero {
                // No usable UV gradient (a pole or a degenerate patch): any perpendicular works.
                let helper: SIMD3<Float> = abs(n.x) < 0.9 ? SIMD3(1, 0, 0) : SIMD3(0, 1, 0)
                t = normalize(cross(helper, n))
            }
            let w: Float = dot(cross(n, t), -tv[i]) < 0 ? -1 : 1
            return SIMD4(t.x, t.y, t.z, w)
        }
    }
}
