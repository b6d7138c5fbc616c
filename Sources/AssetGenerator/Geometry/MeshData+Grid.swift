extension MeshData {
    /// A regular grid of `(columns + 1) x (rows + 1)` vertices, two triangles a cell.
    ///
    /// Vertex `(i, j)` gets `position(i, j)` and `uv(i, j)`. Triangles face the side of
    /// `∂p/∂i x ∂p/∂j` (or the opposite side with `flipped`). Normals are left zero for the
    /// caller to set (``recomputeNormals(weldSeams:)`` or analytic ones through `normal`).
    /// - Parameters:
    ///   - columns: cells along `i` (at least 1).
    ///   - rows: cells along `j` (at least 1).
    ///   - flipped: reverse the winding.
    ///   - position: the vertex position.
    ///   - normal: the vertex normal, or `nil` to leave it for ``recomputeNormals(weldSeams:)``.
    ///   - uv: the vertex texture coordinate.
    public static func grid(
        columns: Int, rows: Int, flipped: Bool = false,
        position: (Int, Int) -> SIMD3<Float>,
        normal: ((Int, Int) -> SIMD3<Float>)? = nil,
        uv: (Int, Int) -> SIMD2<Float>
    ) -> MeshData {
        precondition(columns >= 1 && rows >= 1, "a grid needs at least one cell")
        var mesh = MeshData()
        mesh.positions.reserveCapacity((columns + 1) * (rows + 1))
        for j in 0...rows {
            for i in 0...columns {
                mesh.addVertex(position(i, j), normal: normal?(i, j) ?? .zero, uv: uv(i, j))
            }
        }
        let stride = UInt32(columns + 1)
        for j in 0..<UInt32(rows) {
            for i in 0..<UInt32(columns) {
                let a = j * stride + i
                let b = a + 1
                let c = a + stride + 1
                let d = a + stride
                if flipped {
                    mesh.addTriangle(a, c, b)
                    mesh.addTriangle(a, d, c)
                } else {
                    mesh.addTriangle(a, b, c)
                    mesh.addTriangle(a, c, d)
                }
            }
        }
        if normal == nil { mesh.recomputeNormals() }
        return mesh
    }
}
