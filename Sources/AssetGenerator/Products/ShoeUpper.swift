import Render

/// The sneaker's upper: a shell over the last with a padded edge around the collar and the
/// lacing throat, the lining inside it, the footbed, and the tongue.
///
/// UV atlas of the upper's colour texture: the lateral side in v 0...0.4 (a side view, heel
/// left), the medial side in v 0.4...0.8 (mirrored, so its print reads the right way), the
/// tongue in v 0.8...1.
enum ShoeUpper {
    typealias Side = ShoeLast.Side
    static let columns = 20

    /// Rows along the shoe: dense at the ends and around the throat's rounded front.
    static let rows: [Float] = {
        var ts: [Float] = (0...64).map { k in
            let s = Double(k) / 64
            return Float(s - DMath.sin(2 * DMath.pi * s) / (2 * DMath.pi) * 0.7)
        }
        ts += stride(from: ShoeLast.throatEnd - 0.048, through: ShoeLast.throatEnd + 0.008, by: 0.004).map { $0 }
        return Array(Set(ts)).sorted()
    }()

    /// Thickness of the shell at a column fraction `f` (0 = sole, 1 = edge): padded towards
    /// the collar's edge, thinner along the throat.
    static func thickness(_ t: Float, _ f: Float) -> Float {
        let pad: Float = 0.002 + 0.007 * (1 - Color.smoothstep(0.28, 0.4, t))
        return 0.003 + pad * Color.smoothstep(0.55, 1, f)
    }

    /// Texture coordinates of a point on one side.
    static func uv(_ t: Float, _ theta: Float, _ side: Side) -> SIMD2<Float> {
        let down = 1 - theta / ShoeLast.halfPi
        return side == .lateral ? SIMD2(t, 0.4 * down) : SIMD2(1 - t, 0.4 + 0.4 * down)
    }

    /// The outer surface of one side, and its grid of positions (rows x columns + 1).
    static func outer(_ side: Side) -> MeshData {
        MeshData.grid(
            columns: columns, rows: rows.count - 1, flipped: side == .lateral,
            position: { i, j in
                let t = rows[j]
                return ShoeLast.upper(t, ShoeLast.thetaMax(t) * Float(i) / Float(columns), side)
            },
            uv: { i, j in
                let t = rows[j]
                return uv(t, ShoeLast.thetaMax(t) * Float(i) / Float(columns), side)
            })
    }

    /// Outer shells of both sides (normals welded along the ridge and the heel), the lining
    /// and the padded edge. Returns (leather, lining) meshes.
    static func shell() -> (upper: MeshData, lining: MeshData) {
        var outerBoth = outer(.lateral)
        let lateralCount = outerBoth.vertexCount
        outerBoth.append(outer(.medial))
        outerBoth.recomputeNormals()
        var lining = MeshData()
        var edge = MeshData()
        for (s, side) in [Side.lateral, Side.medial].enumerated() {
            let base = s * lateralCount
            let stride = columns + 1
            // Lining: the outer surface moved in along its normal, wound the other way.
            let inner = MeshData.grid(
                columns: columns, rows: rows.count - 1, flipped: side != .lateral,
                position: { i, j in
                    let k = base + j * stride + i
                    return outerBoth.positions[k] - outerBoth.normals[k] * thickness(rows[j], Float(i) / Float(columns))
                },
                uv: { i, j in SIMD2(rows[j], Float(i) / Float(columns)) })
            lining.append(inner)
            // The padded edge: a half-round from the outer edge to the lining's edge, for
            // every row where the upper is open (and the first closed one).
            let open = rows.indices.filter { rows[$0] <= ShoeLast.throatEnd }
            let steps = 10
            edge.append(
                MeshData.grid(
                    columns: steps, rows: open.count - 1, flipped: side != .lateral,
                    position: { i, j in
                        let row = open[j]
                        let k = base + row * stride + columns
                        let o = outerBoth.positions[k]
                        let n = outerBoth.normals[k]
                        let d = thickness(rows[row], 1)
                        let inward = o - n * d
                        // Beyond the edge: continue along the surface (from the previous column).
                        let before = outerBoth.positions[k - 1]
                        let along = normalize(o - before)
                        let phi = Double(i) / Double(steps) * DMath.pi
                        let centre = (o + inward) / 2
                        return centre + (o - centre) * Float(DMath.cos(phi)) + along
                            * (d * 0.55 * Float(DMath.sin(phi)))
                    },
                    uv: { _, j in
                        let t = rows[open[j]]
                        return uv(t, ShoeLast.thetaMax(t) * 0.995, side)
                    }))
        }
        var leather = outerBoth
        leather.append(edge)
        lining.recomputeNormals()
        return (leather, lining)
    }

    /// The footbed seen through the collar: a flat insole inside the lining.
    static func footbed() -> MeshData {
        let inset: Float = 0.006
        let ts = rows.filter { $0 > 0.004 && $0 < 0.996 }
        return MeshData.grid(
            columns: 8, rows: ts.count - 1, flipped: true,
            position: { i, j in
                let t = ts[j]
                let a = ShoeLast.footprint(t, .lateral, offset: -inset)
                let b = ShoeLast.footprint(t, .medial, offset: -inset)
                let f = Float(i) / 8
                let p = a + (b - a) * f
                return SIMD3(p.x, ShoeLast.upperBase(t) + 0.007, p.y)
            },
            uv: { i, j in SIMD2(Float(i) / 8, ts[j]) })
    }

    // MARK: - Tongue

    /// The tongue: a padded flap under the lacing, from under the vamp up past the collar.
    static func tongue() -> (top: MeshData, under: MeshData) {
        let along = 24
        let across = 16
        func point(_ i: Int, _ j: Int) -> SIMD3<Float> {
            let tt = Float(j) / Float(along)
            let t = ShoeLast.throatEnd + 0.05 - 0.39 * tt
            let ss = Float(i) / Float(across) * 2 - 1
            // Rounded top end.
            let a = max(0, (tt - 0.8) / 0.2)
            let width = max(0, 1 - a * a).squareRoot()
            let theta = ShoeLast.halfPi - abs(ss) * 0.62 * width
            var p = ShoeLast.upper(t, theta, ss < 0 ? .lateral : .medial)
            // Lifted and tipped forward a little where it stands free above the collar.
            let free = Color.smoothstep(0.55, 1, tt)
            p.y += 0.012 * free
            p.z -= 0.004 * free
            return p
        }
        var surface = MeshData.grid(
            columns: across, rows: along,
            position: point,
            uv: { i, j in SIMD2(0.02 + 0.96 * Float(j) / Float(along), 0.8 + 0.2 * Float(i) / Float(across)) })
        surface.recomputeNormals()
        // Orient upwards (the grid's winding depends on the parameter directions).
        if surface.normals[surface.vertexCount / 2].y < 0 { surface.flipWinding() }
        var top = surface
        let depth: Float = 0.0055
        let pad: Float = 0.006
        top.positions = zip(surface.positions, surface.normals).map { $0 - $1 * depth }
        var under = top
        under.positions = zip(top.positions, top.normals).map { $0 - $1 * pad }
        under.flipWinding()
        // Rolled edges along both sides and around the top.
        var edges = MeshData()
        for i in [0, across] {
            edges.append(
                MeshData.grid(
                    columns: 8, rows: along, flipped: i == 0,
                    position: { k, j in
                        let v = j * (across + 1) + i
                        let o = top.positions[v]
                        let n = top.normals[v]
                        let inner = top.positions[v + (i == 0 ? 1 : -1)]
                        let out = normalize(o - inner)
                        let phi = Double(k) / 8 * DMath.pi
                        let c = o - n * (pad / 2)
                        return c + n * (pad / 2 * Float(DMath.cos(phi))) + out * (pad * 0.5 * Float(DMath.sin(phi)))
                    },
                    uv: { _, j in SIMD2(0.02 + 0.96 * Float(j) / Float(along), i == 0 ? 0.8 : 1) }))
        }
        top.append(edges)
        top.recomputeNormals(weldSeams: false)
        under.recomputeNormals(weldSeams: false)
        return (top, under)
    }
}

extension MeshData {
    /// Reverses every triangle and the normals (the other side becomes the front).
    mutating func flipWinding() {
        for t in stride(from: 0, to: indices.count, by: 3) { indices.swapAt(t + 1, t + 2) }
        normals = normals.map { -$0 }
    }
}
