/// The blended pass of a tile: `BLEND` triangles, already sorted back to front, each tested
/// against the opaque depth (without writing it), shaded once per pixel and composited over
/// the resolved colour with its alpha times its share of the pixel's samples
/// (premultiplied "over": `dst = src * a + dst * (1 - a)`).
struct TileBlender {
    let context: FrameContext
    let colors: UnsafeMutablePointer<SIMD4<Float>>
    let masks: UnsafeMutablePointer<UInt32>

    /// Shades and composites the coverage the rasterizer left in ``masks`` for record `r`,
    /// inside the tile at (`tileX`, `tileY`), and clears the masks it used.
    /// - Returns: shading evaluations.
    func composite(_ r: RasterTriangle, tileX: Int, tileY: Int) -> Int {
        let last = VisibilityTile.size - 1
        let x0 = max(Int(r.minX) - tileX, 0)
        let x1 = min(Int(r.maxX) - tileX, last)
        let y0 = max(Int(r.minY) - tileY, 0)
        let y1 = min(Int(r.maxY) - tileY, last)
        guard x0 <= x1, y0 <= y1 else { return 0 }
        let samples = context.pattern.count
        let full = UInt32((1 << samples) - 1)
        let t = context.interpolant(r.triangle)
        var shaded = 0
        for y in y0...y1 {
            for x in x0...x1 {
                let p = y * VisibilityTile.size + x
                let mask = masks[p]
                guard mask != 0 else { continue }
                masks[p] = 0
                var px = Float(tileX + x)
                var py = Float(tileY + y)
                if mask == full {
                    px += 0.5
                    py += 0.5
                } else {
                    var cx: Float = 0
                    var cy: Float = 0
                    for s in 0..<samples where mask & (1 << UInt32(s)) != 0 {
                        cx += context.sampleX[s]
                        cy += context.sampleY[s]
                    }
                    let n = Float(mask.nonzeroBitCount)
                    px += cx / n
                    py += cy / n
                }
                let c = context.shade(t, triangle: r.triangle, x: px, y: py)
                let alpha = min(max(c.w, 0), 1) * Float(mask.nonzeroBitCount) / Float(samples)
                let src = SIMD4(c.x * alpha, c.y * alpha, c.z * alpha, alpha)
                colors[p] = src + colors[p] * (1 - alpha)
                shaded += 1
            }
        }
        return shaded
    }
}
