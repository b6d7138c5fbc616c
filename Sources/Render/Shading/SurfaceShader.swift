/// Turns material inputs into linear radiance toward the viewer: the glTF metallic-roughness
/// BRDF under the environment's image-based light and an optional directional key light.
/// Built per frame (cheap: it copies pointers); shared by every tile and thread.
///
/// Model (see docs/shading.md for the citations):
/// - specular: GGX, height-correlated Smith visibility, Schlick Fresnel with F0 = 0.04 for
///   dielectrics and the base colour for metals;
/// - diffuse: Lambert on `baseColor x (1 - metallic)`, weighted by the energy the specular
///   lobe leaves (`1 - FssEss - Fms Ems`), so a white dielectric conserves energy exactly;
/// - image-based light by split sum (Karis 2013): diffuse from the SH irradiance, specular from
///   the pre-filtered chain times the LUT, with Fdez-Agüera's multiple-scattering term (2019);
///   the key light uses the same energy compensation so direct and indirect agree;
/// - occlusion multiplies the image-based light only; emissive is added;
/// - sheen (`KHR_materials_sheen`): Charlie distribution + Charlie visibility (Estevez & Kulla) for the key light;
///   for the environment, the pre-filtered radiance at the sheen roughness times the sheen
///   directional albedo from the LUT; the layers below are scaled by
///   `1 - max(sheenColor) x E_sheen` (the spec's albedo scaling);
/// - clearcoat (`KHR_materials_clearcoat`): a second GGX lobe, F0 = 0.04, on its own normal,
///   layered as in the spec: `base x (1 - clearcoat x Fc) + clearcoat x Fc x coat`, with Fc the
///   Schlick Fresnel at the coat's nDotV;
/// - unlit materials return the base colour.
public struct SurfaceShader: @unchecked Sendable {
    /// The environment (kept alive while the shader lives).
    public let environment: Environment
    @usableFromInline let env: EnvironmentView
    @usableFromInline let lut: BRDFLookupTable
    @usableFromInline let hasKeyLight: Bool
    /// Unit direction toward the key light.
    @usableFromInline let toLight: SIMD3<Float>
    @usableFromInline let lightColor: SIMD3<Float>

    /// Creates a shader.
    /// - Parameters:
    ///   - environment: the prepared image-based light (with its rotation and intensity).
    ///   - keyLight: an optional directional light (`direction` is where the light travels).
    public init(environment: Environment, keyLight: KeyLight? = nil) {
        self.environment = environment
        self.env = environment.view
        self.lut = BRDFLookupTable.shared
        let d = keyLight.map { normalize(-$0.direction) } ?? .zero
        let ok = keyLight != nil && dot(d, d) > 0.5 && d.x.isFinite && d.y.isFinite && d.z.isFinite
        hasKeyLight = ok
        toLight = ok ? d : SIMD3(0, 1, 0)
        lightColor = ok ? keyLight!.color : .zero
    }

    /// Linear radiance leaving the surface toward the viewer.
    /// - Parameters:
    ///   - s: material inputs from ``MaterialEvaluator``.
    ///   - wo: unit direction from the surface toward the viewer.
    @inlinable
    public func shade(_ s: SurfaceInputs, wo: SIMD3<Float>) -> SIMD3<Float> {
        if s.unlit { return SIMD3(s.baseColor.x, s.baseColor.y, s.baseColor.z) }
        let p = ShadingPoint(s, wo: wo, lut: lut)
        // Image-based light.
        let n = s.normal
        let r = n * (2 * p.nDotV) - wo
        let irradiance = env.irradiance(normal: n)
        let prefiltered = env.specular(direction: r, roughness: p.roughness)
        var ibl = (p.kD * irradiance + p.fssEss * prefiltered + p.fmsEms * irradiance) * p.baseWeight
        if p.sheenMax > 0 {
            ibl += s.sheenColor * p.sheenE * env.specular(direction: r, roughness: p.sheenRoughness) * (1 - p.coatF)
        }
        if p.coatF > 0 {
            let cr = s.clearcoatNormal * (2 * p.ccNDotV) - wo
            let ccRoughness = max(s.clearcoatRoughness, ShadingPoint.minRoughness)
            let ccDfg = lut.lookup(nDotV: p.ccNDotV, roughness: ccRoughness)
            ibl += env.specular(direction: cr, roughness: ccRoughness) * (p.coatF * (ccDfg.x + ccDfg.y))
        }
        var color = ibl * s.occlusion + s.emissive
        // Key light.
        if hasKeyLight { color += p.reflect(s, wo: wo, wi: toLight, lut: lut) * lightColor }
        return color
    }

    /// `f(wo, wi) x cos(theta_i)`: the BRDF times the cosine for one light direction, per colour
    /// channel (what the key light uses; the energy tests integrate it).
    /// - Parameters:
    ///   - s: material inputs.
    ///   - wo: unit direction toward the viewer.
    ///   - wi: unit direction toward the light.
    public func reflectance(_ s: SurfaceInputs, wo: SIMD3<Float>, wi: SIMD3<Float>) -> SIMD3<Float> {
        if s.unlit { return .zero }
        return ShadingPoint(s, wo: wo, lut: lut).reflect(s, wo: wo, wi: wi, lut: lut)
    }
}

/// What the lobes share at one shading point: cosines, Fresnel at normal incidence, the split-
/// sum albedo terms and the layer weights. Computed once per pixel, used by the environment and
/// by the key light.
@usableFromInline
struct ShadingPoint {
    /// Smallest GGX roughness used (avoids a singular lobe; the pre-filtered chain cannot show
    /// sharper reflections than its level 0 anyway).
    @usableFromInline static let minRoughness: Float = 0.03

    @usableFromInline let nDotV: Float
    @usableFromInline let roughness: Float
    @usableFromInline let alpha: Float
    @usableFromInline let f0: SIMD3<Float>
    @usableFromInline let fssEss: SIMD3<Float>
    @usableFromInline let fmsEms: SIMD3<Float>
    /// `FmsEms / FssEss`: the multiple-scattering energy relative to the single-scattering one.
    @usableFromInline let compensation: SIMD3<Float>
    @usableFromInline let kD: SIMD3<Float>
    @usableFromInline let sheenRoughness: Float
    @usableFromInline let sheenMax: Float
    @usableFromInline let sheenE: Float
    @usableFromInline let ccNDotV: Float
    @usableFromInline let coatF: Float
    @usableFromInline let baseWeight: Float

    @inlinable @inline(__always)
    init(_ s: SurfaceInputs, wo: SIMD3<Float>, lut: BRDFLookupTable) {
        let baseColor = SIMD3(s.baseColor.x, s.baseColor.y, s.baseColor.z)
        nDotV = max(dot(s.normal, wo), 1e-4)
        roughness = max(s.roughness, Self.minRoughness)
        alpha = roughness * roughness
        // Specular albedo terms (Karis 2013 split sum; Fdez-Agüera 2019 multiple scattering).
        f0 = SIMD3(repeating: 0.04 * (1 - s.metallic)) + baseColor * s.metallic
        let dfg = lut.lookup(nDotV: nDotV, roughness: roughness)
        let ems = 1 - (dfg.x + dfg.y)
        fssEss = f0 * dfg.x + SIMD3(repeating: dfg.y)
        let fAvg = f0 + (SIMD3(repeating: 1) - f0) * (1.0 / 21.0)
        compensation = fAvg * ems / (SIMD3(repeating: 1) - fAvg * ems)
        fmsEms = fssEss * compensation
        kD = baseColor * (1 - s.metallic) * (SIMD3(repeating: 1) - fssEss - fmsEms)
        // Layers: sheen scales what is under it, the clearcoat everything below it.
        sheenRoughness = max(s.sheenRoughness, BRDF.minSheenRoughness)
        sheenMax = max(BRDF.max3(s.sheenColor), 0)
        sheenE = sheenMax > 0 ? lut.lookup(nDotV: nDotV, roughness: sheenRoughness).z : 0
        ccNDotV = max(dot(s.clearcoatNormal, wo), 1e-4)
        coatF = s.clearcoat > 0 ? s.clearcoat * BRDF.fresnelSchlick(f0: 0.04, vDotH: ccNDotV) : 0
        baseWeight = (1 - sheenMax * sheenE) * (1 - coatF)
    }

    /// `f(wo, wi) cos(theta_i)` of all lobes for one light direction.
    @inlinable @inline(__always)
    func reflect(_ s: SurfaceInputs, wo: SIMD3<Float>, wi l: SIMD3<Float>, lut: BRDFLookupTable) -> SIMD3<Float> {
        let n = s.normal
        let nDotL = dot(n, l)
        let h = normalize(l + wo)
        var radiance = SIMD3<Float>.zero
        if nDotL > 0 {
            let nDotH = max(dot(n, h), 0)
            let vDotH = max(dot(wo, h), 0)
            let d = BRDF.distributionGGX(nDotH: nDotH, alpha: alpha)
            let vis = BRDF.visibilitySmithGGXCorrelated(nDotV: nDotV, nDotL: nDotL, alpha: alpha)
            let f = BRDF.fresnelSchlick(f0: f0, vDotH: vDotH)
            // Energy compensation: scale the single-scattering lobe so that its albedo is
            // FssEss + FmsEms, as for the environment.
            let specular = f * (d * vis) * (SIMD3(repeating: 1) + compensation)
            var base = kD * BRDF.diffuseLambert() + specular
            if sheenMax > 0 {
                let eL = lut.lookup(nDotV: nDotL, roughness: sheenRoughness).z
                let scaling = min(1 - sheenMax * sheenE, 1 - sheenMax * eL)
                let sheenAlpha = sheenRoughness * sheenRoughness
                let sheen =
                    s.sheenColor * BRDF.distributionCharlie(nDotH: nDotH, alpha: sheenAlpha)
                    * BRDF.visibilityCharlie(nDotV: nDotV, nDotL: nDotL, alpha: sheenAlpha)
                base = base * scaling + sheen
            }
            radiance = base * ((1 - coatF) * nDotL)
        }
        if coatF > 0 {
            let cn = s.clearcoatNormal
            let cNDotL = dot(cn, l)
            if cNDotL > 0 {
                let ca = max(s.clearcoatRoughness, Self.minRoughness) * max(s.clearcoatRoughness, Self.minRoughness)
                let cd = BRDF.distributionGGX(nDotH: max(dot(cn, h), 0), alpha: ca)
                let cv = BRDF.visibilitySmithGGXCorrelated(nDotV: ccNDotV, nDotL: cNDotL, alpha: ca)
                radiance += SIMD3(repeating: coatF * cd * cv * cNDotL)
            }
        }
        return radiance
    }
}
