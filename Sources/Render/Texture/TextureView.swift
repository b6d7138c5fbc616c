import CVector

/// The hot-loop face of a ``PreparedTexture``: raw pointers and plain values, no reference
/// counting. Valid while its texture lives (a ``PreparedMaterial`` keeps it alive).
///
/// Conventions follow OpenGL: texel centres at +0.5, `u * width - 0.5` for LINEAR, `floor(u *
/// width)` for NEAREST, wrap modes applied to integer texel indices, level of detail
/// `log2(max(|duv/dx|, |duv/dy|))` in level-0 texels, magnification when it is <= 0.
public struct TextureView: @unchecked Sendable {
    /// Texels of every level, RGBA8 packed little-endian (R in the low byte).
    @usableFromInline let texels: UnsafePointer<UInt32>
    /// One record per level.
    @usableFromInline let levels: UnsafePointer<TextureLevel>
    /// Number of levels.
    @usableFromInline let levelCount: Int
    /// Table turning a code into the sampled value of R, G and B: sRGB decode for colour, k/255
    /// for data.
    @usableFromInline let rgbTable: UnsafePointer<Float>
    /// k/255, for alpha, for data and for the reference override.
    @usableFromInline let linearTable: UnsafePointer<Float>
    /// Divisor turning filtered raw values into results: codes / 255 for data, alpha / 255 for
    /// colour (RGB is already linear from ``rgbTable``).
    @usableFromInline let rawScale: SIMD4<Float>
    /// Level offsets for the batched path, as lanes index them by register permutes: two vectors
    /// (levels 0-7 and 8-15; a texture has at most 16 levels up to 32768 texels wide).
    @usableFromInline let batchOffsets: UnsafePointer<SIMD8<Int32>>
    /// Whether the batched path can index this texture (at most 16 levels, every texel index
    /// fits in an Int32); otherwise it is sampled lane by lane.
    @usableFromInline let batchable: Bool
    /// Sampler settings as small codes (see ``WrapCode`` and ``MinCode``).
    @usableFromInline let magLinear: Bool
    @usableFromInline let minCode: MinCode
    @usableFromInline let wrapU: WrapCode
    @usableFromInline let wrapV: WrapCode

    init(
        texels: UnsafePointer<UInt32>, levels: UnsafePointer<TextureLevel>, levelCount: Int, isColor: Bool,
        sampler: Sampler, batchOffsets: UnsafeMutablePointer<SIMD8<Int32>>
    ) {
        self.texels = texels
        self.levels = levels
        self.levelCount = levelCount
        self.rgbTable = isColor ? SRGB.tables.decode : TextureView.unitTable
        self.linearTable = TextureView.unitTable
        self.rawScale = isColor ? SIMD4(1, 1, 1, 255) : SIMD4(repeating: 255)
        let last = levels[levelCount - 1]
        batchable = levelCount <= 16 && last.offset + last.width * last.height <= Int(Int32.max)
        batchOffsets[0] = .zero
        batchOffsets[1] = .zero
        for l in 0..<min(levelCount, 16) where batchable { batchOffsets[l / 8][l % 8] = Int32(levels[l].offset) }
        self.batchOffsets = UnsafePointer(batchOffsets)
        self.magLinear = sampler.magFilter == .linear
        self.minCode = MinCode(sampler.minFilter)
        self.wrapU = WrapCode(sampler.wrapS)
        self.wrapV = WrapCode(sampler.wrapT)
    }

    /// k/255 for every code (allocated once, never freed).
    nonisolated(unsafe) static let unitTable: UnsafePointer<Float> = {
        let p = UnsafeMutablePointer<Float>.allocate(capacity: 256)
        for k in 0..<256 { p[k] = Float(k) / 255 }
        return UnsafePointer(p)
    }()

    /// Wrap mode as a small code.
    @usableFromInline enum WrapCode: UInt8, Sendable {
        case repeat_, clamp, mirror
        init(_ w: Sampler.Wrap) {
            switch w {
            case .repeat_: self = .repeat_
            case .clampToEdge: self = .clamp
            case .mirroredRepeat: self = .mirror
            }
        }
    }

    /// Minification filter: whether texels are blended within a level, and how levels are used.
    @usableFromInline struct MinCode: Sendable {
        @usableFromInline let linear: Bool
        /// 0: level 0 only; 1: nearest level; 2: blend two levels.
        @usableFromInline let mipmap: UInt8
        init(_ f: Sampler.MinFilter) {
            switch f {
            case .nearest: (linear, mipmap) = (false, 0)
            case .linear: (linear, mipmap) = (true, 0)
            case .nearestMipmapNearest: (linear, mipmap) = (false, 1)
            case .linearMipmapNearest: (linear, mipmap) = (true, 1)
            case .nearestMipmapLinear: (linear, mipmap) = (false, 2)
            case .linearMipmapLinear: (linear, mipmap) = (true, 2)
            }
        }
    }

    // MARK: - Sampling

    /// Samples with the glTF sampler: filters, wrap modes and mip level from the UV derivatives.
    /// - Parameters:
    ///   - uv: texture coordinates (after any texture transform).
    ///   - dx: derivative of `uv` per pixel step in x.
    ///   - dy: derivative of `uv` per pixel step in y.
    /// - Returns: RGBA in [0, 1], RGB linear (decoded from sRGB for colour textures).
    @inlinable @inline(__always)
    public func sample(_ uv: SIMD2<Float>, dx: SIMD2<Float>, dy: SIMD2<Float>) -> SIMD4<Float> {
        sampleRaw(uv, dx: dx, dy: dy) / rawScale
    }

    /// ``sample(_:dx:dy:)`` before the final scale: texels are filtered as codes (data, alpha) or
    /// linear values (colour RGB), and divided by ``rawScale`` once at the end (the batched path
    /// does exactly the same operations, lane by lane).
    @inlinable @inline(__always)
    func sampleRaw(_ uv: SIMD2<Float>, dx: SIMD2<Float>, dy: SIMD2<Float>) -> SIMD4<Float> {
        let l0 = levels[0]
        let size = SIMD2(l0.widthF, l0.heightF)
        let tdx = dx * size
        let tdy = dy * size
        let rho2 = max((tdx * tdx).sum(), (tdy * tdy).sum())
        // Magnification (or bad derivatives): level 0 with the mag filter.
        guard rho2 > 1, rho2.isFinite else { return sampleLevelRaw(0, uv, linear: magLinear, table: rgbTable) }
        if minCode.mipmap == 0 { return sampleLevelRaw(0, uv, linear: minCode.linear, table: rgbTable) }
        let maxLevel = Float(levelCount - 1)
        let lambda = min(Self.fastLog2(rho2) * 0.5, maxLevel)
        if minCode.mipmap == 1 {
            return sampleLevelRaw(Int(lambda + 0.5), uv, linear: minCode.linear, table: rgbTable)
        }
        let lf = lambda.rounded(.down)
        let l = Int(lf)
        let f = lambda - lf
        let a = sampleLevelRaw(l, uv, linear: minCode.linear, table: rgbTable)
        guard f > 0, l + 1 < levelCount else { return a }
        let b = sampleLevelRaw(l + 1, uv, linear: minCode.linear, table: rgbTable)
        return a + (b - a) * f
    }

    /// Samples as the llvmpipe reference frames were made: level 0 only, REPEAT wrap, the given
    /// filter, and no sRGB decode (codes / 255).
    @inlinable @inline(__always)
    public func sampleReference(_ uv: SIMD2<Float>, filter: TextureFilterOverride) -> SIMD4<Float> {
        let l = levels[0]
        let u = uv.x.isFinite ? uv.x : 0
        let v = uv.y.isFinite ? uv.y : 0
        if filter == .nearest {
            let x = Self.nearestIndex(u, size: l.width, sizeF: l.widthF, wrap: .repeat_)
            let y = Self.nearestIndex(v, size: l.height, sizeF: l.heightF, wrap: .repeat_)
            return fetch(l.offset &+ y &* l.width &+ x, table: linearTable) / 255
        }
        return bilinear(l, u, v, wrapU: .repeat_, wrapV: .repeat_, table: linearTable) / 255
    }

    /// One level, nearest or bilinear, with this texture's wrap modes, scaled like ``sample(_:dx:dy:)``
    /// (`table` is ``rgbTable``, or ``linearTable`` for codes / 255 in every channel).
    @inlinable @inline(__always)
    func sampleLevel(_ level: Int, _ uv: SIMD2<Float>, linear: Bool, table: UnsafePointer<Float>) -> SIMD4<Float> {
        sampleLevelRaw(level, uv, linear: linear, table: table)
            / (table == linearTable ? SIMD4(repeating: 255) : rawScale)
    }

    /// One level, nearest or bilinear, before the final scale (see ``sampleRaw(_:dx:dy:)``).
    @inlinable @inline(__always)
    func sampleLevelRaw(_ level: Int, _ uv: SIMD2<Float>, linear: Bool, table: UnsafePointer<Float>) -> SIMD4<Float> {
        let l = levels[level]
        let u = uv.x.isFinite ? uv.x : 0
        let v = uv.y.isFinite ? uv.y : 0
        if linear { return bilinear(l, u, v, wrapU: wrapU, wrapV: wrapV, table: table) }
        let x = Self.nearestIndex(u, size: l.width, sizeF: l.widthF, wrap: wrapU)
        let y = Self.nearestIndex(v, size: l.height, sizeF: l.heightF, wrap: wrapV)
        return fetch(l.offset &+ y &* l.width &+ x, table: table)
    }

    /// Bilinear blend of the four texels around (u, v) in level `l`.
    @inlinable @inline(__always)
    func bilinear(
        _ l: TextureLevel, _ u: Float, _ v: Float, wrapU: WrapCode, wrapV: WrapCode, table: UnsafePointer<Float>
    ) -> SIMD4<Float> {
        let (x0, x1, fx) = Self.linearIndices(u, size: l.width, sizeF: l.widthF, wrap: wrapU)
        let (y0, y1, fy) = Self.linearIndices(v, size: l.height, sizeF: l.heightF, wrap: wrapV)
        let r0 = l.offset &+ y0 &* l.width
        let r1 = l.offset &+ y1 &* l.width
        let a = fetch(r0 &+ x0, table: table)
        let b = fetch(r0 &+ x1, table: table)
        let c = fetch(r1 &+ x0, table: table)
        let d = fetch(r1 &+ x1, table: table)
        let top = a + (b - a) * fx
        let bottom = c + (d - c) * fx
        return top + (bottom - top) * fy
    }

    /// One texel before the final scale: with ``linearTable``, the four codes; otherwise RGB
    /// through `table` (sRGB decode) and the alpha code.
    @inlinable @inline(__always)
    func fetch(_ index: Int, table: UnsafePointer<Float>) -> SIMD4<Float> {
        let t = texels[index]
        if table == linearTable {
            // Data: unpack the four bytes in vector registers (no table loads).
            return v_i2f4(SIMD4<Int32>(truncatingIfNeeded: SIMD4<UInt32>(repeating: t) &>> SIMD4(0, 8, 16, 24)) & 0xFF)
        }
        return SIMD4(
            table[Int(t & 0xFF)], table[Int((t &>> 8) & 0xFF)], table[Int((t &>> 16) & 0xFF)],
            Float(Int32(truncatingIfNeeded: t &>> 24)))
    }

    // MARK: - Addressing

    /// Texel index for NEAREST: `floor(u * size)` wrapped.
    @inlinable @inline(__always)
    static func nearestIndex(_ u: Float, size: Int, sizeF: Float, wrap: WrapCode) -> Int {
        let t: Float
        switch wrap {
        case .repeat_: t = u - u.rounded(.down)
        case .clamp: t = min(max(u, 0), 1)
        case .mirror: t = mirror(u)
        }
        // t * size can round up to size when t is just below 1.
        return min(Int(t * sizeF), size - 1)
    }

    /// Texel indices and weight for LINEAR: around `u * size - 0.5`, wrapped.
    @inlinable @inline(__always)
    static func linearIndices(_ u: Float, size: Int, sizeF: Float, wrap: WrapCode) -> (Int, Int, Float) {
        switch wrap {
        case .repeat_:
            let x = (u - u.rounded(.down)) * sizeF - 0.5
            let xf = x.rounded(.down)
            var i0 = Int(xf)
            var i1 = i0 &+ 1
            if i0 < 0 { i0 = size &- 1 }
            if i1 >= size { i1 = 0 }
            return (i0, i1, x - xf)
        case .clamp, .mirror:
            // Mirrored repeat is symmetric about texel edges, so it is clamping of the mirrored
            // coordinate (GL mirrors index -1 to 0 and `size` to `size - 1`).
            let t = wrap == .clamp ? min(max(u, -1), 2) : mirror(u)
            let x = t * sizeF - 0.5
            let xf = x.rounded(.down)
            let i = Int(xf)
            return (min(max(i, 0), size - 1), min(max(i + 1, 0), size - 1), x - xf)
        }
    }

    /// `u` folded into [0, 1] with period 2, mirrored on odd periods.
    @inlinable @inline(__always)
    static func mirror(_ u: Float) -> Float {
        let t = u - 2 * (u * 0.5).rounded(.down)
        return t > 1 ? 2 - t : t
    }

    /// log2 for x > 0 from the exponent bits and a quadratic in the mantissa (exact at powers of
    /// two, monotonic, error < 0.01: enough to pick and blend mip levels).
    @inlinable @inline(__always)
    static func fastLog2(_ x: Float) -> Float {
        let bits = x.bitPattern
        let e = Float(Int32(bitPattern: (bits &>> 23) & 0xFF) - 127)
        let m = Float(bitPattern: (bits & 0x7F_FFFF) | 0x3F80_0000)
        let t = m - 1
        return e + t * (4 - t) * (1.0 / 3.0)
    }
}
