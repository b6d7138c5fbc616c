extension DropShadow {
    /// Pixels per cell of the coarse coverage grid the shadow is made on.
    static let cell = 4

    /// Darkens the canvas under a soft, offset copy of the item's coverage.
    ///
    /// The mesh is rasterized at 1/4 resolution into an alpha grid (the mip level matches that
    /// scale), blurred with three box passes (about a Gaussian of `blur`), then the canvas is
    /// multiplied by `1 - opacity * shadow` where the shifted grid is non-zero. Call before
    /// drawing the item: the item then covers its own shadow.
    func apply(mesh: WarpMesh, texture: ItemTexture, canvas: CanvasView) {
        guard opacity > 0, let box = mesh.pixelBounds(canvasWidth: canvas.width, canvasHeight: canvas.height)
        else { return }
        let extent = Double(max(box.maxX - box.minX, box.maxY - box.minY))
        let c = Self.cell
        let sigmaCells = max(blur * extent / Double(c), 0.5)
        let radius = max(1, Int((sigmaCells - 0.5).rounded()))
        let pad = 3 * radius + 2
        let columns = (canvas.width + c - 1) / c + 2 * pad
        let rows = (canvas.height + c - 1) / c + 2 * pad
        var grid = [Float](repeating: 0, count: columns * rows)
        grid.withUnsafeMutableBufferPointer { g in
            var kernel = CoverageSpanKernel(
                levels: texture.levels, grid: g.baseAddress!, columns: columns, origin: pad)
            var shifted = mesh
            for i in shifted.positions.indices { shifted.positions[i] += SIMD2(repeating: Double(pad * c)) }
            WarpMeshDrawer.rasterize(
                shifted, scale: 1 / Double(c), width: columns, height: rows, texture: texture, kernel: &kernel)
        }
        var blurred = LumaGrid(values: grid, columns: columns, rows: rows, x0: -pad * c, y0: -pad * c, cell: c)
        for _ in 0..<3 { blurred.boxBlur(radius: radius) }

        // Darken the canvas over the shadow's reach.
        let dx = offset.x * extent
        let dy = offset.y * extent
        let reach = Double(3 * radius * c)
        let x0 = max(0, Int((Double(box.minX) + min(dx, 0) - reach).rounded(.down)))
        let x1 = min(canvas.width, Int((Double(box.maxX) + max(dx, 0) + reach).rounded(.up)))
        let y0 = max(0, Int((Double(box.minY) + min(dy, 0) - reach).rounded(.down)))
        let y1 = min(canvas.height, Int((Double(box.maxY) + max(dy, 0) + reach).rounded(.up)))
        guard x1 > x0, y1 > y0 else { return }
        let strength = Float(opacity) * 256 / 255
        for y in y0..<y1 {
            let row = canvas.pixels + y * canvas.width
            for x in x0..<x1 {
                let a = blurred.sample(x: Double(x) + 0.5 - dx, y: Double(y) + 0.5 - dy)
                guard a > 0.5 else { continue }
                let k = UInt32(max(0, 256 - (strength * a).rounded()))
                let p = row[x]
                let rb = ((p & 0x00FF_00FF) &* k &+ 0x0080_0080) >> 8 & 0x00FF_00FF
                let g = (((p >> 8) & 0xFF) &* k &+ 0x80) >> 8
                row[x] = rb | g << 8 | (p & 0xFF00_0000)
            }
        }
    }
}

/// Rasterizes item alpha (0...255, nearest texel of the chosen level) into a float grid,
/// keeping the maximum where triangles overlap.
struct CoverageSpanKernel: MeshSpanKernel {
    let levels: [ItemTexture.Level]
    let grid: UnsafeMutablePointer<Float>
    let columns: Int
    let origin: Int
    private var level: ItemTexture.Level
    private var u = SIMD3<Float>.zero
    private var v = SIMD3<Float>.zero

    init(levels: [ItemTexture.Level], grid: UnsafeMutablePointer<Float>, columns: Int, origin: Int) {
        self.levels = levels
        self.grid = grid
        self.columns = columns
        self.origin = origin
        level = levels[0]
    }

    mutating func begin(_ planes: TrianglePlanes) {
        level = levels[planes.level]
        u = planes.u
        v = planes.v
    }

    mutating func run(row y: Int, from x0: Int, through x1: Int) {
        let fy = Float(y)
        for x in x0...x1 {
            let fx = Float(x)
            let tu = Int(min(max((u.x + u.y * fx + u.z * fy + 0.5).rounded(.down), 0), Float(level.width - 1)))
            let tv = Int(min(max((v.x + v.y * fx + v.z * fy + 0.5).rounded(.down), 0), Float(level.height - 1)))
            let a = Float(level[tu, tv] >> 24)
            grid[y * columns + x] = max(grid[y * columns + x], a)
        }
    }
}
