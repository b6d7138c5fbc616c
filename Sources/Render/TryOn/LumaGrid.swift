/// A coarse grid of values over the canvas (square cells of `cell` pixels, row-major): the
/// mean luma (0...255) for shading transfer, or coverage for drop shadows.
struct LumaGrid {
    /// Canvas pixel where cell `(0, 0)` starts.
    let x0: Int
    let y0: Int
    /// Cell size in canvas pixels.
    let cell: Int
    let columns: Int
    let rows: Int
    var values: [Float]

    /// Mean BT.601 luma (`(77 R + 150 G + 29 B) / 256`) over each cell of the rectangle
    /// `x0..<x1, y0..<y1`, from every second pixel of every `cell / 2`-th row (at least two
    /// rows a cell; the grid is blurred over several cells afterwards, so the skipped pixels
    /// change nothing visible, and half the rows are never fetched from memory).
    init(photo: CanvasView, x0: Int, y0: Int, x1: Int, y1: Int, cell: Int) {
        precondition(cell >= 2 && cell % 2 == 0, "even cell size")
        self.x0 = x0
        self.y0 = y0
        self.cell = cell
        let columns = max(1, (x1 - x0 + cell - 1) / cell)
        let rows = max(1, (y1 - y0 + cell - 1) / cell)
        self.columns = columns
        self.rows = rows
        var sums = [UInt32](repeating: 0, count: columns * rows)
        var counts = [UInt32](repeating: 0, count: columns * rows)
        sums.withUnsafeMutableBufferPointer { sums in
            counts.withUnsafeMutableBufferPointer { counts in
                for y in stride(from: y0, to: y1, by: max(2, cell / 2)) {
                    let row = photo.pixels + y * photo.width
                    let gridRow = ((y - y0) / cell) * columns
                    var x = x0
                    var column = 0
                    while x < x1 {
                        let end = min(x + cell, x1)
                        var s: UInt32 = 0
                        var n: UInt32 = 0
                        for xx in stride(from: x, to: end, by: 2) {
                            let p = row[xx]
                            s &+= (p & 0xFF) &* 77 &+ ((p >> 8) & 0xFF) &* 150 &+ ((p >> 16) & 0xFF) &* 29
                            n &+= 1
                        }
                        sums[gridRow + column] &+= s
                        counts[gridRow + column] &+= n
                        x = end
                        column += 1
                    }
                }
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

    /// One separable box-blur pass of radius `radius` cells (edges clamped), with running
    /// sums: O(1) per cell whatever the radius.
    mutating func boxBlur(radius: Int) {
        let columns = columns
        let rows = rows
        var temp = [Float](repeating: 0, count: values.count)
        values.withUnsafeMutableBufferPointer { v in
            temp.withUnsafeMutableBufferPointer { t in
                Self.blurLines(
                    from: v.baseAddress!, to: t.baseAddress!, count: rows, length: columns, step: 1,
                    lineStride: columns, radius: radius)
                Self.blurLines(
                    from: t.baseAddress!, to: v.baseAddress!, count: columns, length: rows, step: columns,
                    lineStride: 1, radius: radius)
            }
        }
    }

    /// Box-filters `count` lines of `length` values (`step` apart; lines `lineStride` apart).
    private static func blurLines(
        from src: UnsafeMutablePointer<Float>, to dst: UnsafeMutablePointer<Float>, count: Int, length: Int,
        step: Int, lineStride: Int, radius: Int
    ) {
        let scale = 1 / Float(2 * radius + 1)
        for line in 0..<count {
            let s = src + line * lineStride
            let d = dst + line * lineStride
            @inline(__always) func at(_ i: Int) -> Float { s[min(max(i, 0), length - 1) * step] }
            var sum: Float = 0
            for i in -radius...radius { sum += at(i) }
            for i in 0..<length {
                d[i * step] = sum * scale
                sum += at(i + radius + 1) - at(i - radius)
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
