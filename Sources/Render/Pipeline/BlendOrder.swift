/// The drawing order of blended triangles: back to front by the view-space depth of each
/// triangle's centroid, ties broken by draw order (triangle index), so the order is total
/// and the same on every run.
enum BlendOrder {
    /// One single-triangle ``DrawRange`` per blended triangle, farthest first.
    static func ranges(
        _ triangles: [UInt32], geometry: GeometryView, view: Matrix4, batchMaterial: [Int32],
        states: [MaterialRasterState]
    ) -> [DrawRange] {
        guard !triangles.isEmpty else { return [] }
        // View-space z of the centroid: (V * p).z; the camera looks down -z, so depth = -z.
        let row = SIMD4(view.c0.z, view.c1.z, view.c2.z, view.c3.z)
        var keyed: [(depth: Float, triangle: UInt32)] = triangles.map { t in
            let i = Int(t) * 3
            let p =
                (geometry.positions[Int(geometry.indices[i])] + geometry.positions[Int(geometry.indices[i + 1])]
                    + geometry.positions[Int(geometry.indices[i + 2])]) / 3
            let z = (row * SIMD4(p.x, p.y, p.z, 1)).sum()
            return (z.isNaN ? -.infinity : -z, t)
        }
        keyed.sort { a, b in a.depth != b.depth ? a.depth > b.depth : a.triangle < b.triangle }
        return keyed.map { entry in
            let state = states[Int(batchMaterial[Int(geometry.triangleBatch[Int(entry.triangle)])])]
            return DrawRange(first: entry.triangle, count: 1, doubleSided: state.doubleSided, flags: state.rasterFlags)
        }
    }
}
