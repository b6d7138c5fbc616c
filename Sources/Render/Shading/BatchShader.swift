import CVector

/// The batched shading path: material evaluation and ``SurfaceShader/shade(_:wo:)`` for the 8
/// lanes of a ``ShadingBatch`` at once, every step in `SIMD8` registers (texel addresses,
/// weights and blends, the BRDF, SH irradiance, cube-map and LUT lookups by gathers).
///
/// Each lane performs the scalar path's floating-point operations in the same order, so the
/// results are the scalar reference's, bit for bit (tested on random inputs for every material
/// feature and every filter and wrap mode). The one exception is the key light's sheen lobe,
/// which calls the scalar `pow`/`exp` per lane (same values, just not vectorised).
///
/// ```swift
/// let batchShader = BatchShader(shader)          // per frame, shares the shader's tables
/// var batch = ShadingBatch()
/// // ... fill lanes 0..<n of one material, set batch.count = n ...
/// batchShader.shade(&batch, material: material, override: nil)
/// // batch.output: linear RGB radiance + base colour alpha per lane
/// ```
public struct BatchShader: @unchecked Sendable {
    /// The scalar shader this batched one mirrors (and keeps alive).
    public let shader: SurfaceShader

    /// A batched shader with the environment, tables and key light of `shader`.
    public init(_ shader: SurfaceShader) { self.shader = shader }

    /// A batched shader for an environment and an optional key light.
    public init(environment: Environment, keyLight: KeyLight? = nil) {
        self.init(SurfaceShader(environment: environment, keyLight: keyLight))
    }

    /// Shades the 8 lanes of `batch` with one material: evaluates the material (every texture
    /// lookup), then the BRDF under the image-based light and the key light, and writes
    /// `batch.output` (linear RGB toward the viewer, base colour alpha). Unlit materials give their
    /// base colour.
    /// - Parameters:
    ///   - batch: the shading points (inputs) and their colours (output).
    ///   - material: the material of every lane.
    ///   - override: the reference filter override (level 0, REPEAT, no sRGB decode).
    public func shade(_ batch: inout ShadingBatch, material: PreparedMaterial, override: TextureFilterOverride?) {
        let s = MaterialEvaluator.evaluate8(batch, material: material, override: override)
        let rgb = shade(s, wo: batch.wo)
        batch.output = Color4x8(rgb.x, rgb.y, rgb.z, s.baseColor.a)
    }

    /// Linear radiance toward the viewer for 8 lanes of material inputs (as
    /// ``SurfaceShader/shade(_:wo:)`` per lane).
    /// - Parameters:
    ///   - s: material inputs from ``MaterialEvaluator/evaluate8(_:material:override:)``.
    ///   - wo: unit directions from the surface toward the viewer.
    public func shade(_ s: borrowing SurfaceInputsBatch, wo: Vector3x8) -> Vector3x8 {
        if s.unlit { return s.baseColor.rgb }
        let env = shader.env
        let lut = shader.lut
        let p = ShadingPoint8(s, wo: wo, lut: lut)
        // Image-based light.
        let n = s.normal
        let r = n * (2 * p.nDotV) - wo
        let irradiance = env.irradiance8(normal: n)
        let prefiltered = env.specular8(direction: r, roughness: p.roughness)
        var ibl = (p.kD * irradiance + p.fssEss * prefiltered + p.fmsEms * irradiance) * p.baseWeight
        if s.hasSheen {
            let lobe =
                s.sheenColor * p.sheenE * env.specular8(direction: r, roughness: p.sheenRoughness) * (1 - p.coatF)
            ibl = Vector3x8.select(v_gt8(p.sheenMax, .zero), ibl + lobe, ibl)
        }
        if s.hasClearcoat {
            let cr = s.clearcoatNormal * (2 * p.ccNDotV) - wo
            let ccRoughness = v_smax8(s.clearcoatRoughness, SIMD8(repeating: ShadingPoint.minRoughness))
            let (ccX, ccY) = lut.splitSum8(nDotV: p.ccNDotV, roughness: ccRoughness)
            let coat = env.specular8(direction: cr, roughness: ccRoughness) * (p.coatF * (ccX + ccY))
            ibl = Vector3x8.select(v_gt8(p.coatF, .zero), ibl + coat, ibl)
        }
        var color = ibl * s.occlusion + s.emissive
        // Key light.
        if shader.hasKeyLight {
            let l = Vector3x8(repeating: shader.toLight)
            color = color + reflect(s, p, wo: wo, wi: l) * Vector3x8(repeating: shader.lightColor)
        }
        return color
    }

    /// `f(wo, wi) cos(theta_i)` for 8 lanes (``SurfaceShader/reflectance(_:wo:wi:)`` per lane).
    /// - Parameters:
    ///   - s: material inputs.
    ///   - wo: unit directions toward the viewer.
    ///   - wi: unit directions toward the light.
    public func reflectance(_ s: borrowing SurfaceInputsBatch, wo: Vector3x8, wi: Vector3x8) -> Vector3x8 {
        if s.unlit { return .zero }
        return reflect(s, ShadingPoint8(s, wo: wo, lut: shader.lut), wo: wo, wi: wi)
    }
}
