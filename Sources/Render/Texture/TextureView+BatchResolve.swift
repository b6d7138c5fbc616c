import CVector

/// The second half of the batched texture path: gathering the texels of a ``TexelAddress8`` and
/// blending them, channel by channel, with the scalar path's operations.
extension TextureView {
    /// The packed texels an address reads (4 gathers per level, 1 for NEAREST-only addresses).
    @inline(__always)
    func gather8(_ a: borrowing TexelAddress8) -> RawTexels8 {
        let base = UnsafeRawPointer(texels).assumingMemoryBound(to: Int32.self)
        @inline(__always) func corners(_ q: TexelQuad8) -> (SIMD8<Int32>, SIMD8<Int32>, SIMD8<Int32>, SIMD8<Int32>) {
            let t00 = v_load8i(base, q.i00)
            if a.nearestOnly { return (t00, t00, t00, t00) }
            return (t00, v_load8i(base, q.i01), v_load8i(base, q.i10), v_load8i(base, q.i11))
        }
        let zero = SIMD8<Int32>.zero
        return RawTexels8(level0: corners(a.level0), level1: a.twoLevels ? corners(a.level1) : (zero, zero, zero, zero))
    }

    /// Gathers and blends the texels of `a`: the lookups' RGBA (channels not asked for are 0).
    /// - Parameters:
    ///   - a: the address (from ``address8(_:)`` of this texture or one that shares its addressing).
    ///   - channels: the channels to compute.
    ///   - reference: the reference override's codes / 255 in every channel (no sRGB decode).
    @inline(never)
    func resolve8(_ a: borrowing TexelAddress8, channels: TexelChannels, reference: Bool = false) -> Color4x8 {
        blend8(gather8(a), a, channels: channels, reference: reference)
    }

    /// Blends texels gathered by ``gather8(_:)`` (see ``resolve8(_:channels:reference:)``).
    @inline(__always)
    func blend8(_ raw: RawTexels8, _ a: borrowing TexelAddress8, channels: TexelChannels, reference: Bool) -> Color4x8 {
        let table = reference ? linearTable : rgbTable
        let scale = reference ? SIMD4(repeating: 255) : rawScale
        var out = Color4x8(.zero, .zero, .zero, .zero)
        if channels.contains(.r) { out.r = channel8(raw, a, 0, table: table) / scale.x }
        if channels.contains(.g) { out.g = channel8(raw, a, 1, table: table) / scale.y }
        if channels.contains(.b) { out.b = channel8(raw, a, 2, table: table) / scale.z }
        if channels.contains(.a) { out.a = channel8(raw, a, 3, table: table) / scale.w }
        return out
    }

    /// Channel `c` of the lookups before the final scale, as ``sampleRaw(_:dx:dy:)``: the bilinear
    /// blend in each level (x, then y), then the blend between levels.
    @inline(__always)
    func channel8(_ raw: RawTexels8, _ a: borrowing TexelAddress8, _ c: Int32, table: UnsafePointer<Float>) -> SIMD8<
        Float
    > {
        var x = bilinear8(raw.level0, a.level0, c, table: table, nearest: a.nearestOnly)
        if a.twoLevels {
            let y = bilinear8(raw.level1, a.level1, c, table: table, nearest: a.nearestOnly)
            x = x + (y - x) * a.frac
        }
        return x
    }

    /// Channel `c` of one level: the four corners unpacked (or decoded) and blended.
    @inline(__always)
    func bilinear8(
        _ t: (SIMD8<Int32>, SIMD8<Int32>, SIMD8<Int32>, SIMD8<Int32>), _ q: TexelQuad8, _ c: Int32,
        table: UnsafePointer<Float>, nearest: Bool
    ) -> SIMD8<Float> {
        let p00 = unpack8(t.0, c, table: table)
        if nearest { return p00 }
        let p01 = unpack8(t.1, c, table: table)
        let p10 = unpack8(t.2, c, table: table)
        let p11 = unpack8(t.3, c, table: table)
        let top = p00 + (p01 - p00) * q.fx
        let bottom = p10 + (p11 - p10) * q.fx
        return top + (bottom - top) * q.fy
    }

    /// Channel `c` of 8 packed texels before the final scale, as ``fetch(_:table:)``: the code
    /// (data, alpha, reference) or its sRGB decode through `table` (colour RGB).
    @inline(__always)
    func unpack8(_ t: SIMD8<Int32>, _ c: Int32, table: UnsafePointer<Float>) -> SIMD8<Float> {
        let code = c == 3 ? v_srl8i(t, 24) : v_srl8i(t, 8 * c) & 0xFF
        if c == 3 || table == linearTable { return v_i2f8(code) }
        return v_gather8f(table, code)
    }
}
