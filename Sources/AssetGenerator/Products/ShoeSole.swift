/// The sneaker's cupsole: a rounded sidewall around the footprint, an inward lip that
/// tucks under the upper, and the outsole underneath.
enum ShoeSole {
    typealias Side = ShoeLast.Side

    /// Samples along one side, dense at the heel and the toe where the outline turns.
    static let samples: [Float] = (0...64).map { k in
        let s = Double(k) / 64
        return Float((1 - DMath.cos(DMath.pi * s)) / 2)
    }

    /// The outline loop at the sole's underside: lateral heel-to-toe, then medial back.
    static func loop() -> [(t: Float, side: Side)] {
        var out: [(Float, Side)] = samples.map { ($0, .lateral) }
        out += samples.reversed().dropFirst().dropLast().map { ($0, .medial) }
        return out
    }

    /// Sidewall rows: (outward offset, height over the underside as a fraction of the
    /// thickness, extra metres).
    static let wall: [(offset: Float, fraction: Float, extra: Float)] = [
        (-0.003, 0, 0), (-0.0006, 0, 0.0012), (0.0014, 0, 0.004), (0.0024, 0, 0.009), (0.0027, 0.55, 0),
        (0.0022, 1, -0.003), (0.0015, 1, 0), (-0.0045, 1, 0),
    ]

    /// The sidewall (textured band: u around, v from the top edge 0 to the underside 1).
    static func sidewall() -> MeshData {
        let ring = loop()
        let n = ring.count
        let points = ring.map { ShoeLast.footprint($0.t, $0.side) }
        // Outward outline normals from neighbours.
        let normals: [SIMD2<Float>] = (0..<n).map { k in
            let d = points[(k + 1) % n] - points[(k + n - 1) % n]
            let l = simdLength(d)
            return l > 0 ? SIMD2(-d.y, d.x) / l : SIMD2(0, 0)
        }
        var arc: [Float] = [0]
        for k in 1...n { arc.append(arc[k - 1] + simdLength(points[k % n] - points[k - 1])) }
        return MeshData.grid(
            columns: n, rows: wall.count - 1,
            position: { i, j in
                let k = i % n
                let t = ring[k].t
                let row = wall[j]
                let p = points[k] + normals[k] * row.offset
                let y = ShoeLast.base(t) + ShoeLast.soleThickness(t) * row.fraction + row.extra
                return SIMD3(p.x, y, p.y)
            },
            uv: { i, j in
                let row = wall[j]
                let v = 1 - row.fraction - row.extra / 0.026 - (j == wall.count - 1 ? 0.02 : 0)
                return SIMD2(arc[i] / arc[n], min(max(v, 0), 1))
            })
    }

    /// The outsole: the underside between the two sides, tread UVs in metres x 10.
    static func outsole() -> MeshData {
        let inset: Float = -0.003
        return MeshData.grid(
            columns: 10, rows: samples.count - 1,
            position: { i, j in
                let t = samples[j]
                let a = ShoeLast.footprint(t, .lateral, offset: inset)
                let b = ShoeLast.footprint(t, .medial, offset: inset)
                let p = a + (b - a) * (Float(i) / 10)
                return SIMD3(p.x, ShoeLast.base(t), p.y)
            },
            uv: { i, j in
                let t = samples[j]
                let a = ShoeLast.footprint(t, .lateral, offset: inset)
                let b = ShoeLast.footprint(t, .medial, offset: inset)
                let p = a + (b - a) * (Float(i) / 10)
                return SIMD2(p.x * 10, -p.y * 10)
            })
    }
}
