import CVector

/// ``ShadingPoint`` for 8 lanes: cosines, Fresnel at normal incidence, split-sum albedo terms
/// and layer weights, each computed with the scalar path's operations in the same order.
struct ShadingPoint8 {
    let nDotV: SIMD8<Float>
    let roughness: SIMD8<Float>
    let alpha: SIMD8<Float>
    let f0: Vector3x8
    let fssEss: Vector3x8
    let fmsEms: Vector3x8
    let compensation: Vector3x8
    let kD: Vector3x8
    let sheenRoughness: SIMD8<Float>
    let sheenMax: SIMD8<Float>
    let sheenE: SIMD8<Float>
    let ccNDotV: SIMD8<Float>
    let coatF: SIMD8<Float>
    let baseWeight: SIMD8<Float>

    @inline(__always)
    init(_ s: borrowing SurfaceInputsBatch, wo: Vector3x8, lut: BRDFLookupTable) {
        let one = SIMD8<Float>(repeating: 1)
        let baseColor = s.baseColor.rgb
        nDotV = v_smax8(dot(s.normal, wo), SIMD8(repeating: 1e-4))
        roughness = v_smax8(s.roughness, SIMD8(repeating: ShadingPoint.minRoughness))
        alpha = roughness * roughness
        // Specular albedo terms (Karis 2013 split sum; Fdez-Agüera 2019 multiple scattering).
        let dielectric = 0.04 * (1 - s.metallic)
        f0 = Vector3x8(
            dielectric + baseColor.x * s.metallic, dielectric + baseColor.y * s.metallic,
            dielectric + baseColor.z * s.metallic)
        let (dfgX, dfgY) = lut.splitSum8(nDotV: nDotV, roughness: roughness)
        let ems = 1 - (dfgX + dfgY)
        let f0 = self.f0
        @inline(__always) func fss(_ f: SIMD8<Float>) -> SIMD8<Float> { f * dfgX + dfgY }
        fssEss = Vector3x8(fss(f0.x), fss(f0.y), fss(f0.z))
        @inline(__always) func comp(_ f: SIMD8<Float>) -> SIMD8<Float> {
            let fAvg = f + (one - f) * (1.0 / 21.0)
            return fAvg * ems / (one - fAvg * ems)
        }
        compensation = Vector3x8(comp(f0.x), comp(f0.y), comp(f0.z))
        fmsEms = fssEss * compensation
        let diffuse = baseColor * (1 - s.metallic)
        kD = diffuse * (Vector3x8(one, one, one) - fssEss - fmsEms)
        // Layers: sheen scales what is under it, the clearcoat everything below it.
        sheenRoughness = v_smax8(s.sheenRoughness, SIMD8(repeating: BRDF.minSheenRoughness))
        if s.hasSheen {
            let c = s.sheenColor
            sheenMax = v_smax8(v_smax8(c.x, v_smax8(c.y, c.z)), .zero)
            let e = lut.sheenAlbedo8(nDotV: nDotV, sheenRoughness: sheenRoughness)
            sheenE = v_select8(v_gt8(sheenMax, .zero), e, .zero)
        } else {
            sheenMax = .zero
            sheenE = .zero
        }
        if s.hasClearcoat {
            ccNDotV = v_smax8(dot(s.clearcoatNormal, wo), SIMD8(repeating: 1e-4))
            let fc = 0.04 + (1 - 0.04) * Self.schlickWeight(ccNDotV)
            coatF = v_select8(v_gt8(s.clearcoat, .zero), s.clearcoat * fc, .zero)
        } else {
            ccNDotV = one
            coatF = .zero
        }
        baseWeight = (1 - sheenMax * sheenE) * (1 - coatF)
    }

    /// ``BRDF/schlickWeight(_:)`` per lane.
    @inline(__always)
    static func schlickWeight(_ x: SIMD8<Float>) -> SIMD8<Float> {
        let m = v_smin8(v_smax8(1 - x, .zero), SIMD8(repeating: 1))
        let m2 = m * m
        return m2 * m2 * m
    }
}
