/// Turns interpolated attributes and a prepared material into BRDF inputs: every texture
/// lookup of the glTF metallic-roughness model and its sheen and clearcoat extensions.
public enum MaterialEvaluator {
    /// Evaluates a material at one shading point.
    ///
    /// - base colour = factor x texture (sRGB, decoded) x vertex colour, alpha likewise;
    /// - metallic = factor x texture B, roughness = factor x texture G;
    /// - normal map through the tangent frame (tangent.w = bitangent sign, XY scaled by
    ///   `normalScale`); a zero or degenerate tangent skips the map (the interpolated normal is
    ///   used), as does a missing map;
    /// - occlusion = 1 + strength x (texture R - 1); emissive = factor x texture x strength;
    /// - sheen colour x texture RGB, sheen roughness x texture A; clearcoat x texture R,
    ///   clearcoat roughness x texture G, clearcoat normal map (scale 1) or the geometric normal.
    ///
    /// - Parameters:
    ///   - a: attributes from the rasterizer.
    ///   - material: the prepared material.
    ///   - override: the reference filter override (level 0, REPEAT, no sRGB decode).
    /// - Returns: inputs for ``SurfaceShader/shade(_:wo:)``.
    @inlinable
    public static func evaluate(
        _ a: SurfaceAttributes, material m: PreparedMaterial, override: TextureFilterOverride?
    ) -> SurfaceInputs {
        var s = SurfaceInputs()
        let mat = m.material
        var base = mat.baseColorFactor * a.color
        if let t = m.baseColor.sample(a, override: override) { base *= t }
        s.baseColor = base
        let n = normalizedOrZ(a.normal)
        s.geometricNormal = n
        s.normal = n
        s.clearcoatNormal = n
        if mat.unlit {
            s.unlit = true
            return s
        }
        var metallic = mat.metallicFactor
        var roughness = mat.roughnessFactor
        if let t = m.metallicRoughness.sample(a, override: override) {
            metallic *= t.z
            roughness *= t.y
        }
        s.metallic = min(max(metallic, 0), 1)
        s.roughness = min(max(roughness, 0), 1)
        if let t = m.occlusion.sample(a, override: override) {
            s.occlusion = 1 + mat.occlusionStrength * (t.x - 1)
        }
        var emissive = m.emissiveScaled
        if let t = m.emissive.sample(a, override: override) { emissive *= SIMD3(t.x, t.y, t.z) }
        s.emissive = emissive
        // Tangent frame, shared by the normal and clearcoat normal maps.
        if m.normal.view != nil || m.clearcoatNormal.view != nil, let frame = tangentFrame(a, n: n) {
            if let t = m.normal.sample(a, override: override) {
                s.normal = perturb(frame, n: n, texel: t, scale: mat.normalScale)
            }
            if let t = m.clearcoatNormal.sample(a, override: override) {
                s.clearcoatNormal = perturb(frame, n: n, texel: t, scale: 1)
            }
        }
        if let sheen = mat.sheen {
            var color = sheen.colorFactor
            if let t = m.sheenColor.sample(a, override: override) { color *= SIMD3(t.x, t.y, t.z) }
            var r = sheen.roughnessFactor
            if let t = m.sheenRoughness.sample(a, override: override) { r *= t.w }
            s.sheenColor = color
            s.sheenRoughness = min(max(r, 0), 1)
        }
        if let coat = mat.clearcoat {
            var f = coat.factor
            if let t = m.clearcoat.sample(a, override: override) { f *= t.x }
            var r = coat.roughnessFactor
            if let t = m.clearcoatRoughness.sample(a, override: override) { r *= t.y }
            s.clearcoat = min(max(f, 0), 1)
            s.clearcoatRoughness = min(max(r, 0), 1)
        }
        return s
    }

    /// `v` normalised, or +Z when it is zero or not finite.
    @inlinable @inline(__always)
    static func normalizedOrZ(_ v: SIMD3<Float>) -> SIMD3<Float> {
        let l2 = dot(v, v)
        guard l2 > 1e-20, l2.isFinite else { return SIMD3(0, 0, 1) }
        return v * (1 / l2.squareRoot())
    }

    /// Tangent and bitangent for the normal `n` (already facing the viewer): Gram-Schmidt on
    /// the tangent, bitangent = cross(n, t) x sign. On a back face the rasterizer flipped `n`;
    /// flipping the tangent too keeps the frame the one the glTF Sample Viewer uses there.
    /// `nil` when the tangent is zero or parallel to the normal.
    @inlinable @inline(__always)
    static func tangentFrame(_ a: SurfaceAttributes, n: SIMD3<Float>) -> (SIMD3<Float>, SIMD3<Float>)? {
        let t0 = SIMD3(a.tangent.x, a.tangent.y, a.tangent.z)
        let t1 = t0 - n * dot(n, t0)
        let l2 = dot(t1, t1)
        guard l2 > 1e-12, l2.isFinite else { return nil }
        var t = t1 * (1 / l2.squareRoot())
        let sign: Float = a.tangent.w < 0 ? -1 : 1
        let b = cross(n, t) * sign
        if !a.frontFacing { t = -t }
        return (t, b)
    }

    /// The tangent-space normal of a normal-map texel, in world space.
    @inlinable @inline(__always)
    static func perturb(
        _ frame: (SIMD3<Float>, SIMD3<Float>), n: SIMD3<Float>, texel: SIMD4<Float>, scale: Float
    ) -> SIMD3<Float> {
        let x = (texel.x * 2 - 1) * scale
        let y = (texel.y * 2 - 1) * scale
        let z = texel.z * 2 - 1
        let p = frame.0 * x + frame.1 * y + n * z
        let l2 = dot(p, p)
        guard l2 > 1e-12 else { return n }
        return p * (1 / l2.squareRoot())
    }
}
