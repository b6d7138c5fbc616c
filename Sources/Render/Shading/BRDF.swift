import Foundation

/// The terms of the glTF metallic-roughness BRDF and its sheen and clearcoat layers, as small
/// inlinable functions (names as in Filament's "Physically Based Rendering in Filament").
/// Angles are cosines clamped by the caller; `alpha` is perceptual roughness squared.
public enum BRDF {
    /// GGX / Trowbridge-Reitz normal distribution (Walter et al. 2007; Filament eq. 4).
    @inlinable @inline(__always)
    public static func distributionGGX(nDotH: Float, alpha: Float) -> Float {
        let a2 = alpha * alpha
        let f = (nDotH * a2 - nDotH) * nDotH + 1
        return a2 / (Float.pi * f * f)
    }

    /// Height-correlated Smith visibility `G / (4 nDotL nDotV)` for GGX (Heitz 2014; Filament
    /// eq. 15).
    @inlinable @inline(__always)
    public static func visibilitySmithGGXCorrelated(nDotV: Float, nDotL: Float, alpha: Float) -> Float {
        let a2 = alpha * alpha
        let ggxV = nDotL * (nDotV * nDotV * (1 - a2) + a2).squareRoot()
        let ggxL = nDotV * (nDotL * nDotL * (1 - a2) + a2).squareRoot()
        let d = ggxV + ggxL
        return d > 0 ? 0.5 / d : 0
    }

    /// `(1 - x)^5`, the Schlick weight.
    @inlinable @inline(__always)
    public static func schlickWeight(_ x: Float) -> Float {
        let m = min(max(1 - x, 0), 1)
        let m2 = m * m
        return m2 * m2 * m
    }

    /// Schlick's Fresnel with f90 = 1 (Schlick 1994).
    @inlinable @inline(__always)
    public static func fresnelSchlick(f0: SIMD3<Float>, vDotH: Float) -> SIMD3<Float> {
        f0 + (SIMD3(repeating: 1) - f0) * schlickWeight(vDotH)
    }

    /// Schlick's Fresnel for a scalar f0 (clearcoat: 0.04).
    @inlinable @inline(__always)
    public static func fresnelSchlick(f0: Float, vDotH: Float) -> Float {
        f0 + (1 - f0) * schlickWeight(vDotH)
    }

    /// Lambertian diffuse, `1 / pi`.
    @inlinable @inline(__always)
    public static func diffuseLambert() -> Float { 1 / Float.pi }

    /// Charlie sheen distribution (Estevez & Kulla 2017, "Production Friendly Microfacet Sheen
    /// BRDF"; the `KHR_materials_sheen` spec), with `alpha` = sheen roughness² (>= 1e-3).
    @inlinable @inline(__always)
    public static func distributionCharlie(nDotH: Float, alpha: Float) -> Float {
        let invAlpha = 1 / max(alpha, 1e-3)
        let sin2h = max(1 - nDotH * nDotH, 0.0078125)
        return (2 + invAlpha) * Float(pow(Double(sin2h), Double(invAlpha * 0.5))) / (2 * Float.pi)
    }

    /// Estevez & Kulla's sheen visibility: the Smith term of the Charlie distribution from their
    /// fitted Lambda, `1 / ((1 + Lambda(nDotV) + Lambda(nDotL)) 4 nDotV nDotL)`, clamped to
    /// [0, 1] as in the glTF Sample Viewer. Unlike Neubelt's approximation its directional albedo
    /// stays below 1, so the sheen layer cannot create energy.
    @inlinable @inline(__always)
    public static func visibilityCharlie(nDotV: Float, nDotL: Float, alpha: Float) -> Float {
        let v = 1 / ((1 + lambdaSheen(nDotV, alpha: alpha) + lambdaSheen(nDotL, alpha: alpha)) * (4 * nDotV * nDotL))
        return v.isFinite ? min(max(v, 0), 1) : 0
    }

    /// Lambda of the Charlie distribution (Estevez & Kulla 2017, table 1 fit).
    @inlinable @inline(__always)
    public static func lambdaSheen(_ cosTheta: Float, alpha: Float) -> Float {
        let x = Double(cosTheta)
        let a = Double(alpha)
        if abs(x) < 0.5 { return Float(exp(lambdaSheenFit(x, alpha: a))) }
        return Float(exp(2 * lambdaSheenFit(0.5, alpha: a) - lambdaSheenFit(1 - x, alpha: a)))
    }

    /// The fitted curve `a / (1 + b x^c) + d x + e`, coefficients blended by `(1 - alpha)^2`.
    @inlinable @inline(__always)
    static func lambdaSheenFit(_ x: Double, alpha: Double) -> Double {
        let t = (1 - alpha) * (1 - alpha)
        let a = 21.5473 + (25.3245 - 21.5473) * t
        let b = 3.82987 + (3.32435 - 3.82987) * t
        let c = 0.19823 + (0.16801 - 0.19823) * t
        let d = -1.97760 + (-1.27393 + 1.97760) * t
        let e = -4.32054 + (-4.85967 + 4.32054) * t
        return a / (1 + b * pow(max(x, 0), c)) + d * x + e
    }

    /// Smallest sheen roughness used (Filament's cloth minimum): below it the Charlie lobe is
    /// too sharp for the precomputed tables.
    public static let minSheenRoughness: Float = 0.07

    /// Largest component, for the sheen albedo scaling.
    @inlinable @inline(__always)
    public static func max3(_ c: SIMD3<Float>) -> Float { max(c.x, max(c.y, c.z)) }
}
