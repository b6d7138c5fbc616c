/// Draws a warped item mesh onto the canvas through the renderer's raster stage: vertices snap
/// to 1/256 pixel as `ScreenMapping` does, `TriangleSetup` (the same code the 3D renderer runs)
/// winds each triangle, bounds it and marks its top-left edges for one sample at the pixel
/// centre, and the edge functions of that `RasterTriangle` give each row's span, which
/// `GarmentSpanKernel` fills.
///
/// The only part that differs from `TileRasterizer` is how the edge functions are walked: the
/// renderer evaluates them on 8-pixel blocks of 64x64 tiles into a visibility buffer (depth and
/// triangle id, shaded later); a warped 2D mesh has no depth and is shaded straight away, so
/// here each edge is solved for the first and last covered column of a row, exactly (see
/// `Edge`). Both are exact integer tests of the same `E(P)` with the same fill rule, so they
/// cover the same pixels (`WarpMeshDrawerTests` checks this against `TileRasterizer`), and
/// shared edges are covered exactly once, so seams never double-blend.
enum WarpMeshDrawer {
    /// Sub-pixel precision of vertex positions (1/256 pixel, as the renderer's).
    static let subpixelBits: Int64 = 8
    /// Vertices are clamped to this many pixels around the canvas, which keeps every snapped
    /// coordinate within `Int32` and every edge product far inside `Int64`.
    static let coordinateLimit = 1 << 16
    /// Largest canvas side: `RasterTriangle` stores pixel bounds as `Int16`.
    static let maxCanvasSide = Int(Int16.max)
    /// One sample per pixel, at its centre (the renderer's 1x pattern); a constant count.
    static let pixelCentre = SamplePattern(count: 1)!

    /// Draws every triangle of `mesh`, in order, premultiplied-over the canvas.
    /// - Parameters:
    ///   - mesh: positions in canvas pixels, UVs in level-0 texels, per-vertex shades (0...1).
    ///   - texture: the item's texture; the mip level is chosen per triangle.
    ///   - feathered: draw from the feathered chain.
    ///   - canvas: packed RGBA8 pixels (`r | g << 8 | b << 16 | a << 24`), modified in place.
    ///   - mask: optional occlusion plane at canvas size (255 = the photo stays in front).
    static func draw(
        _ mesh: WarpMesh, texture: ItemTexture, feathered: Bool, into canvas: CanvasView,
        mask: UnsafePointer<UInt8>?
    ) {
        var kernel = GarmentSpanKernel(
            levels: feathered ? texture.featheredLevels : texture.levels, canvas: canvas, mask: mask)
        rasterize(mesh, scale: 1, width: canvas.width, height: canvas.height, texture: texture, kernel: &kernel)
    }

    /// Walks every covered pixel of every triangle: triangle setup (fixed point, orientation,
    /// clipping, attribute planes, mip level), then `kernel.run` once per row span.
    /// - Parameters:
    ///   - mesh: the mesh; positions are multiplied by `scale` (e.g. 1/4 for a coarse grid).
    ///   - width: target width in pixels (spans are clipped to it).
    ///   - height: target height in pixels.
    ///   - texture: for the mip level choice.
    ///   - kernel: receives each triangle's planes, then its spans.
    static func rasterize<Kernel: MeshSpanKernel>(
        _ mesh: WarpMesh, scale: Double, width: Int, height: Int, texture: ItemTexture, kernel: inout Kernel
    ) {
        guard width > 0, height > 0, width <= maxCanvasSide, height <= maxCanvasSide else { return }
        let one = Int64(1) << subpixelBits
        let setup = TriangleSetup(width: width, height: height, pattern: pixelCentre)
        for (index, t) in mesh.triangles.enumerated() {
            let i0 = Int(t.x)
            var i1 = Int(t.y)
            var i2 = Int(t.z)
            let a = mesh.positions[i0] * scale
            let b = mesh.positions[i1] * scale
            let c = mesh.positions[i2] * scale
            guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite, c.x.isFinite, c.y.isFinite else { continue }
            // Both faces are drawn (a mesh that folds over shows its back); setup swaps the last
            // two vertices of a front face so that every edge function is positive inside.
            guard
                let r = setup.setup(
                    snap(a), snap(b), snap(c), triangle: UInt32(truncatingIfNeeded: index), doubleSided: true, flags: 0)
            else { continue }
            if r.flags & RasterTriangle.backFace == 0 { swap(&i1, &i2) }
            let fx = SIMD3(Int64(r.x0), Int64(r.x1), Int64(r.x2))
            let fy = SIMD3(Int64(r.y0), Int64(r.y1), Int64(r.y2))
            let yLo = Int64(r.minY)
            let yHi = Int64(r.maxY)
            let xLo = Int64(r.minX)
            let xHi = Int64(r.maxX)

            // Attribute planes over pixel indices (the centre of pixel x is x + 0.5), from the
            // snapped positions so that attributes match the covered pixels.
            let p0 = SIMD2(Double(fx[0]), Double(fy[0])) / Double(one)
            let p1 = SIMD2(Double(fx[1]), Double(fy[1])) / Double(one)
            let p2 = SIMD2(Double(fx[2]), Double(fy[2])) / Double(one)
            let plane = AttributePlanes(p0: p0, p1: p1, p2: p2)
            let uv = (mesh.uvs[i0], mesh.uvs[i1], mesh.uvs[i2])
            let du = plane.gradient(uv.0.x, uv.1.x, uv.2.x)
            let dv = plane.gradient(uv.0.y, uv.1.y, uv.2.y)
            // Mip level from the texel footprint of one pixel step (affine: constant per triangle).
            let rho = max((du.x * du.x + dv.x * dv.x).squareRoot(), (du.y * du.y + dv.y * dv.y).squareRoot())
            let levelIndex = texture.levelIndex(texelsPerPixel: rho)
            let s = 1 / Double(1 << levelIndex)
            // u, v in the level's index space (texel centres at integers), shade in 1/256.
            let uPlane = plane.coefficients(uv.0.x * s - 0.5, du * s)
            let vPlane = plane.coefficients(uv.0.y * s - 0.5, dv * s)
            let sh = (Double(mesh.shades[i0]), Double(mesh.shades[i1]), Double(mesh.shades[i2]))
            let sPlane = plane.coefficients(sh.0 * 256, plane.gradient(sh.0, sh.1, sh.2) * 256)
            kernel.begin(TrianglePlanes(level: levelIndex, u: uPlane, v: vPlane, shade: sPlane))

            let firstRow = yLo * one + one / 2
            var e0 = Edge(from: fx[0], fy[0], to: fx[1], fy[1], topLeft: r.topLeft & 1 != 0, firstRow: firstRow)
            var e1 = Edge(from: fx[1], fy[1], to: fx[2], fy[2], topLeft: r.topLeft & 2 != 0, firstRow: firstRow)
            var e2 = Edge(from: fx[2], fy[2], to: fx[0], fy[0], topLeft: r.topLeft & 4 != 0, firstRow: firstRow)
            for y in yLo...yHi {
                var lo = xLo
                var hi = xHi
                e0.clip(lo: &lo, hi: &hi)
                e1.clip(lo: &lo, hi: &hi)
                e2.clip(lo: &lo, hi: &hi)
                if lo <= hi { kernel.run(row: Int(y), from: Int(lo), through: Int(hi)) }
            }
        }
    }

    /// A position in pixels snapped to 1/256 pixel (round half to even, as `ScreenMapping.snap`),
    /// clamped to `coordinateLimit`; depth 0.
    @inline(__always)
    static func snap(_ p: SIMD2<Double>) -> (Int32, Int32, Float) {
        let limit = Double(coordinateLimit)
        let scale = Double(Int64(1) << subpixelBits)
        return (
            Int32((min(max(p.x, -limit), limit) * scale).rounded(.toNearestOrEven)),
            Int32((min(max(p.y, -limit), limit) * scale).rounded(.toNearestOrEven)), 0
        )
    }

    /// One triangle edge `i -> j` of a `RasterTriangle` in fixed point, with its top-left rule
    /// (a pixel centre exactly on a top or left edge is inside, on any other edge outside),
    /// stepped row by row.
    ///
    /// `E(px, py) = dx (py - y0) - dy (px - x0)` (the record's `A (px - x0) + B (py - y0)`),
    /// `px = col * 256 + 128`; inside is `E >= bias`, `bias` 0 on a top-left edge, else 1.
    /// Solved for `col`, the edge bounds the span from the left (`dy < 0`: `col >= ceil(N / D)`)
    /// or from the right (`dy > 0`: `col <= floor(M / D)`), with `D = |dy| * 256`. From one row
    /// to the next `N` or `M` changes by `dx * 256`, so the exact bound is kept as a quotient and
    /// remainder and stepped with additions (as Bresenham does): one division per edge per
    /// triangle, none per row, and the same columns as evaluating `E` at every pixel.
    struct Edge {
        private enum Kind {
            case horizontal
            case left
            case right
        }
        private let kind: Kind
        /// Current bound (left/right), or `E - bias` at the row (horizontal).
        private var q: Int64
        /// Remainder of the bound's division, in `0..<d`.
        private var rem: Int64
        private let d: Int64
        /// Per-row step of the numerator, split as `a * d + b`, `0 <= b < d`.
        private let a: Int64
        private let b: Int64

        init(from x0: Int64, _ y0: Int64, to x1: Int64, _ y1: Int64, topLeft: Bool, firstRow py: Int64) {
            let one = Int64(1) << WarpMeshDrawer.subpixelBits
            let dx = x1 - x0
            let dy = y1 - y0
            let bias: Int64 = topLeft ? 0 : 1
            // E at column 0 of the first row: r - dy * 256 * col.
            let r = dx * (py - y0) + dy * x0 - dy * (one / 2)
            let k = dx * one
            if dy == 0 {
                kind = .horizontal
                q = r - bias
                rem = 0
                d = 1
                a = k
                b = 0
                return
            }
            d = abs(dy) * one
            a = WarpMeshDrawer.floorDiv(k, d)
            b = k - a * d
            if dy < 0 {
                kind = .left
                let n = bias - r
                q = WarpMeshDrawer.ceilDiv(n, d)
                rem = q * d - n
            } else {
                kind = .right
                let m = r - bias
                q = WarpMeshDrawer.floorDiv(m, d)
                rem = m - q * d
            }
        }

        /// Narrows `lo...hi` to the columns inside the edge on the current row, then steps to
        /// the next row.
        @inline(__always)
        mutating func clip(lo: inout Int64, hi: inout Int64) {
            switch kind {
            case .horizontal:
                if q < 0 { hi = lo - 1 }
                q += a
            case .left:
                // N decreases by a * d + b.
                lo = max(lo, q)
                let t = rem + b
                let carry: Int64 = t >= d ? 1 : 0
                q -= a + carry
                rem = t - carry * d
            case .right:
                // M increases by a * d + b.
                hi = min(hi, q)
                let t = rem + b
                let carry: Int64 = t >= d ? 1 : 0
                q += a + carry
                rem = t - carry * d
            }
        }
    }

    @inline(__always)
    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    @inline(__always)
    static func ceilDiv(_ a: Int64, _ b: Int64) -> Int64 { -floorDiv(-a, b) }
}

/// One triangle's interpolation planes, `(c, dx, dy)` over pixel indices: the value at pixel
/// `(x, y)` is `c + dx * x + dy * y`.
struct TrianglePlanes {
    /// Mip level the triangle samples.
    let level: Int
    /// Texture coordinates in that level's index space (texel centres at integers).
    let u: SIMD3<Float>
    let v: SIMD3<Float>
    /// Shade in 1/256 units.
    let shade: SIMD3<Float>
}

/// Per-pixel work of `WarpMeshDrawer.rasterize`: told each triangle's planes, then each span.
protocol MeshSpanKernel {
    /// Starts a triangle.
    mutating func begin(_ planes: TrianglePlanes)
    /// Processes pixels `x0...x1` of row `y`, all inside the triangle and the target.
    mutating func run(row y: Int, from x0: Int, through x1: Int)
}

/// The canvas as packed RGBA8 pixels (`r | g << 8 | b << 16 | a << 24`, little-endian bytes
/// R G B A), rows top to bottom.
struct CanvasView {
    let pixels: UnsafeMutablePointer<UInt32>
    let width: Int
    let height: Int
}

/// Linear interpolation of per-vertex attributes over a triangle, by pixel index.
struct AttributePlanes {
    let p0: SIMD2<Double>
    let e1: SIMD2<Double>
    let e2: SIMD2<Double>
    let inverseArea: Double

    init(p0: SIMD2<Double>, p1: SIMD2<Double>, p2: SIMD2<Double>) {
        self.p0 = p0
        e1 = p1 - p0
        e2 = p2 - p0
        inverseArea = 1 / (e1.x * e2.y - e1.y * e2.x)
    }

    /// `(d/dx, d/dy)` of the attribute with vertex values `a0, a1, a2`.
    func gradient(_ a0: Double, _ a1: Double, _ a2: Double) -> SIMD2<Double> {
        let d1 = a1 - a0
        let d2 = a2 - a0
        return SIMD2((d1 * e2.y - d2 * e1.y) * inverseArea, (d2 * e1.x - d1 * e2.x) * inverseArea)
    }

    /// `(c, dx, dy)` such that the attribute at pixel `(x, y)` (centre `x + 0.5, y + 0.5`) is
    /// `c + dx * x + dy * y`, given its value `a0` at `p0` and its gradient.
    func coefficients(_ a0: Double, _ gradient: SIMD2<Double>) -> SIMD3<Float> {
        let c = a0 + gradient.x * (0.5 - p0.x) + gradient.y * (0.5 - p0.y)
        return SIMD3(Float(c), Float(gradient.x), Float(gradient.y))
    }
}
