import CVector

/// The per-pixel work of a garment triangle, eight pixels at a time: bilinear texture sample,
/// occlusion mask, shading, premultiplied "over" onto the canvas.
///
/// Everything is 8-bit fixed point in SWAR form: a packed texel `r | g << 8 | b << 16 | a << 24`
/// is split into `rb = t & 0x00FF00FF` and `ga = (t >> 8) & 0x00FF00FF`, two channels per
/// 32-bit lane, and each product with a weight <= 256 stays below 2^16 per channel (Blinn,
/// "Three wrongs make a right", 1995). Bilinear weights use 1/16-texel fractions (sum 256).
/// The result is exact integer arithmetic: identical on every machine and thread count.
struct GarmentSpanKernel: MeshSpanKernel {
    let levels: [ItemTexture.Level]
    let canvas: CanvasView
    let mask: UnsafePointer<UInt8>?
    private var texels: UnsafePointer<UInt32>
    private var textureWidth: Int32 = 1
    private var textureHeight: Int32 = 1
    /// `(c, dx, dy)` planes over pixel indices: u and v in the level's index space, shade in 1/256.
    private var u = SIMD3<Float>.zero
    private var v = SIMD3<Float>.zero
    private var shade = SIMD3<Float>.zero

    private static let lanes = SIMD8<Float>(0, 1, 2, 3, 4, 5, 6, 7)
    private static let low = SIMD8<UInt32>(repeating: 0x00FF_00FF)
    private static let round = SIMD8<UInt32>(repeating: 0x0080_0080)

    init(levels: [ItemTexture.Level], canvas: CanvasView, mask: UnsafePointer<UInt8>?) {
        self.levels = levels
        self.canvas = canvas
        self.mask = mask
        texels = UnsafePointer(levels[0].texels.baseAddress!)
    }

    mutating func begin(_ planes: TrianglePlanes) {
        let level = levels[planes.level]
        texels = UnsafePointer(level.texels.baseAddress!)
        textureWidth = Int32(level.width)
        textureHeight = Int32(level.height)
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
            let colour = sample(u: uRow + u.y * xs, v: vRow + v.y * xs)
            var rb = colour & Self.low
            var ga = (colour &>> 8) & Self.low

            // Occlusion: scale the whole premultiplied texel by (255 - m) / 255.
            if let rowMask {
                var m = SIMD8<UInt32>.zero
                for i in 0..<count { m[i] = UInt32(rowMask[x + i]) }
                let k = 256 &- (m &+ (m &>> 7))
                rb = (rb &* k &+ Self.round) &>> 8 & Self.low
                ga = (ga &* k &+ Self.round) &>> 8 & Self.low
            }

            // Shading: colour only; alpha keeps the garment's coverage.
            let s = v_f2i8(v_clamp8(sRow + shade.y * xs, .zero, SIMD8(repeating: 256)))
            let s32 = SIMD8<UInt32>(truncatingIfNeeded: s)
            rb = (rb &* s32 &+ Self.round) &>> 8 & Self.low
            let alpha = ga &>> 16
            let green = ((ga & 0xFF) &* s32 &+ 0x80) &>> 8
            ga = green | alpha &<< 16

            // Premultiplied over: out = c + photo * (255 - a) / 255, k2 = inv + inv / 128 ~ inv * 256 / 255.
            let inv = 255 &- alpha
            let k2 = inv &+ (inv &>> 7)
            var photo = SIMD8<UInt32>.zero
            if count == 8 {
                photo = UnsafeRawPointer(rowPixels + x).loadUnaligned(as: SIMD8<UInt32>.self)
            } else {
                for i in 0..<count { photo[i] = rowPixels[x + i] }
            }
            let prb = ((photo & Self.low) &* k2 &+ Self.round) &>> 8 & Self.low
            let pga = (((photo &>> 8) & Self.low) &* k2 &+ Self.round) &>> 8 & Self.low
            let out = (rb &+ prb) | ((ga &+ pga) &<< 8)
            if count == 8 {
                UnsafeMutableRawPointer(rowPixels + x).storeBytes(of: out, as: SIMD8<UInt32>.self)
            } else {
                for i in 0..<count { rowPixels[x + i] = out[i] }
            }
            x += 8
        }
    }

    /// Bilinear sample (clamp to edge) of eight texture positions in index space.
    @inline(__always)
    private func sample(u: SIMD8<Float>, v: SIMD8<Float>) -> SIMD8<UInt32> {
        let fu = v_floor8(u)
        let fv = v_floor8(v)
        let iu = v_f2i8(fu)
        let iv = v_f2i8(fv)
        let sixteen = SIMD8<Float>(repeating: 16)
        let wx = v_f2i8((u - fu) * sixteen + 0.5)
        let wy = v_f2i8((v - fv) * sixteen + 0.5)
        let maxX = SIMD8<Int32>(repeating: textureWidth - 1)
        let maxY = SIMD8<Int32>(repeating: textureHeight - 1)
        let x0 = v_clamp8i(iu, .zero, maxX)
        let x1 = v_clamp8i(iu &+ 1, .zero, maxX)
        let row0 = v_clamp8i(iv, .zero, maxY) &* textureWidth
        let row1 = v_clamp8i(iv &+ 1, .zero, maxY) &* textureWidth
        let t00 = gather(row0 &+ x0)
        let t10 = gather(row0 &+ x1)
        let t01 = gather(row1 &+ x0)
        let t11 = gather(row1 &+ x1)
        let ax = SIMD8<UInt32>(truncatingIfNeeded: wx)
        let ay = SIMD8<UInt32>(truncatingIfNeeded: wy)
        let bx = 16 &- ax
        let by = 16 &- ay
        let w00 = bx &* by
        let w10 = ax &* by
        let w01 = bx &* ay
        let w11 = ax &* ay
        let rb =
            ((t00 & Self.low) &* w00 &+ (t10 & Self.low) &* w10 &+ (t01 & Self.low) &* w01
                &+ (t11 & Self.low) &* w11 &+ Self.round) &>> 8 & Self.low
        let ga =
            (((t00 &>> 8) & Self.low) &* w00 &+ ((t10 &>> 8) & Self.low) &* w10
                &+ ((t01 &>> 8) & Self.low) &* w01 &+ ((t11 &>> 8) & Self.low) &* w11 &+ Self.round) &>> 8
            & Self.low
        return rb | ga &<< 8
    }

    @inline(__always)
    private func gather(_ i: SIMD8<Int32>) -> SIMD8<UInt32> {
        SIMD8(
            texels[Int(i[0])], texels[Int(i[1])], texels[Int(i[2])], texels[Int(i[3])],
            texels[Int(i[4])], texels[Int(i[5])], texels[Int(i[6])], texels[Int(i[7])])
    }
}
