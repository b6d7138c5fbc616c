import CVector

/// Eight texture lookups at once (one lane per shading point): coordinates and derivatives in,
/// RGBA out, all in structure-of-arrays form.
public struct TextureLookup8: Sendable {
    /// Texture coordinates (after any texture transform).
    public var uv: Vector2x8
    /// Derivatives of `uv` per pixel step in x.
    public var dx: Vector2x8
    /// Derivatives of `uv` per pixel step in y.
    public var dy: Vector2x8
    /// The result: RGBA in [0, 1], RGB linear (decoded from sRGB for colour textures).
    public var result = Color4x8(.zero, .zero, .zero, .zero)

    /// A lookup at `uv` with derivatives `dx`, `dy`.
    @inlinable @inline(__always)
    public init(uv: Vector2x8, dx: Vector2x8, dy: Vector2x8) {
        self.uv = uv
        self.dx = dx
        self.dy = dy
    }
}

/// The batched texture path: the same sampling as ``TextureView/sample(_:dx:dy:)``, with the
/// addresses, weights and blends computed for 8 lanes in `SIMD8` registers and the texels
/// gathered. Every lane performs the scalar path's operations in the same order, so the results
/// are bit-identical to it (tested for every filter and wrap mode).
extension TextureView {
    /// Samples 8 lanes with the glTF sampler (per lane: its own mip level(s) from its derivatives).
    /// Lanes never trap or read out of bounds, whatever their values.
    @inline(never)
    public func sample8(_ q: inout TextureLookup8) {
        guard batchable else {
            for i in 0..<8 { q.result[lane: i] = sample(q.uv[lane: i], dx: q.dx[lane: i], dy: q.dy[lane: i]) }
            return
        }
        let u = v_select8(v_isfinite8(q.uv.x), q.uv.x, .zero)
        let v = v_select8(v_isfinite8(q.uv.y), q.uv.y, .zero)
        // Level of detail, as in `sampleRaw`.
        let w0 = batchLevelSizes[0]
        let h0 = batchLevelSizes[levelCount]
        let tdxu = q.dx.x * w0
        let tdxv = q.dx.y * h0
        let tdyu = q.dy.x * w0
        let tdyv = q.dy.y * h0
        let rho2 = v_smax8(tdxu * tdxu + tdxv * tdxv, tdyu * tdyu + tdyv * tdyv)
        let minify = v_gt8(rho2, SIMD8(repeating: 1)) & v_isfinite8(rho2)
        var level = SIMD8<Int32>.zero
        var frac = SIMD8<Float>.zero
        var linear = SIMD8<Int32>(repeating: magLinear ? -1 : 0)
        if v_any8(minify) != 0 {
            linear = v_select8i(minify, SIMD8(repeating: minCode.linear ? -1 : 0), linear)
            if minCode.mipmap != 0 {
                let lambda = v_smin8(Self.fastLog2(rho2) * 0.5, SIMD8(repeating: Float(levelCount - 1)))
                if minCode.mipmap == 1 {
                    level = v_select8i(minify, v_f2i8(lambda + 0.5), .zero)
                } else {
                    let lf = v_floor8(lambda)
                    let l = v_f2i8(lf)
                    let f = lambda - lf
                    let next = v_lt8i(l &+ 1, SIMD8(repeating: Int32(levelCount)))
                    level = v_select8i(minify, l, .zero)
                    frac = v_select8(minify & next & v_gt8(f, .zero), f, .zero)
                }
            }
        }
        var c = sampleLevel8(level, u, v, linear: linear, table: rgbTable)
        if v_any8(v_gt8(frac, .zero)) != 0 {
            // Lanes without a second level have frac 0: a + (b - a) * 0 is a exactly.
            let next = v_min8i(level &+ 1, SIMD8(repeating: Int32(levelCount - 1)))
            let d = sampleLevel8(next, u, v, linear: linear, table: rgbTable)
            c = Color4x8(
                c.r + (d.r - c.r) * frac, c.g + (d.g - c.g) * frac, c.b + (d.b - c.b) * frac,
                c.a + (d.a - c.a) * frac)
        }
        q.result = Color4x8(c.r / rawScale.x, c.g / rawScale.y, c.b / rawScale.z, c.a / rawScale.w)
    }

    /// Samples 8 lanes as ``sampleReference(_:filter:)`` does (level 0, REPEAT, codes / 255).
    @inline(never)
    public func sampleReference8(_ q: inout TextureLookup8, filter: TextureFilterOverride) {
        guard batchable else {
            for i in 0..<8 { q.result[lane: i] = sampleReference(q.uv[lane: i], filter: filter) }
            return
        }
        let u = v_select8(v_isfinite8(q.uv.x), q.uv.x, .zero)
        let v = v_select8(v_isfinite8(q.uv.y), q.uv.y, .zero)
        let l = laneLevels(.zero)
        let c =
            filter == .nearest
            ? nearest8(l, u, v, wrapU: .repeat_, wrapV: .repeat_, table: linearTable)
            : bilinear8(l, u, v, wrapU: .repeat_, wrapV: .repeat_, table: linearTable)
        q.result = Color4x8(c.r / 255, c.g / 255, c.b / 255, c.a / 255)
    }

    // MARK: - Levels and texels

    /// A level record per lane.
    @usableFromInline struct LaneLevels {
        @usableFromInline let offset: SIMD8<Int32>
        @usableFromInline let width: SIMD8<Int32>
        @usableFromInline let height: SIMD8<Int32>
        @usableFromInline let widthF: SIMD8<Float>
        @usableFromInline let heightF: SIMD8<Float>
    }

    /// The records of level `l[i]` for each lane.
    @inline(__always)
    func laneLevels(_ l: SIMD8<Int32>) -> LaneLevels {
        LaneLevels(
            offset: v_gather8i(batchLevels, l), width: v_gather8i(batchLevels + levelCount, l),
            height: v_gather8i(batchLevels + 2 * levelCount, l), widthF: v_gather8f(batchLevelSizes, l),
            heightF: v_gather8f(batchLevelSizes + levelCount, l))
    }

    /// Level `level[i]` per lane, bilinear where `linear` is set and nearest elsewhere (raw).
    @inline(__always)
    func sampleLevel8(
        _ level: SIMD8<Int32>, _ u: SIMD8<Float>, _ v: SIMD8<Float>, linear: SIMD8<Int32>, table: UnsafePointer<Float>
    ) -> Color4x8 {
        let l = laneLevels(level)
        if v_all8(linear) != 0 { return bilinear8(l, u, v, wrapU: wrapU, wrapV: wrapV, table: table) }
        let n = nearest8(l, u, v, wrapU: wrapU, wrapV: wrapV, table: table)
        if v_any8(linear) == 0 { return n }
        let b = bilinear8(l, u, v, wrapU: wrapU, wrapV: wrapV, table: table)
        return Color4x8(
            v_select8(linear, b.r, n.r), v_select8(linear, b.g, n.g), v_select8(linear, b.b, n.b),
            v_select8(linear, b.a, n.a))
    }

    /// Nearest texel per lane (raw).
    @inline(__always)
    func nearest8(
        _ l: LaneLevels, _ u: SIMD8<Float>, _ v: SIMD8<Float>, wrapU: WrapCode, wrapV: WrapCode,
        table: UnsafePointer<Float>
    ) -> Color4x8 {
        let x = Self.nearestIndex8(u, size: l.width, sizeF: l.widthF, wrap: wrapU)
        let y = Self.nearestIndex8(v, size: l.height, sizeF: l.heightF, wrap: wrapV)
        return fetch8(l.offset &+ y &* l.width &+ x, table: table)
    }

    /// Bilinear blend of the four texels around each lane's (u, v) (raw), as ``bilinear(_:_:_:wrapU:wrapV:table:)``.
    @inline(__always)
    func bilinear8(
        _ l: LaneLevels, _ u: SIMD8<Float>, _ v: SIMD8<Float>, wrapU: WrapCode, wrapV: WrapCode,
        table: UnsafePointer<Float>
    ) -> Color4x8 {
        let (x0, x1, fx) = Self.linearIndices8(u, size: l.width, sizeF: l.widthF, wrap: wrapU)
        let (y0, y1, fy) = Self.linearIndices8(v, size: l.height, sizeF: l.heightF, wrap: wrapV)
        let r0 = l.offset &+ y0 &* l.width
        let r1 = l.offset &+ y1 &* l.width
        let a = fetch8(r0 &+ x0, table: table)
        let b = fetch8(r0 &+ x1, table: table)
        let c = fetch8(r1 &+ x0, table: table)
        let d = fetch8(r1 &+ x1, table: table)
        @inline(__always) func blend(_ a: SIMD8<Float>, _ b: SIMD8<Float>, _ c: SIMD8<Float>, _ d: SIMD8<Float>)
            -> SIMD8<Float>
        {
            let top = a + (b - a) * fx
            let bottom = c + (d - c) * fx
            return top + (bottom - top) * fy
        }
        return Color4x8(
            blend(a.r, b.r, c.r, d.r), blend(a.g, b.g, c.g, d.g), blend(a.b, b.b, c.b, d.b), blend(a.a, b.a, c.a, d.a))
    }

    /// Eight texels (raw, as ``fetch(_:table:)``): gathered, then unpacked in vector registers
    /// (data) or decoded through `table` by gathers (colour RGB).
    @inline(__always)
    func fetch8(_ index: SIMD8<Int32>, table: UnsafePointer<Float>) -> Color4x8 {
        let t = v_gather8i(UnsafeRawPointer(texels).assumingMemoryBound(to: Int32.self), index)
        let r = t & 0xFF
        let g = v_srl8i(t, 8) & 0xFF
        let b = v_srl8i(t, 16) & 0xFF
        let a = v_i2f8(v_srl8i(t, 24))
        if table == linearTable { return Color4x8(v_i2f8(r), v_i2f8(g), v_i2f8(b), a) }
        return Color4x8(v_gather8f(table, r), v_gather8f(table, g), v_gather8f(table, b), a)
    }

    // MARK: - Addressing

    /// ``nearestIndex(_:size:sizeF:wrap:)`` per lane.
    @inline(__always)
    static func nearestIndex8(_ u: SIMD8<Float>, size: SIMD8<Int32>, sizeF: SIMD8<Float>, wrap: WrapCode) -> SIMD8<
        Int32
    > {
        let t: SIMD8<Float>
        switch wrap {
        case .repeat_: t = u - v_floor8(u)
        case .clamp: t = v_smin8(v_smax8(u, .zero), SIMD8(repeating: 1))
        case .mirror: t = mirror8(u)
        }
        return v_min8i(v_f2i8(t * sizeF), size &- 1)
    }

    /// ``linearIndices(_:size:sizeF:wrap:)`` per lane.
    @inline(__always)
    static func linearIndices8(_ u: SIMD8<Float>, size: SIMD8<Int32>, sizeF: SIMD8<Float>, wrap: WrapCode) -> (
        SIMD8<Int32>, SIMD8<Int32>, SIMD8<Float>
    ) {
        switch wrap {
        case .repeat_:
            let x = (u - v_floor8(u)) * sizeF - 0.5
            let xf = v_floor8(x)
            let i = v_f2i8(xf)
            let i0 = v_select8i(v_lt8i(i, .zero), size &- 1, i)
            let i1 = v_select8i(v_ge8i(i &+ 1, size), .zero, i &+ 1)
            return (i0, i1, x - xf)
        case .clamp, .mirror:
            let t = wrap == .clamp ? v_smin8(v_smax8(u, SIMD8(repeating: -1)), SIMD8(repeating: 2)) : mirror8(u)
            let x = t * sizeF - 0.5
            let xf = v_floor8(x)
            let i = v_f2i8(xf)
            let last = size &- 1
            return (v_clamp8i(i, .zero, last), v_clamp8i(i &+ 1, .zero, last), x - xf)
        }
    }

    /// ``mirror(_:)`` per lane.
    @inline(__always)
    static func mirror8(_ u: SIMD8<Float>) -> SIMD8<Float> {
        let t = u - 2 * v_floor8(u * 0.5)
        return v_select8(v_gt8(t, SIMD8(repeating: 1)), 2 - t, t)
    }

    /// ``fastLog2(_:)`` per lane.
    @inline(__always)
    static func fastLog2(_ x: SIMD8<Float>) -> SIMD8<Float> {
        let bits = v_asint8(x)
        let e = v_i2f8((v_srl8i(bits, 23) & 0xFF) &- 127)
        let m = v_asfloat8((bits & 0x7F_FFFF) | 0x3F80_0000)
        let t = m - 1
        return e + t * (4 - t) * (1.0 / 3.0)
    }
}
