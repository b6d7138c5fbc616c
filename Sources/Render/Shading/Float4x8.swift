import CVector

/// Eight records of four floats (cube texels, LUT entries) read per lane and transposed to one
/// vector per component: lane `i` of `x` is record `i`'s first float.
struct Float4x8 {
    let x: SIMD8<Float>
    let y: SIMD8<Float>
    let z: SIMD8<Float>

    /// The first three of the four floats at `base + offset[i]` for each lane (see `v_load4x8_x`
    /// in CVector.h: eight 16-byte loads and a transpose; the three calls share them).
    @inline(__always)
    init(_ base: UnsafePointer<Float>, _ offset: SIMD8<Int32>) {
        x = v_load4x8_x(base, offset)
        y = v_load4x8_y(base, offset)
        z = v_load4x8_z(base, offset)
    }
}
