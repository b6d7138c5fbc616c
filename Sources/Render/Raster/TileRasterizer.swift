import CVector

/// Alpha test for `MASK` materials: asked once per sample that passed coverage and depth.
protocol SampleAlphaTest {
    /// Whether the sample at window position `x`, `y` (pixels, y down) of scene triangle
    /// `triangle` survives the material's alpha cutoff.
    func passes(triangle: UInt32, x: Float, y: Float) -> Bool
}

/// No alpha test: every covered sample passes.
struct NoAlphaTest: SampleAlphaTest {
    @inline(__always)
    func passes(triangle: UInt32, x: Float, y: Float) -> Bool { true }
}

/// The SIMD kernel: rasterizes one triangle into one tile of the visibility buffer, 8 pixels a
/// step, one sample position at a time, with a depth test (`<`, like `GL_LESS`).
///
/// Exactness: the edge functions are integers (vertices in 1/256 pixel). Every sample position
/// is a multiple of 1/16 pixel, so for a sample `P = O + 16 * (X', Y')` (O a block corner,
/// X', Y' in 1/16 pixel) `E(P) >= 0` iff `A X' + B Y' + floor(E(O) / 16) >= 0`: the block
/// value is computed in 64 bits, divided exactly, clamped to ±2^30 (beyond which no lane can
/// change sign) and the 8 lanes are evaluated in 32 bits. Edges are evaluated directly per
/// block, never stepped in floating point, so the result does not depend on where a tile or
/// span starts (PERFORMANCE.md). Depth is `(z0 + dzdx dx) + dzdy dy` with exact `dx`, `dy`.
struct TileRasterizer<AlphaTest: SampleAlphaTest> {
    /// The tile's visibility planes.
    let tile: VisibilityTile
    /// Samples per pixel.
    let samples: Int
    /// Sample offsets in 1/16 pixel: x at `0..<8`, y at `8..<16` (see ``SamplePattern/table``).
    let offsets: UnsafePointer<Int32>
    /// Per-triangle scratch: for each sample, the three edges' sample offsets.
    let sampleEdges: UnsafeMutablePointer<SIMD4<Int32>>
    /// The alpha test for masked triangles.
    let alphaTest: AlphaTest

    /// Creates the kernel for one tile.
    /// - Parameters:
    ///   - scratch: room for 8 `SIMD4<Int32>` values, owned by the calling worker.
    init(
        tile: VisibilityTile, pattern: SamplePattern, scratch: UnsafeMutablePointer<SIMD4<Int32>>, alphaTest: AlphaTest
    ) {
        self.tile = tile
        samples = pattern.count
        offsets = pattern.table
        sampleEdges = scratch
        self.alphaTest = alphaTest
    }

    /// Rasterizes `t` into the tile whose top-left pixel is (`tileX`, `tileY`).
    ///
    /// Without `coverage`, samples that pass take the triangle's depth and id. With it (the
    /// blended pass), the visibility planes are only read: bit `s` of `coverage[y * 64 + x]`
    /// is set for every sample `s` that is covered and in front of the stored depth.
    @inline(__always)
    func rasterize(_ t: RasterTriangle, tileX: Int32, tileY: Int32, coverage: UnsafeMutablePointer<UInt32>? = nil) {
        let last = Int32(VisibilityTile.size - 1)
        let lx0 = max(Int32(t.minX) &- tileX, 0)
        let lx1 = min(Int32(t.maxX) &- tileX, last)
        let ly0 = max(Int32(t.minY) &- tileY, 0)
        let ly1 = min(Int32(t.maxY) &- tileY, last)
        guard lx0 <= lx1, ly0 <= ly1 else { return }

        // Edge coefficients (edge i from vertex i to i + 1) and the fill-rule bias: samples
        // exactly on an edge count only for top and left edges.
        let a0 = t.y0 &- t.y1, b0 = t.x1 &- t.x0
        let a1 = t.y1 &- t.y2, b1 = t.x2 &- t.x1
        let a2 = t.y2 &- t.y0, b2 = t.x0 &- t.x2
        let ox = Int64(tileX) << 8
        let oy = Int64(tileY) << 8
        let bias0: Int64 = t.topLeft & 1 != 0 ? 0 : 1
        let bias1: Int64 = t.topLeft & 2 != 0 ? 0 : 1
        let bias2: Int64 = t.topLeft & 4 != 0 ? 0 : 1
        // Edge values at the tile corner, divided by 16 (floor: arithmetic shift).
        let e0 = (Int64(a0) &* (ox &- Int64(t.x0)) &+ Int64(b0) &* (oy &- Int64(t.y0)) &- bias0) >> 4
        let e1 = (Int64(a1) &* (ox &- Int64(t.x1)) &+ Int64(b1) &* (oy &- Int64(t.y1)) &- bias1) >> 4
        let e2 = (Int64(a2) &* (ox &- Int64(t.x2)) &+ Int64(b2) &* (oy &- Int64(t.y2)) &- bias2) >> 4

        // Per-lane x offsets (lane * 16 in 1/16 pixel) and per-sample offsets of each edge.
        let lane16 = SIMD8<Int32>(0, 16, 32, 48, 64, 80, 96, 112)
        let l0 = lane16 &* a0
        let l1 = lane16 &* a1
        let l2 = lane16 &* a2
        for s in 0..<samples {
            let sx = offsets[s]
            let sy = offsets[8 &+ s]
            sampleEdges[s] = SIMD4(a0 &* sx &+ b0 &* sy, a1 &* sx &+ b1 &* sy, a2 &* sx &+ b2 &* sy, 0)
        }
        let laneF = SIMD8<Float>(0, 1, 2, 3, 4, 5, 6, 7)
        let x0f = Float(t.x0) / 256
        let y0f = Float(t.y0) / 256
        let z0 = SIMD8<Float>(repeating: t.z0)
        let dzdx = SIMD8<Float>(repeating: t.dzdx)
        let id = v_splat8i(Int32(bitPattern: t.triangle))
        let masked = t.flags & RasterTriangle.alphaMask != 0
        let depth = UnsafeMutableRawPointer(tile.depth)
        let ids = UnsafeMutableRawPointer(tile.ids)

        let bx0 = lx0 & ~7
        var y = ly0
        while y <= ly1 {
            // Edge values at the first block of the row (exact, 64-bit).
            var r0 = e0 &+ 16 &* (Int64(a0) &* Int64(bx0) &+ Int64(b0) &* Int64(y))
            var r1 = e1 &+ 16 &* (Int64(a1) &* Int64(bx0) &+ Int64(b1) &* Int64(y))
            var r2 = e2 &+ 16 &* (Int64(a2) &* Int64(bx0) &+ Int64(b2) &* Int64(y))
            let rowY = Float(tileY &+ y) - y0f
            let rowOffset = Int(y) &* VisibilityTile.size
            var bx = bx0
            while bx <= lx1 {
                let c0 = Self.clamp(r0)
                let c1 = Self.clamp(r1)
                let c2 = Self.clamp(r2)
                let blockX = SIMD8(repeating: Float(tileX &+ bx) - x0f) + laneF
                let pixel = rowOffset &+ Int(bx)
                for s in 0..<samples {
                    let k = sampleEdges[s]
                    let inside = v_or8i(
                        v_or8i(v_add8i(l0, v_splat8i(c0 &+ k.x)), v_add8i(l1, v_splat8i(c1 &+ k.y))),
                        v_add8i(l2, v_splat8i(c2 &+ k.z)))
                    if v_signmask8(inside) == 0xFF { continue }
                    // Depth at the 8 samples, from exact offsets to vertex 0.
                    let dx = blockX + SIMD8(repeating: Float(offsets[s]) / 16)
                    let dy = rowY + Float(offsets[8 &+ s]) / 16
                    let z = (z0 + dzdx * dx) + SIMD8(repeating: t.dzdy * dy)
                    let offset = (s &* VisibilityTile.planeSize &+ pixel) &* 4
                    let zOld = depth.load(fromByteOffset: offset, as: SIMD8<Float>.self)
                    var pass = v_inside_lt8(inside, z, zOld)
                    if v_signmask8(pass) == 0 { continue }
                    if masked {
                        pass = alphaTestLanes(
                            pass, triangle: t.triangle, x: Float(tileX &+ bx), y: Float(tileY &+ y), s: s)
                    }
                    if let coverage {
                        let raw = UnsafeMutableRawPointer(coverage)
                        let maskOffset = pixel &* 4
                        let old = raw.load(fromByteOffset: maskOffset, as: SIMD8<Int32>.self)
                        let bit = v_splat8i(1 << Int32(s))
                        raw.storeBytes(
                            of: v_or8i(old, v_and8i(pass, bit)), toByteOffset: maskOffset, as: SIMD8<Int32>.self)
                        continue
                    }
                    let idOld = ids.load(fromByteOffset: offset, as: SIMD8<Int32>.self)
                    depth.storeBytes(of: v_select8(pass, z, zOld), toByteOffset: offset, as: SIMD8<Float>.self)
                    ids.storeBytes(of: v_select8i(pass, id, idOld), toByteOffset: offset, as: SIMD8<Int32>.self)
                }
                r0 &+= 128 &* Int64(a0)
                r1 &+= 128 &* Int64(a1)
                r2 &+= 128 &* Int64(a2)
                bx &+= 8
            }
            y &+= 1
        }
    }

    /// Clears the lanes of `pass` whose sample fails the alpha test.
    @inline(never)
    func alphaTestLanes(_ pass: SIMD8<Int32>, triangle: UInt32, x: Float, y: Float, s: Int) -> SIMD8<Int32> {
        var out = pass
        let sx = Float(offsets[s]) / 16
        let sy = Float(offsets[8 + s]) / 16
        for lane in 0..<8 where pass[lane] != 0 {
            if !alphaTest.passes(triangle: triangle, x: x + Float(lane) + sx, y: y + sy) { out[lane] = 0 }
        }
        return out
    }

    /// A 64-bit edge value clamped to ±2^30: far enough from zero that no lane offset (< 2^29)
    /// can change its sign, small enough that lane sums stay within 32 bits.
    @inline(__always)
    static func clamp(_ v: Int64) -> Int32 {
        Int32(truncatingIfNeeded: min(max(v, -(1 << 30)), 1 << 30))
    }
}
