/// A triangle mesh over an item, warped into the photo: the spline is evaluated only at its
/// vertices (a grid every few photo pixels) and the rasterizer interpolates between them.
///
/// Coordinates are continuous: pixel `(i, j)` covers `[i, i+1) x [j, j+1)`, its centre is
/// `(i + 0.5, j + 0.5)`, in the item (UV, level-0 texels) and in the photo alike.
struct WarpMesh: Sendable {
    /// Vertex positions in photo pixels.
    var positions: [SIMD2<Double>]
    /// Vertex texture coordinates in item pixels.
    var uvs: [SIMD2<Double>]
    /// Per-vertex shading factor (1 = the garment's own colour), filled by the compositor.
    var shades: [Float]
    /// Triangles as vertex index triples.
    var triangles: [SIMD3<Int32>]
    /// Grid size in vertices.
    let columns: Int
    let rows: Int

    /// Photo pixels per grid cell.
    static let defaultCellPixels = 16.0

    /// Builds the mesh over the item's opaque bounds (plus one texel for the bilinear fringe),
    /// skipping cells whose texels are all transparent and cells entirely outside the canvas.
    ///
    /// The grid is regular (`cellPixels` photo pixels a cell) plus one grid line through
    /// each anchor in each direction, so that every anchor is a vertex: the spline is exact
    /// there, and the mesh puts each anchor exactly where the spline does however much the
    /// item bends.
    /// - Parameters:
    ///   - item: the item (texture size, opaque bounds, occupancy, anchors).
    ///   - warp: item pixels -> photo pixels.
    ///   - canvasWidth: the canvas width in pixels, for culling.
    ///   - canvasHeight: the canvas height in pixels.
    ///   - cellPixels: cell size in photo pixels.
    init(
        item: TryOnItem, warp: AnchorWarp, canvasWidth: Int, canvasHeight: Int,
        cellPixels: Double = WarpMesh.defaultCellPixels
    ) {
        let b = item.opaqueBounds
        let lo = SIMD2(Double(max(b.minX - 1, 0)), Double(max(b.minY - 1, 0)))
        let hi = SIMD2(Double(min(b.maxX + 1, item.texture.width)), Double(min(b.maxY + 1, item.texture.height)))
        let step = min(max(cellPixels / max(warp.scale, 1e-6), 1), 64)
        let anchors = item.anchors.values
        let xs = Self.lines(from: lo.x, to: hi.x, step: step, through: anchors.map(\.x))
        let ys = Self.lines(from: lo.y, to: hi.y, step: step, through: anchors.map(\.y))
        columns = xs.count
        rows = ys.count
        var positions = [SIMD2<Double>]()
        var uvs = [SIMD2<Double>]()
        positions.reserveCapacity(columns * rows)
        uvs.reserveCapacity(columns * rows)
        for v in ys {
            for u in xs {
                uvs.append(SIMD2(u, v))
                positions.append(warp(SIMD2(u, v)))
            }
        }
        let cellsX = columns - 1
        let cellsY = rows - 1

        var triangles = [SIMD3<Int32>]()
        triangles.reserveCapacity(2 * cellsX * cellsY)
        let w = Double(canvasWidth)
        let h = Double(canvasHeight)
        for j in 0..<cellsY {
            for i in 0..<cellsX {
                let a = j * columns + i
                let quad = [a, a + 1, a + columns + 1, a + columns]
                let ps = quad.map { positions[$0] }
                if ps.allSatisfy({ $0.x <= 0 }) || ps.allSatisfy({ $0.x >= w }) || ps.allSatisfy({ $0.y <= 0 })
                    || ps.allSatisfy({ $0.y >= h })
                {
                    continue
                }
                let ua = uvs[a]
                let ub = uvs[a + columns + 1]
                guard item.occupancy.anyOpaque(minX: ua.x - 1, minY: ua.y - 1, maxX: ub.x + 1, maxY: ub.y + 1)
                else { continue }
                triangles.append(SIMD3(Int32(quad[0]), Int32(quad[1]), Int32(quad[2])))
                triangles.append(SIMD3(Int32(quad[0]), Int32(quad[2]), Int32(quad[3])))
            }
        }
        self.positions = positions
        self.uvs = uvs
        self.shades = [Float](repeating: 1, count: positions.count)
        self.triangles = triangles
    }

    /// Grid line positions from `a` to `b`: every `step` (evenly spread), plus one at each
    /// of `through` inside the range; a regular line closer than a quarter step to an anchor
    /// line is dropped.
    static func lines(from a: Double, to b: Double, step: Double, through: [Double]) -> [Double] {
        let cells = max(1, Int(((b - a) / step).rounded(.up)))
        let fixed = through.filter { $0 > a && $0 < b }
        var lines = [a, b] + fixed
        for i in 1..<cells {
            let t = a + (b - a) * Double(i) / Double(cells)
            if !fixed.contains(where: { abs($0 - t) < step / 4 }) { lines.append(t) }
        }
        lines.sort()
        var unique: [Double] = []
        for t in lines where unique.last.map({ t - $0 > 1e-9 }) ?? true { unique.append(t) }
        return unique
    }

    /// A mesh from explicit vertices and triangles (tests), shades 1.
    init(testOnlyPositions positions: [SIMD2<Double>], uvs: [SIMD2<Double>], triangles: [SIMD3<Int32>]) {
        precondition(positions.count == uvs.count, "one UV per vertex")
        self.positions = positions
        self.uvs = uvs
        self.shades = [Float](repeating: 1, count: positions.count)
        self.triangles = triangles
        columns = 0
        rows = 0
    }

    /// Bounding box of the drawn triangles' vertices in photo pixels, clipped to the canvas:
    /// `(minX, minY, maxX, maxY)` in whole pixels, max exclusive; `nil` when nothing is drawn.
    func pixelBounds(canvasWidth: Int, canvasHeight: Int) -> (minX: Int, minY: Int, maxX: Int, maxY: Int)? {
        guard !triangles.isEmpty else { return nil }
        var lo = SIMD2<Double>(repeating: .infinity)
        var hi = SIMD2<Double>(repeating: -.infinity)
        for t in triangles {
            for k in 0..<3 {
                let p = positions[Int(t[k])]
                lo = pointwiseMin(lo, p)
                hi = pointwiseMax(hi, p)
            }
        }
        let minX = max(0, Int(max(lo.x, -1).rounded(.down)))
        let minY = max(0, Int(max(lo.y, -1).rounded(.down)))
        let maxX = min(canvasWidth, Int(min(hi.x, Double(canvasWidth) + 1).rounded(.up)))
        let maxY = min(canvasHeight, Int(min(hi.y, Double(canvasHeight) + 1).rounded(.up)))
        guard maxX > minX, maxY > minY else { return nil }
        return (minX, minY, maxX, maxY)
    }
}
