import CVector

/// The key light's lobes for 8 lanes: ``ShadingPoint/reflect(_:wo:wi:lut:)`` per lane, same
/// operations in the same order.
extension BatchShader {
    /// `f(wo, wi) cos(theta_i)` of all lobes for one light direction per lane.
    @inline(__always)
    func reflect(_ s: borrowing SurfaceInputsBatch, _ p: ShadingPoint8, wo: Vector3x8, wi l: Vector3x8) -> Vector3x8 {
        let one = SIMD8<Float>(repeating: 1)
        let n = s.normal
        let nDotL = dot(n, l)
        let h = normalize(l + wo)
        let nDotH = v_smax8(dot(n, h), .zero)
        let vDotH = v_smax8(dot(wo, h), .zero)
        let d = Self.distributionGGX8(nDotH: nDotH, alpha: p.alpha)
        let vis = Self.visibilitySmithGGXCorrelated8(nDotV: p.nDotV, nDotL: nDotL, alpha: p.alpha)
        let w = ShadingPoint8.schlickWeight(vDotH)
        let f = Vector3x8(p.f0.x + (one - p.f0.x) * w, p.f0.y + (one - p.f0.y) * w, p.f0.z + (one - p.f0.z) * w)
        // Energy compensation, as for the environment.
        let specular = f * (d * vis) * (Vector3x8(one, one, one) + p.compensation)
        var base = p.kD * SIMD8(repeating: BRDF.diffuseLambert()) + specular
        if s.hasSheen {
            base = sheenLayer(s, p, base: base, nDotL: nDotL, nDotH: nDotH)
        }
        let lit = v_gt8(nDotL, .zero)
        var radiance = Vector3x8.select(lit, base * ((1 - p.coatF) * nDotL), .zero)
        if s.hasClearcoat {
            let cn = s.clearcoatNormal
            let cNDotL = dot(cn, l)
            let cr = v_smax8(s.clearcoatRoughness, SIMD8(repeating: ShadingPoint.minRoughness))
            let ca = cr * cr
            let cd = Self.distributionGGX8(nDotH: v_smax8(dot(cn, h), .zero), alpha: ca)
            let cv = Self.visibilitySmithGGXCorrelated8(nDotV: p.ccNDotV, nDotL: cNDotL, alpha: ca)
            let coat = p.coatF * cd * cv * cNDotL
            let on = v_gt8(p.coatF, .zero) & v_gt8(cNDotL, .zero)
            radiance = Vector3x8.select(on, radiance + Vector3x8(coat, coat, coat), radiance)
        }
        return radiance
    }

    /// The sheen layer over `base` for lit lanes with sheen: albedo scaling plus the Charlie
    /// lobe. The Charlie terms use `pow` and `exp`, so they are evaluated lane by lane with the
    /// scalar functions.
    @inline(__always)
    func sheenLayer(
        _ s: borrowing SurfaceInputsBatch, _ p: ShadingPoint8, base: Vector3x8, nDotL: SIMD8<Float>, nDotH: SIMD8<Float>
    ) -> Vector3x8 {
        let eL = shader.lut.sheenAlbedo8(nDotV: nDotL, sheenRoughness: p.sheenRoughness)
        let scaling = v_smin8(1 - p.sheenMax * p.sheenE, 1 - p.sheenMax * eL)
        let sheenAlpha = p.sheenRoughness * p.sheenRoughness
        let on = v_gt8(p.sheenMax, .zero) & v_gt8(nDotL, .zero)
        var dCharlie = SIMD8<Float>.zero
        var vCharlie = SIMD8<Float>.zero
        for i in 0..<8 where on[i] != 0 {
            dCharlie[i] = BRDF.distributionCharlie(nDotH: nDotH[i], alpha: sheenAlpha[i])
            vCharlie[i] = BRDF.visibilityCharlie(nDotV: p.nDotV[i], nDotL: nDotL[i], alpha: sheenAlpha[i])
        }
        let layered = base * scaling + s.sheenColor * dCharlie * vCharlie
        return Vector3x8.select(on, layered, base)
    }

    /// ``BRDF/distributionGGX(nDotH:alpha:)`` per lane.
    @inline(__always)
    static func distributionGGX8(nDotH: SIMD8<Float>, alpha: SIMD8<Float>) -> SIMD8<Float> {
        let a2 = alpha * alpha
        let f = (nDotH * a2 - nDotH) * nDotH + 1
        return a2 / (Float.pi * f * f)
    }

    /// ``BRDF/visibilitySmithGGXCorrelated(nDotV:nDotL:alpha:)`` per lane.
    @inline(__always)
    static func visibilitySmithGGXCorrelated8(nDotV: SIMD8<Float>, nDotL: SIMD8<Float>, alpha: SIMD8<Float>) -> SIMD8<
        Float
    > {
        let a2 = alpha * alpha
        let ggxV = nDotL * v_sqrt8(nDotV * nDotV * (1 - a2) + a2)
        let ggxL = nDotV * v_sqrt8(nDotL * nDotL * (1 - a2) + a2)
        let d = ggxV + ggxL
        return v_select8(v_gt8(d, .zero), 0.5 / d, .zero)
    }
}
