import CVector

/// Batched environment lookups: SH irradiance and pre-filtered specular for 8 directions, lane
/// for lane the scalar path's operations (bit-identical).
extension EnvironmentView {
    /// ``local(_:)`` per lane.
    @inline(__always)
    func local8(_ d: Vector3x8) -> Vector3x8 {
        Vector3x8(cosYaw * d.x - sinYaw * d.z, d.y, sinYaw * d.x + cosYaw * d.z)
    }

    /// ``irradiance(normal:)`` per lane.
    @inline(__always)
    func irradiance8(normal: Vector3x8) -> Vector3x8 {
        let d = local8(normal)
        // The basis of `SphericalHarmonics.basis`, term by term.
        let y0: Float = 0.282_095
        let y1 = 0.488_603 * d.y
        let y2 = 0.488_603 * d.z
        let y3 = 0.488_603 * d.x
        let y4 = 1.092_548 * d.x * d.y
        let y5 = 1.092_548 * d.y * d.z
        let y6 = 0.315_392 * (3 * d.z * d.z - 1)
        let y7 = 1.092_548 * d.x * d.z
        let y8 = 0.546_274 * (d.x * d.x - d.y * d.y)
        @inline(__always) func channel(_ c: Int) -> SIMD8<Float> {
            var e = SIMD8(repeating: sh0[c] * y0) + sh1[c] * y1 + sh2[c] * y2
            e += sh3[c] * y3 + sh4[c] * y4 + sh5[c] * y5
            e += sh6[c] * y6 + sh7[c] * y7 + sh8[c] * y8
            return v_select8(v_lt8(e, .zero), .zero, e)
        }
        return Vector3x8(channel(0), channel(1), channel(2))
    }

    /// ``specular(direction:roughness:)`` per lane.
    @inline(__always)
    func specular8(direction: Vector3x8, roughness: SIMD8<Float>) -> Vector3x8 {
        let c = chain.sample8(local8(direction), lod: roughness * maxLod)
        return Vector3x8(c.x * intensity, c.y * intensity, c.z * intensity)
    }
}
