import Render

/// A box with rounded edges and corners (a seat cushion, a heel tab, a cap).
///
/// Built from a subdivided cube whose points are pushed onto the rounded surface: the inner
/// box plus `radius` along the direction from it. Each face gets its own UV square (planar
/// projection in metres, `uvPerMetre`), so tiling fabrics keep their scale on every face.
public struct RoundedBox: Sendable {
    /// Full size along X, Y, Z.
    public var size: SIMD3<Float>
    /// Edge radius (at most half the smallest size).
    public var radius: Float
    /// Cells along each face edge.
    public var segments: Int
    /// Texture units per metre.
    public var uvPerMetre: Float
    /// Extra height added to the top face's middle (a cushion's crown), in metres.
    public var crown: Float

    /// Creates a rounded box centred on the origin.
    public init(size: SIMD3<Float>, radius: Float, segments: Int = 16, uvPerMetre: Float = 4, crown: Float = 0) {
        self.size = size
        self.radius = min(radius, size.min() / 2)
        self.segments = segments
        self.uvPerMetre = uvPerMetre
        self.crown = crown
    }

    /// The mesh, with normals averaged across the faces' shared edges.
    public func mesh() -> MeshData {
        let half = size / 2
        let inner = half - SIMD3(repeating: radius)
        // Each face: outward axis, and the two in-face axes (u x v = outward).
        let faces: [(n: SIMD3<Float>, u: SIMD3<Float>, v: SIMD3<Float>)] = [
            (SIMD3(0, 0, 1), SIMD3(1, 0, 0), SIMD3(0, 1, 0)),
            (SIMD3(0, 0, -1), SIMD3(-1, 0, 0), SIMD3(0, 1, 0)),
            (SIMD3(1, 0, 0), SIMD3(0, 0, -1), SIMD3(0, 1, 0)),
            (SIMD3(-1, 0, 0), SIMD3(0, 0, 1), SIMD3(0, 1, 0)),
            (SIMD3(0, 1, 0), SIMD3(1, 0, 0), SIMD3(0, 0, -1)),
            (SIMD3(0, -1, 0), SIMD3(1, 0, 0), SIMD3(0, 0, 1)),
        ]
        var mesh = MeshData()
        for face in faces {
            // Spacing denser near the edges, where the rounding is.
            let s = segments
            func param(_ i: Int) -> Float {
                let t = Float(i) / Float(s) * 2 - 1
                return t * (1.5 - 0.5 * t * t)  // smooth, steeper in the middle, flatter at the ends
            }
            // Half extents along the face's axes (the axes are unit vectors, possibly negative).
            let extentU = (face.u * face.u * half).sum()
            let extentV = (face.v * face.v * half).sum()
            let depth = (face.n * face.n * half).sum()
            let faceMesh = MeshData.grid(
                columns: s, rows: s,
                position: { i, j in
                    let cube = face.n * depth + face.u * (param(i) * extentU) + face.v * (param(j) * extentV)
                    return surfacePoint(cube, inner: inner, half: half)
                },
                uv: { i, j in
                    SIMD2(param(i) * extentU, -param(j) * extentV) * uvPerMetre + SIMD2(0.5, 0.5)
                })
            mesh.append(faceMesh)
        }
        mesh.recomputeNormals()
        return mesh
    }

    private func surfacePoint(_ cube: SIMD3<Float>, inner: SIMD3<Float>, half: SIMD3<Float>) -> SIMD3<Float> {
        let clamped = pointwiseMin(pointwiseMax(cube, -inner), inner)
        var p = clamped + normalize(cube - clamped) * radius
        if crown != 0 && p.y > 0 {
            // A cushion's crown: highest in the middle, fading to nothing at the rim.
            let fx = max(0, 1 - (p.x / half.x) * (p.x / half.x))
            let fz = max(0, 1 - (p.z / half.z) * (p.z / half.z))
            p.y += crown * fx * fz * (p.y / half.y)
        }
        return p
    }
}
