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

    /// The bilinear lookup at `c`, every channel (A, B, sheen albedo): the four entries around
    /// each lane loaded as records and transposed, then blended as in the scalar lookup.
    @inline(__always)
    func lookup8(_ c: Cells8) -> Vector3x8 {
        let base = UnsafeRawPointer(entries).assumingMemoryBound(to: Float.self)
        let i = c.index &* 4
        let row = Self.size * 4
        let e00 = Float4x8(base, i)
        let e01 = Float4x8(base + 4, i)
        let e10 = Float4x8(base + row, i)
        let e11 = Float4x8(base + row + 4, i)
        @inline(__always) func blend(
            _ e00: SIMD8<Float>, _ e01: SIMD8<Float>, _ e10: SIMD8<Float>, _ e11: SIMD8<Float>
        ) -> SIMD8<Float> {
            let a = e00 + (e01 - e00) * c.fx
            let b = e10 + (e11 - e10) * c.fx
            return a + (b - a) * c.fy
        }
        return Vector3x8(
            blend(e00.x, e01.x, e10.x, e11.x), blend(e00.y, e01.y, e10.y, e11.y), blend(e00.z, e01.z, e10.z, e11.z))
    }

    /// The split-sum terms `(A, B)` per lane.
    @inline(__always)
    func splitSum8(nDotV: SIMD8<Float>, roughness: SIMD8<Float>) -> (SIMD8<Float>, SIMD8<Float>) {
        let e = lookup8(cells8(nDotV: nDotV, roughness: roughness))
        return (e.x, e.y)
    }

    /// The sheen directional albedo per lane.
    @inline(__always)
    func sheenAlbedo8(nDotV: SIMD8<Float>, sheenRoughness: SIMD8<Float>) -> SIMD8<Float> {
        lookup8(cells8(nDotV: nDotV, roughness: sheenRoughness)).z
    }
}
