import CVector

/// The per-pixel work of a garment triangle, eight pixels at a time: bilinear texture sample,
/// occlusion mask, shading, premultiplied "over" onto the canvas.
///
/// Everything is 8-bit fixed point in SWAR form: a packed texel `r | g << 8 | b << 16 | a << 24`
/// is split into `rb = t & 0x00FF00FF` and `ga = (t >> 8) & 0x00FF00FF`, two channels per
/// 32-bit lane; a product with a weight <= 256 stays below 2^16 per channel, so the products
/// are 16-bit multiplies (Blinn, "Three wrongs make a right", 1995). Bilinear weights use
/// 1/16-texel fractions (sum 256). Exact integer arithmetic: identical bytes on every machine
/// and thread count.
struct GarmentSpanKernel: MeshSpanKernel {
    let levels: [ItemTexture.Level]
    let canvas: CanvasView
    let mask: UnsafePointer<UInt8>?
    private var texels: UnsafePointer<UInt32>
    private var stride: Int32 = 1
    /// Largest sample position: `(width, height)` of the level (its border is transparent).
    private var limit = SIMD2<Float>.zero
    /// `(c, dx, dy)` planes over pixel indices: u and v in the level's index space, shade in 1/256.
    private var u = SIMD3<Float>.zero
    private var v = SIMD3<Float>.zero
    private var shade = SIMD3<Float>.zero

    private static let lanes = SIMD8<Float>(0, 1, 2, 3, 4, 5, 6, 7)
    private static let laneIndex = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7)
    private static let low = SIMD8<UInt32>(repeating: 0x00FF_00FF)
    private static let round = SIMD8<UInt32>(repeating: 0x0080_0080)

    init(levels: [ItemTexture.Level], canvas: CanvasView, mask: UnsafePointer<UInt8>?) {
        self.levels = levels
        self.canvas = canvas
        self.mask = mask
        texels = UnsafePointer(levels[0].origin)
    }

    mutating func begin(_ planes: TrianglePlanes) {
        let level = levels[planes.level]
        texels = UnsafePointer(level.origin)
        stride = Int32(level.stride)
        limit = SIMD2(Float(level.width), Float(level.height))
        u = planes.u
        v = planes.v
        shade = planes.shade
    }

    /// Draws the pixels `x0...x1` of row `y` (all inside the triangle and the canvas).
    @inline(__always)
    mutating func run(row y: Int, from x0: Int, through x1: Int) {
        let fy = Float(y)
        let uRow = u.x + u.z * fy
        let vRow = v.x + v.z * fy
        let sRow = shade.x + shade.z * fy
        let rowPixels = canvas.pixels + y * canvas.width
        let rowMask = mask.map { $0 + y * canvas.width }
        var x = x0
        while x <= x1 {
            let count = min(8, x1 - x + 1)
            let xs = SIMD8<Float>(repeating: Float(x)) + Self.lanes
            // Eight canvas pixels (and mask bytes) are read when they lie inside the row; the
            // lanes past the span then write back what they read.
            let wide = x + 8 <= canvas.width
            var photo = SIMD8<UInt32>.zero
            var m = SIMD8<UInt32>.zero
            if wide {
                photo = UnsafeRawPointer(rowPixels + x).loadUnaligned(as: SIMD8<UInt32>.self)
                if let rowMask {
                    m = SIMD8(truncatingIfNeeded: UnsafeRawPointer(rowMask + x).loadUnaligned(as: SIMD8<UInt8>.self))
                }
            } else {
                for i in 0..<count { photo[i] = rowPixels[x + i] }
                if let rowMask { for i in 0..<count { m[i] = UInt32(rowMask[x + i]) } }
            }

            let colour = sample(u: uRow + u.y * xs, v: vRow + v.y * xs)
            var rb = colour & Self.low
            var ga = (colour &>> 8) & Self.low
            // Occlusion: scale the whole premultiplied texel by (255 - m) / 255.
            if rowMask != nil {
                let k = 256 &- (m &+ (m &>> 7))
                rb = (Self.mul16(rb, k) &+ Self.round) &>> 8 & Self.low
                ga = (Self.mul16(ga, k) &+ Self.round) &>> 8 & Self.low
            }
            // Shading: colour only; alpha keeps the garment's coverage.
            let s = SIMD8<UInt32>(
                truncatingIfNeeded: v_f2i8(v_clamp8(sRow + shade.y * xs, .zero, SIMD8(repeating: 256))))
            let alpha = ga &>> 16
            rb = (Self.mul16(rb, s) &+ Self.round) &>> 8 & Self.low
            let green = (((ga & 0xFF) &* s) &+ 0x80) &>> 8
            // Premultiplied over: out = c + photo * (255 - a) / 255, k2 = inv + inv / 128 ~ inv * 256 / 255.
            let inv = 255 &- alpha
            let k2 = inv &+ (inv &>> 7)
            let prb = (Self.mul16(photo & Self.low, k2) &+ Self.round) &>> 8 & Self.low
            let pga = (Self.mul16((photo &>> 8) & Self.low, k2) &+ Self.round) &>> 8 & Self.low
            let out = (rb &+ prb) | ((green | alpha &<< 16) &+ pga) &<< 8
            if wide {
                let keep = SIMD8<Int32>(repeating: Int32(count)) .> Self.laneIndex
                let merged = out.replacing(with: photo, where: .!keep)
                UnsafeMutableRawPointer(rowPixels + x).storeBytes(of: merged, as: SIMD8<UInt32>.self)
            } else {
                for i in 0..<count { rowPixels[x + i] = out[i] }
            }
            x += 8
        }
    }

    @inline(__always)
    private func gather(_ i: SIMD8<Int32>) -> SIMD8<UInt32> {
        SIMD8(
            texels[Int(i[0])], texels[Int(i[1])], texels[Int(i[2])], texels[Int(i[3])],
            texels[Int(i[4])], texels[Int(i[5])], texels[Int(i[6])], texels[Int(i[7])])
    }

    /// Products of the two 16-bit halves of each lane with `w` (<= 256), as 16-bit multiplies:
    /// every half holds a channel <= 255, so no product leaves its half.
    @inline(__always)
    private static func mul16(_ a: SIMD8<UInt32>, _ w: SIMD8<UInt32>) -> SIMD8<UInt32> {
        let product =
            unsafeBitCast(a, to: SIMD16<UInt16>.self) &* unsafeBitCast(w | w &<< 16, to: SIMD16<UInt16>.self)
        return unsafeBitCast(product, to: SIMD8<UInt32>.self)
    }

    /// Bilinear sample of eight texture positions in index space, transparent outside the
    /// level: positions are clamped into the level's border, which is zero.
    @inline(__always)
    private func sample(u: SIMD8<Float>, v: SIMD8<Float>) -> SIMD8<UInt32> {
        // Positions in 1/16 texel, rounded (the +1 keeps the truncation a floor).
        let su = v_clamp8(u, SIMD8(repeating: -1), SIMD8(repeating: limit.x))
        let sv = v_clamp8(v, SIMD8(repeating: -1), SIMD8(repeating: limit.y))
        let pu = v_f2i8((su + 1) * 16 + 0.5) &- 16
        let pv = v_f2i8((sv + 1) * 16 + 0.5) &- 16
        let index = (pv &>> 4) &* stride &+ (pu &>> 4)
        let t00 = gather(index)
        let t10 = gather(index &+ 1)
        let t01 = gather(index &+ stride)
        let t11 = gather(index &+ stride &+ 1)
        let ax = SIMD8<UInt32>(truncatingIfNeeded: pu & 15)
        let ay = SIMD8<UInt32>(truncatingIfNeeded: pv & 15)
        let bx = 16 &- ax
        let by = 16 &- ay
        let w00 = bx &* by
        let w10 = ax &* by
        let w01 = bx &* ay
        let w11 = ax &* ay
        let rb =
            (Self.mul16(t00 & Self.low, w00) &+ Self.mul16(t10 & Self.low, w10) &+ Self.mul16(t01 & Self.low, w01)
                &+ Self.mul16(t11 & Self.low, w11) &+ Self.round) &>> 8 & Self.low
        let ga =
            (Self.mul16((t00 &>> 8) & Self.low, w00) &+ Self.mul16((t10 &>> 8) & Self.low, w10)
                &+ Self.mul16((t01 &>> 8) & Self.low, w01) &+ Self.mul16((t11 &>> 8) & Self.low, w11)
                &+ Self.round) &>> 8 & Self.low
        return rb | ga &<< 8
    }
}
