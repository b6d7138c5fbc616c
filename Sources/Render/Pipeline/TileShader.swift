import CVector

/// Resolves a tile's visibility buffer into colour: each pixel's samples are grouped by
/// triangle id, each distinct triangle is shaded once (at the pixel centre when it covers every
/// sample, else at the centroid of its samples) and weighted by its share of the samples.
///
/// Shading is batched: a first pass gathers the tile's shading points into the worker's
/// ``ShadeQueue``, they are grouped by material (a stable counting sort) and shaded 8 at a time
/// by ``BatchShader``, and a last pass sums each pixel's points in their gathering order. The
/// batched shader is the scalar one bit for bit and the sums keep the scalar order, so the bytes
/// do not depend on the grouping, the tile size or the thread count.
///
/// The result is premultiplied linear RGBA with alpha = covered fraction.
struct TileShader {
    let context: FrameContext
    let tile: VisibilityTile
    let colors: UnsafeMutablePointer<SIMD4<Float>>
    let queue: ShadeQueue

    /// Resolves the `width` x `height` pixels of the tile at (`tileX`, `tileY`).
    /// - Returns: the number of shading evaluations.
    func resolve(tileX: Int, tileY: Int, width: Int, height: Int) -> Int {
        let points = gather(tileX: tileX, tileY: tileY, width: width, height: height)
        shadeByMaterial(points)
        accumulate(width: width, height: height)
        return points
    }

    /// Lists the tile's shading points in pixel order (triangle, window position, material) and
    /// the number of points per pixel (0 empty, -1 one triangle covering every sample).
    /// - Returns: the number of points.
    func gather(tileX: Int, tileY: Int, width: Int, height: Int) -> Int {
        let samples = context.pattern.count
        let weight = 1 / Float(samples)
        var n = 0
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
                        queue.pixelPoints[p] = 0
                    } else {
                        queue.append(n, triangle: first, x: px + 0.5, y: py + 0.5, weight: 1, context: context)
                        n += 1
                        queue.pixelPoints[p] = -1
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
                for g in 0..<groups {
                    var cx: Float = 0
                    var cy: Float = 0
                    var count: Float = 0
                    for s in 0..<samples where masks[g] & (1 << UInt32(s)) != 0 {
                        cx += context.sampleX[s]
                        cy += context.sampleY[s]
                        count += 1
                    }
                    queue.append(
                        n, triangle: ids[g], x: px + cx / count, y: py + cy / count, weight: count * weight,
                        context: context)
                    n += 1
                }
                queue.pixelPoints[p] = Int8(groups)
            }
        }
        return n
    }

    /// Shades the first `count` points of the queue, 8 of one material at a time, into
    /// `queue.results`.
    func shadeByMaterial(_ count: Int) {
        let runs = queue.sortByMaterial(count)
        let batchShader = BatchShader(context.shader)
        var cache = InterpolantCache()
        var batch = ShadingBatch()
        var start = 0
        for r in 0..<runs {
            let end = Int(queue.runEnds[r])
            let material = Int(queue.materials[Int(queue.order[start])])
            var i = start
            while i < end {
                let lanes = min(ShadingBatch.width, end - i)
                if lanes < ShadingBatch.width { batch.reset() }
                for lane in 0..<lanes {
                    let point = Int(queue.order[i + lane])
                    let id = queue.triangles[point]
                    let position = queue.positions[point]
                    let t = cache.interpolant(id, context: context)
                    let s = context.surface(t, triangle: id, x: position.x, y: position.y)
                    let wo = context.perspective ? normalize(context.eye - s.position) : context.towardCamera
                    batch.set(lane: lane, s, wo: wo)
                }
                batch.count = lanes
                context.materials[material]._withUnsafeGuaranteedRef { box in
                    if context.shading == .unlit {
                        batch.output = MaterialEvaluator.baseColor8(
                            batch, material: box.value, override: context.filterOverride)
                    } else {
                        batchShader.shade(&batch, material: box.value, override: context.filterOverride)
                    }
                }
                for lane in 0..<lanes { queue.results[Int(queue.order[i + lane])] = batch.output[lane: lane] }
                i += lanes
            }
            start = end
        }
    }

    /// Sums each pixel's shaded points, weighted, in gathering order (the scalar resolve's order).
    func accumulate(width: Int, height: Int) {
        var n = 0
        for y in 0..<height {
            for x in 0..<width {
                let p = y * VisibilityTile.size + x
                let points = Int(queue.pixelPoints[p])
                if points == 0 {
                    colors[p] = .zero
                } else if points < 0 {
                    let c = queue.results[n]
                    colors[p] = SIMD4(c.x, c.y, c.z, 1)
                    n += 1
                } else {
                    var sum = SIMD4<Float>.zero
                    for _ in 0..<points {
                        let c = queue.results[n]
                        let w = queue.weights[n]
                        sum += SIMD4(c.x * w, c.y * w, c.z * w, w)
                        n += 1
                    }
                    colors[p] = sum
                }
            }
        }
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
