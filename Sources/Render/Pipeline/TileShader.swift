/// Resolves a tile's visibility buffer into colour: each pixel's samples are grouped by
/// triangle id, each distinct triangle is shaded once (at the pixel centre when it covers every
/// sample, else at the centroid of its samples) and weighted by its share of the samples.
///
/// The result is premultiplied linear RGBA with alpha = covered fraction.
struct TileShader {
    let context: FrameContext
    let tile: VisibilityTile
    let colors: UnsafeMutablePointer<SIMD4<Float>>

    /// Resolves the `width` x `height` pixels of the tile at (`tileX`, `tileY`).
    /// - Returns: the number of shading evaluations.
    func resolve(tileX: Int, tileY: Int, width: Int, height: Int) -> Int {
        let samples = context.pattern.count
        let weight = 1 / Float(samples)
        var cache = InterpolantCache()
        var shaded = 0
        for y in 0..<height {
            for x in 0..<width {
                let p = y * VisibilityTile.size + x
                let first = tile.ids[p]
                var uniform = true
                for s in 1..<samples where tile.ids[s * VisibilityTile.planeSize + p] != first {
                    uniform = false
                    break
                }
                let px = Float(tileX + x)
                let py = Float(tileY + y)
                if uniform {
                    if first == VisibilityTile.empty {
                        colors[p] = .zero
                    } else {
                        let c = shade(first, x: px + 0.5, y: py + 0.5, cache: &cache)
                        colors[p] = SIMD4(c.x, c.y, c.z, 1)
                        shaded += 1
                    }
                    continue
                }
                // Distinct ids of the pixel and the mask of samples each covers.
                var ids = SIMD8<UInt32>(repeating: VisibilityTile.empty)
                var masks = SIMD8<UInt32>.zero
                var groups = 0
                for s in 0..<samples {
                    let id = tile.ids[s * VisibilityTile.planeSize + p]
                    if id == VisibilityTile.empty { continue }
                    var g = 0
                    while g < groups && ids[g] != id { g += 1 }
                    if g == groups {
                        ids[g] = id
                        groups += 1
                    }
                    masks[g] |= 1 << UInt32(s)
                }
                var sum = SIMD4<Float>.zero
                for g in 0..<groups {
                    var cx: Float = 0
                    var cy: Float = 0
                    var n: Float = 0
                    for s in 0..<samples where masks[g] & (1 << UInt32(s)) != 0 {
                        cx += context.sampleX[s]
                        cy += context.sampleY[s]
                        n += 1
                    }
                    let c = shade(ids[g], x: px + cx / n, y: py + cy / n, cache: &cache)
                    let w = n * weight
                    sum += SIMD4(c.x * w, c.y * w, c.z * w, w)
                    shaded += 1
                }
                colors[p] = sum
            }
        }
        return shaded
    }

    /// Linear colour of scene triangle `id` at a window position.
    @inline(__always)
    func shade(_ id: UInt32, x: Float, y: Float, cache: inout InterpolantCache) -> SIMD4<Float> {
        let t = cache.interpolant(id, context: context)
        return context.shade(t, triangle: id, x: x, y: y)
    }
}

/// The interpolants of the last two triangles shaded (neighbouring pixels mostly share one;
/// along an edge they alternate between two), held inline without heap memory.
struct InterpolantCache {
    private var idA = VisibilityTile.empty
    private var idB = VisibilityTile.empty
    private var a: TriangleInterpolant?
    private var b: TriangleInterpolant?

    @inline(__always)
    mutating func interpolant(_ id: UInt32, context: FrameContext) -> TriangleInterpolant {
        if id == idA, let t = a { return t }
        if id == idB, let t = b {
            // Keep the most recent in A.
            swap(&idA, &idB)
            swap(&a, &b)
            return t
        }
        let t = context.interpolant(id)
        idB = idA
        b = a
        idA = id
        a = t
        return t
    }
}
