/// A vertex after the vertex stage: its clip-space position, and, when it lies inside the
/// clipping volume, its snapped window position (1/256 pixel) and window depth.
struct ScreenVertex: Sendable {
    /// Clip-space position (`P * V * world`).
    var clip: SIMD4<Float>
    /// Window x in 1/256 pixel (valid when ``outcode`` is 0).
    var x: Int32
    /// Window y in 1/256 pixel, y down (valid when ``outcode`` is 0).
    var y: Int32
    /// Window depth `(ndc.z + 1) / 2` (valid when ``outcode`` is 0).
    var z: Float
    /// One bit per clipping plane the vertex is outside of (see ``ScreenMapping``); 0 inside.
    var outcode: UInt32
}

/// The viewport transform and the clipping volume: OpenGL NDC to image coordinates with y down
/// and pixel centres at +0.5, exactly as the llvmpipe reference frames were made.
///
/// `x_img = (ndc.x + 1) * W / 2`, `y_img = (1 - ndc.y) * H / 2`, depth `(ndc.z + 1) / 2`.
/// Positions snap to 1/256 pixel (8 sub-pixel bits, round half to even, like llvmpipe's
/// `subpixel_snap`). The clipping volume is the near and far planes plus a guard band of
/// ``guardPixels`` around the image: triangles inside it are rasterized unclipped (the edge
/// functions discard what is off screen); only those that cross it are clipped, which keeps
/// every snapped coordinate within ±2^21 so edge products fit in 64 bits and per-block values
/// in 32.
struct ScreenMapping: Sendable {
    /// Image width in pixels.
    let width: Int
    /// Image height in pixels.
    let height: Int
    /// `W / 2` and `H / 2`.
    let halfWidth: Float
    let halfHeight: Float
    /// Guard band half-extents in NDC units (x and y): `1 + 2 * guardPixels / size`.
    let guardX: Float
    let guardY: Float

    /// Pixels beyond each image edge that are still rasterized without clipping.
    static let guardPixels: Float = 2048
    /// Largest image side the fixed-point ranges allow.
    static let maxSide = 8192

    /// Outcode bits.
    static let outNear: UInt32 = 1
    static let outFar: UInt32 = 2
    static let outLeft: UInt32 = 4
    static let outRight: UInt32 = 8
    static let outTop: UInt32 = 16
    static let outBottom: UInt32 = 32
    static let outBehind: UInt32 = 64

    init(width: Int, height: Int) {
        precondition(width > 0 && height > 0 && width <= Self.maxSide && height <= Self.maxSide)
        self.width = width
        self.height = height
        halfWidth = Float(width) / 2
        halfHeight = Float(height) / 2
        guardX = 1 + 2 * Self.guardPixels / Float(width)
        guardY = 1 + 2 * Self.guardPixels / Float(height)
    }

    /// Which planes of the clipping volume `c` is outside of.
    @inline(__always)
    func outcode(_ c: SIMD4<Float>) -> UInt32 {
        var code: UInt32 = 0
        if !(c.z >= -c.w) { code |= Self.outNear }
        if !(c.z <= c.w) { code |= Self.outFar }
        if !(c.x >= -guardX * c.w) { code |= Self.outLeft }
        if !(c.x <= guardX * c.w) { code |= Self.outRight }
        if !(c.y <= guardY * c.w) { code |= Self.outTop }
        if !(c.y >= -guardY * c.w) { code |= Self.outBottom }
        if !(c.w > 0) { code |= Self.outBehind }
        return code
    }

    /// The vertex stage for one clip-space position.
    @inline(__always)
    func project(_ c: SIMD4<Float>) -> ScreenVertex {
        let code = outcode(c)
        guard code == 0 else { return ScreenVertex(clip: c, x: 0, y: 0, z: 0, outcode: code) }
        let (x, y, z) = snap(c)
        return ScreenVertex(clip: c, x: x, y: y, z: z, outcode: 0)
    }

    /// Perspective divide (by multiplying with `1 / w`, as llvmpipe's draw module does),
    /// viewport transform and snap of a position inside the clipping volume.
    @inline(__always)
    func snap(_ c: SIMD4<Float>) -> (x: Int32, y: Int32, z: Float) {
        let invW = 1 / c.w
        let sx = (c.x * invW) * halfWidth + halfWidth
        let sy = halfHeight - (c.y * invW) * halfHeight
        let sz = (c.z * invW) * 0.5 + 0.5
        let fx = (sx * 256).rounded(.toNearestOrEven)
        let fy = (sy * 256).rounded(.toNearestOrEven)
        return (Int32(fx), Int32(fy), sz)
    }
}
