import CVector

/// Batched lookups in the split-sum table: ``BRDFLookupTable/lookup(nDotV:roughness:)`` for 8
/// lanes, each channel gathered and blended with the scalar path's operations (bit-identical).
extension BRDFLookupTable {
    /// Cell indices and weights of a bilinear lookup per lane.
    @usableFromInline struct Cells8 {
        @usableFromInline let index: SIMD8<Int32>
        @usableFromInline let fx: SIMD8<Float>
        @usableFromInline let fy: SIMD8<Float>
    }

    @inline(__always)
    func cells8(nDotV: SIMD8<Float>, roughness: SIMD8<Float>) -> Cells8 {
        let last = Float(Self.size - 1)
        let one = SIMD8<Float>(repeating: 1)
        let x = v_select8(v_ge8(nDotV, .zero), v_smin8(nDotV, one), .zero) * last
        let y = v_select8(v_ge8(roughness, .zero), v_smin8(roughness, one), .zero) * last
        let x0 = v_min8i(v_f2i8(x), SIMD8(repeating: Int32(Self.size - 2)))
        let y0 = v_min8i(v_f2i8(y), SIMD8(repeating: Int32(Self.size - 2)))
        return Cells8(index: y0 &* Int32(Self.size) &+ x0, fx: x - v_i2f8(x0), fy: y - v_i2f8(y0))
    }

    /// One channel (0: A, 1: B, 2: sheen albedo) of the bilinear lookup at `c`.
    @inline(__always)
    func channel8(_ c: Cells8, _ channel: Int32) -> SIMD8<Float> {
        let base = UnsafeRawPointer(entries).assumingMemoryBound(to: Float.self)
        let i = c.index &* 4 &+ channel
        let row = Int32(Self.size * 4)
        let e00 = v_gather8f(base, i)
        let e01 = v_gather8f(base, i &+ 4)
        let e10 = v_gather8f(base, i &+ row)
        let e11 = v_gather8f(base, i &+ (row + 4))
        let a = e00 + (e01 - e00) * c.fx
        let b = e10 + (e11 - e10) * c.fx
        return a + (b - a) * c.fy
    }

    /// The split-sum terms `(A, B)` per lane.
    @inline(__always)
    func splitSum8(nDotV: SIMD8<Float>, roughness: SIMD8<Float>) -> (SIMD8<Float>, SIMD8<Float>) {
        let c = cells8(nDotV: nDotV, roughness: roughness)
        return (channel8(c, 0), channel8(c, 1))
    }

    /// The sheen directional albedo per lane.
    @inline(__always)
    func sheenAlbedo8(nDotV: SIMD8<Float>, sheenRoughness: SIMD8<Float>) -> SIMD8<Float> {
        channel8(cells8(nDotV: nDotV, roughness: sheenRoughness), 2)
    }
}
