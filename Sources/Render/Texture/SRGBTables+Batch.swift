import CVector

/// The exact-rounding sRGB encode for 8 lanes (``SRGBTables/encode(_:)`` per lane, by gathers).
extension SRGBTables {
    /// 8-bit sRGB codes (0...255) of 8 linear values, identical to ``encode(_:)`` per lane.
    @inlinable @inline(__always)
    public func encode8(_ x: SIMD8<Float>) -> SIMD8<Int32> {
        // As signed ints, negative floats (and negative NaNs) fall below 2^-13 and encode to 0.
        let bits = v_asint8(x)
        let low = v_lt8i(bits, SIMD8(repeating: 0x3900_0000))
        let high = v_ge8i(bits, SIMD8(repeating: 0x3F80_0000))
        let nan = v_lt8i(SIMD8(repeating: 0x7F80_0000), bits)
        let bucket = v_clamp8i(v_srl8i(bits &- 0x3900_0000, 15), .zero, SIMD8(repeating: 13 * 256 - 1))
        let k = v_gather8i(buckets32, bucket)
        let up = v_ge8(x, v_gather8f(thresholds, k))
        // `up` is -1 where the value reaches the next code.
        let code = k &- up
        return v_select8i(low | nan, .zero, v_select8i(high, SIMD8(repeating: 255), code))
    }
}
