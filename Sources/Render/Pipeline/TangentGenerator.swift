import Foundation

/// Per-vertex tangents for primitives that have a normal map but no `TANGENT` attribute.
///
/// MikkTSpace-like, without vertex splitting: each triangle's tangent and bitangent follow from
/// its UV gradients (Lengyel, "Computing Tangent Space Basis Vectors for an Arbitrary Mesh",
/// 2001); they are accumulated per vertex weighted by the triangle's corner angle (as
/// MikkTSpace weights), then the tangent is made orthogonal to the vertex normal
/// (Gram-Schmidt) and the handedness `w = ±1` is the sign of the accumulated bitangent against
/// `cross(n, t)`. Vertices whose UVs are degenerate get any unit vector perpendicular to the
/// normal. The computation is serial and deterministic.
enum TangentGenerator {
    /// Tangents for a triangle list.
    /// - Parameters:
    ///   - positions: vertex positions.
    ///   - normals: unit vertex normals (the same count as `positions`).
    ///   - uvs: the UV set of the normal map.
    ///   - indices: three indices per triangle, each in range.
    /// - Returns: one tangent per vertex, `xyz` unit length, `w` = ±1.
    static func tangents(
        positions: [SIMD3<Float>], normals: [SIMD3<Float>], uvs: [SIMD2<Float>], indices: [UInt32]
    ) -> [SIMD4<Float>] {
        let n = positions.count
        var tan = [SIMD3<Float>](repeating: .zero, count: n)
        var bit = [SIMD3<Float>](repeating: .zero, count: n)
        var t = 0
        while t + 2 < indices.count {
            let i = (Int(indices[t]), Int(indices[t + 1]), Int(indices[t + 2]))
            t += 3
            let (p0, p1, p2) = (positions[i.0], positions[i.1], positions[i.2])
            let (w0, w1, w2) = (uvs[i.0], uvs[i.1], uvs[i.2])
            let e1 = p1 - p0
            let e2 = p2 - p0
            let d1 = w1 - w0
            let d2 = w2 - w0
            let det = d1.x * d2.y - d2.x * d1.y
            guard det != 0, det.isFinite else { continue }
            let r = 1 / det
            let faceT = (e1 * d2.y - e2 * d1.y) * r
            let faceB = (e2 * d1.x - e1 * d2.x) * r
            guard faceT.x.isFinite, faceT.y.isFinite, faceT.z.isFinite else { continue }
            let a0 = Self.angle(p1 - p0, p2 - p0)
            let a1 = Self.angle(p2 - p1, p0 - p1)
            let a2 = Self.angle(p0 - p2, p1 - p2)
            tan[i.0] += faceT * a0
            bit[i.0] += faceB * a0
            tan[i.1] += faceT * a1
            bit[i.1] += faceB * a1
            tan[i.2] += faceT * a2
            bit[i.2] += faceB * a2
        }
        var out = [SIMD4<Float>](repeating: .zero, count: n)
        for v in 0..<n {
            let nrm = normals[v]
            var tv = tan[v] - nrm * dot(nrm, tan[v])
            if length(tv) < 1e-12 { tv = Self.anyPerpendicular(nrm) }
            tv = normalize(tv)
            // bit accumulates dP/dv; glTF's v runs down the texture, normal maps' green runs up.
            let w: Float = dot(cross(nrm, tv), bit[v]) > 0 ? -1 : 1
            out[v] = SIMD4(tv.x, tv.y, tv.z, w)
        }
        return out
    }

    /// The angle between two vectors, 0 when either is zero.
    private static func angle(_ a: SIMD3<Float>, _ b: SIMD3<Float>) -> Float {
        let la = length(a)
        let lb = length(b)
        guard la > 0, lb > 0 else { return 0 }
        let c = min(max(dot(a, b) / (la * lb), -1), 1)
        return Foundation.acos(c)
    }

    /// A unit vector perpendicular to `n` (or +X when `n` is zero).
    static func anyPerpendicular(_ n: SIMD3<Float>) -> SIMD3<Float> {
        guard length(n) > 0 else { return SIMD3(1, 0, 0) }
        let helper: SIMD3<Float> = abs(n.x) < 0.9 ? SIMD3(1, 0, 0) : SIMD3(0, 1, 0)
        return normalize(cross(helper, n))
    }
}
