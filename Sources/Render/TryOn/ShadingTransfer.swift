/// Lights a garment with the photo's own light: where the body under the garment is shaded,
/// the garment darkens; where it is lit, the garment keeps its own colour.
///
/// The photo's luma is averaged over 4x4-pixel cells under the garment, blurred (three box
/// passes, about a Gaussian) to keep shading and drop texture, and sampled at every mesh
/// vertex. The "lit level" is a high percentile of those samples; each vertex gets
/// `shade = clamp(1 + strength * (L / lit - 1), minShade, 1)`, which the rasterizer
/// interpolates across each triangle (Gouraud). Working on sRGB values is consistent: a ratio
/// of gamma-encoded lumas applied to gamma-encoded colours is the same ratio in linear light,
/// up to the sRGB toe.
enum ShadingTransfer {
    /// Pixels per luma cell.
    static let cell = 4

    /// Fills `mesh.shades` from the photo under the mesh.
    /// - Parameters:
    ///   - mesh: the warped mesh (positions in canvas pixels).
    ///   - photo: the canvas before this item is drawn.
    ///   - options: strength, floor, percentile and blur.
    static func apply(to mesh: inout WarpMesh, photo: CanvasView, options: TryOnOptions) {
        guard options.shadingStrength > 0,
            let box = mesh.pixelBounds(canvasWidth: photo.width, canvasHeight: photo.height)
        else { return }
        let extent = Double(max(box.maxX - box.minX, box.maxY - box.minY))
        let sigmaCells = max(options.shadingBlur * extent, 2) / Double(cell)
        let radius = max(1, Int((sigmaCells - 0.5).rounded()))
        // The grid covers the box plus the blur's reach, inside the canvas.
        let pad = 3 * radius * cell
        let x0 = max(0, box.minX - pad)
        let y0 = max(0, box.minY - pad)
        let x1 = min(photo.width, box.maxX + pad)
        let y1 = min(photo.height, box.maxY + pad)
        var grid = LumaGrid(photo: photo, x0: x0, y0: y0, x1: x1, y1: y1, cell: cell)
        for _ in 0..<3 { grid.boxBlur(radius: radius) }

        // Luma at the vertices the triangles use.
        var used = [Bool](repeating: false, count: mesh.positions.count)
        for t in mesh.triangles {
            used[Int(t.x)] = true
            used[Int(t.y)] = true
            used[Int(t.z)] = true
        }
        var samples: [Float] = []
        var luma = [Float](repeating: 0, count: mesh.positions.count)
        for (i, p) in mesh.positions.enumerated() where used[i] {
            luma[i] = grid.sample(x: p.x, y: p.y)
            samples.append(luma[i])
        }
        guard !samples.isEmpty else { return }
        samples.sort()
        let rank = min(samples.count - 1, Int(Double(samples.count - 1) * options.shadingPercentile))
        let lit = max(samples[rank], 8)
        let strength = Float(options.shadingStrength)
        let floor = Float(options.minShade)
        for i in 0..<luma.count where used[i] {
            let ratio = luma[i] / lit
            mesh.shades[i] = min(max(1 + strength * (ratio - 1), floor), 1)
        }
    }
}

/// A coarse grid of values over the canvas (cells of `cell` pixels, row-major): the mean luma
/// (0...255) for shading, or coverage for shadows.
struct LumaGrid {
    let x0: Int
    let y0: Int
    let cell: Int
    let columns: Int
    let rows: Int
    var values: [Float]

    /// Averages `0.299 R + 0.587 G + 0.114 B` (BT.601 luma, in 1/256 integer weights) over
    /// each cell of the rectangle `x0..<x1, y0..<y1`.
    init(photo: CanvasView, x0: Int, y0: Int, x1: Int, y1: Int, cell: Int) {
        self.x0 = x0
        self.y0 = y0
        self.cell = cell
        columns = max(1, (x1 - x0 + cell - 1) / cell)
        rows = max(1, (y1 - y0 + cell - 1) / cell)
        var sums = [UInt32](repeating: 0, count: columns * rows)
        var counts = [UInt32](repeating: 0, count: columns * rows)
        for y in y0..<y1 {
            let row = photo.pixels + y * photo.width
            let gridRow = ((y - y0) / cell) * columns
            var x = x0
            while x < x1 {
                let end = min(x + cell - (x - x0) % cell, x1)
                var s: UInt32 = 0
                for xx in x..<end {
                    let p = row[xx]
                    s &+= (p & 0xFF) &* 77 &+ ((p >> 8) & 0xFF) &* 150 &+ ((p >> 16) & 0xFF) &* 29
                }
                let c = gridRow + (x - x0) / cell
                sums[c] &+= s
                counts[c] &+= UInt32(end - x)
                x = end
            }
        }
        values = zip(sums, counts).map { s, n in n == 0 ? 0 : Float(s) / Float(n * 256) }
    }

    /// A grid over existing values; cell `(0, 0)` starts at canvas pixel `(x0, y0)`.
    init(values: [Float], columns: Int, rows: Int, x0: Int, y0: Int, cell: Int) {
        precondition(values.count == columns * rows, "grid size")
        self.values = values
        self.columns = columns
        self.rows = rows
        self.x0 = x0
        self.y0 = y0
        self.cell = cell
    }

    /// One separable box-blur pass of radius `radius` cells (edges clamped).
    mutating func boxBlur(radius: Int) {
        var tmp = values
        let width = Float(2 * radius + 1)
        for y in 0..<rows {
            for x in 0..<columns {
                var s: Float = 0
                for k in -radius...radius { s += values[y * columns + min(max(x + k, 0), columns - 1)] }
                tmp[y * columns + x] = s / width
            }
        }
        for y in 0..<rows {
            for x in 0..<columns {
                var s: Float = 0
                for k in -radius...radius { s += tmp[min(max(y + k, 0), rows - 1) * columns + x] }
                values[y * columns + x] = s / width
            }
        }
    }

    /// Bilinear value at canvas position `(x, y)` (cell centres at their middles, clamped).
    func sample(x: Double, y: Double) -> Float {
        let gx = min(max((x - Double(x0)) / Double(cell) - 0.5, 0), Double(columns - 1))
        let gy = min(max((y - Double(y0)) / Double(cell) - 0.5, 0), Double(rows - 1))
        guard gx.isFinite, gy.isFinite else { return values[0] }
        let ix = min(Int(gx), columns - 1)
        let iy = min(Int(gy), rows - 1)
        let jx = min(ix + 1, columns - 1)
        let jy = min(iy + 1, rows - 1)
        let fx = Float(gx - Double(ix))
        let fy = Float(gy - Double(iy))
        let top = values[iy * columns + ix] * (1 - fx) + values[iy * columns + jx] * fx
        let bottom = values[jy * columns + ix] * (1 - fx) + values[jy * columns + jx] * fx
        return top * (1 - fy) + bottom * fy
    }
}
