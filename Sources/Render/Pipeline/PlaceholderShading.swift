/// TEMPORARY: a minimal material and shader used until the shading area's `PreparedMaterial`,
/// `MaterialEvaluator`, `SurfaceShader`, `Environment` and `ToneMapper` land in main; then this
/// file is deleted and ``TileShader`` calls those instead.
///
/// Lit mode: Lambert under a fixed white light from the upper left plus a flat ambient term,
/// times the base colour factor and vertex colour; unlit mode: the base colour itself.
struct PlaceholderMaterial: Sendable {
    /// Linear base colour factor.
    var baseColor: SIMD4<Float>
    /// Linear emissive colour.
    var emissive: SIMD3<Float>
    /// `KHR_materials_unlit`.
    var unlit: Bool

    init(_ material: Material) {
        baseColor = material.baseColorFactor
        emissive = material.emissiveFactor * material.emissiveStrength
        unlit = material.unlit
    }

    /// Base colour at a shading point: factor x vertex colour.
    @inline(__always)
    func baseColor(_ attributes: SurfaceAttributes) -> SIMD4<Float> {
        baseColor * attributes.color
    }

    /// Linear radiance toward the viewer and alpha.
    @inline(__always)
    func shade(_ attributes: SurfaceAttributes, mode: ShadingMode) -> SIMD4<Float> {
        let base = baseColor(attributes)
        if mode == .unlit || unlit { return base }
        let light = normalize(SIMD3<Float>(-0.35, 0.8, 0.5))
        let lambert = max(dot(attributes.normal, light), 0) * 0.8 + 0.25
        let rgb = SIMD3(base.x, base.y, base.z) * lambert + emissive
        return SIMD4(rgb.x, rgb.y, rgb.z, base.w)
    }
}
