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
/// level of detail, addresses and weights computed for 8 lanes in `SIMD8` registers
/// (``address8(_:)``), the texels gathered and blended (``resolve8(_:channels:)``). Every lane
/// performs the scalar path's operations in the same order, so results are bit-identical to it
/// (tested for every filter and wrap mode).
extension TextureView {
    /// Samples 8 lanes with the glTF sampler (per lane: its own mip level(s) from its derivatives).
    /// Lanes never trap or read out of bounds, whatever their values.
    public func sample8(_ q: inout TextureLookup8) {
        guard batchable else {
            for i in 0..<8 { q.result[lane: i] = sample(q.uv[lane: i], dx: q.dx[lane: i], dy: q.dy[lane: i]) }
            return
        }
        q.result = resolve8(address8(q), channels: .all)
    }

    /// Samples 8 lanes as ``sampleReference(_:filter:)`` does (level 0, REPEAT, codes / 255).
    public func sampleReference8(_ q: inout TextureLookup8, filter: TextureFilterOverride) {
        guard batchable else {
            for i in 0..<8 { q.result[lane: i] = sampleReference(q.uv[lane: i], filter: filter) }
            return
        }
        q.result = resolve8(referenceAddress8(q.uv, filter: filter), channels: .all, reference: true)
    }

    /// Whether `other` reads the same texel indices as this texture for the same coordinates
    /// (same level sizes and sampler), so the two can share one ``TexelAddress8``.
    @inline(__always)
    func sharesAddressing(with other: TextureView) -> Bool {
        levels[0].width == other.levels[0].width && levels[0].height == other.levels[0].height
            && levelCount == other.levelCount && magLinear == other.magLinear
            && minCode.linear == other.minCode.linear && minCode.mipmap == other.minCode.mipmap
            && wrapU == other.wrapU && wrapV == other.wrapV
    }

    // MARK: - Addresses

    /// Level of detail, levels and texel indices of 8 lookups, as in ``sampleRaw(_:dx:dy:)``.
    @inline(__always)
    func address8(_ q: borrowing TextureLookup8) -> TexelAddress8 {
        let u = v_select8(v_isfinite8(q.uv.x), q.uv.x, .zero)
        let v = v_select8(v_isfinite8(q.uv.y), q.uv.y, .zero)
        let w0 = levels[0].widthF
        let h0 = levels[0].heightF
        let tdxu = q.dx.x * w0
        let tdxv = q.dx.y * h0
        let tdyu = q.dy.x * w0
        let tdyv = q.dy.y * h0
        let rho2 = v_smax8(tdxu * tdxu + tdxv * tdxv, tdyu * tdyu + tdyv * tdyv)
        // Magnification (or bad derivatives): level 0 with the mag filter.
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
        var a = TexelAddress8()
        a.nearestOnly = v_any8(linear) == 0
        a.level0 = quad8(level, u, v, linear: linear, wrapU: wrapU, wrapV: wrapV)
        a.frac = frac
        a.twoLevels = v_any8(v_gt8(frac, .zero)) != 0
        if a.twoLevels {
            // Lanes without a second level have frac 0: a + (b - a) * 0 is a exactly.
            let next = v_min8i(level &+ 1, SIMD8(repeating: Int32(levelCount - 1)))
            a.level1 = quad8(next, u, v, linear: linear, wrapU: wrapU, wrapV: wrapV)
        }
        return a
    }

    /// The address of 8 reference-override lookups (level 0, REPEAT, one filter).
    @inline(__always)
    func referenceAddress8(_ uv: Vector2x8, filter: TextureFilterOverride) -> TexelAddress8 {
        let u = v_select8(v_isfinite8(uv.x), uv.x, .zero)
        let v = v_select8(v_isfinite8(uv.y), uv.y, .zero)
        let linear = SIMD8<Int32>(repeating: filter == .nearest ? 0 : -1)
        var a = TexelAddress8()
        a.nearestOnly = filter == .nearest
        a.level0 = quad8(.zero, u, v, linear: linear, wrapU: .repeat_, wrapV: .repeat_)
        return a
    }

    /// Corner indices and weights in level `level[i]` per lane: bilinear where `linear` is set,
    /// nearest (four equal corners, weights 0) elsewhere.
    @inline(__always)
    func quad8(
        _ level: SIMD8<Int32>, _ u: SIMD8<Float>, _ v: SIMD8<Float>, linear: SIMD8<Int32>, wrapU: WrapCode,
        wrapV: WrapCode
    ) -> TexelQuad8 {
        // Offsets by register permutes; OpenGL level sizes are `max(1, size >> l)`.
        let one = SIMD8<Int32>(repeating: 1)
        let width = v_max8i(v_srlv8i(SIMD8(repeating: Int32(levels[0].width)), level), one)
        let height = v_max8i(v_srlv8i(SIMD8(repeating: Int32(levels[0].height)), level), one)
        let offset = v_lookup16i(batchOffsets[0], batchOffsets[1], level)
        let widthF = v_i2f8(width)
        let heightF = v_i2f8(height)
        let anyLinear = v_any8(linear) != 0
        let allLinear = v_all8(linear) != 0
        var x0: SIMD8<Int32>
        var x1: SIMD8<Int32>
        var y0: SIMD8<Int32>
        var y1: SIMD8<Int32>
        var fx = SIMD8<Float>.zero
        var fy = SIMD8<Float>.zero
        if anyLinear {
            (x0, x1, fx) = Self.linearIndices8(u, size: width, sizeF: widthF, wrap: wrapU)
            (y0, y1, fy) = Self.linearIndices8(v, size: height, sizeF: heightF, wrap: wrapV)
            if !allLinear {
                let xn = Self.nearestIndex8(u, size: width, sizeF: widthF, wrap: wrapU)
                let yn = Self.nearestIndex8(v, size: height, sizeF: heightF, wrap: wrapV)
                x0 = v_select8i(linear, x0, xn)
                x1 = v_select8i(linear, x1, xn)
                y0 = v_select8i(linear, y0, yn)
                y1 = v_select8i(linear, y1, yn)
                fx = v_select8(linear, fx, .zero)
                fy = v_select8(linear, fy, .zero)
            }
        } else {
            x0 = Self.nearestIndex8(u, size: width, sizeF: widthF, wrap: wrapU)
            y0 = Self.nearestIndex8(v, size: height, sizeF: heightF, wrap: wrapV)
            (x1, y1) = (x0, y0)
        }
        let r0 = offset &+ y0 &* width
        let r1 = offset &+ y1 &* width
        return TexelQuad8(i00: r0 &+ x0, i01: r0 &+ x1, i10: r1 &+ x0, i11: r1 &+ x1, fx: fx, fy: fy)
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
