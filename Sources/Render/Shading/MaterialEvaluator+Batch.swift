import CVector

/// The batched material evaluation: ``MaterialEvaluator/evaluate(_:material:override:)`` for the
/// 8 lanes of a ``ShadingBatch`` at once, lane for lane the same operations (bit-identical).
extension MaterialEvaluator {
    /// Evaluates a material at 8 shading points (see ``evaluate(_:material:override:)``).
    /// - Parameters:
    ///   - b: the shading points.
    ///   - m: the prepared material, shared by every lane.
    ///   - override: the reference filter override.
    /// - Returns: the inputs of ``BatchShader``.
    public static func evaluate8(
        _ b: borrowing ShadingBatch, material m: PreparedMaterial, override: TextureFilterOverride?
    ) -> SurfaceInputsBatch {
        let plan = m.batchPlan
        var texels = MaterialTexels8()
        texels.sample(plan, b, override: override, limit: plan.count)
        let mat = m.material
        var s = SurfaceInputsBatch()
        s.baseColor = baseColor8(b, material: m, texel: texels[plan, .baseColor])
        let n = normalizedOrZ8(b.normal)
        s.normal = n
        s.clearcoatNormal = n
        if mat.unlit {
            s.unlit = true
            return s
        }
        var metallic = SIMD8(repeating: mat.metallicFactor)
        var roughness = SIMD8(repeating: mat.roughnessFactor)
        if let t = texels[plan, .metallicRoughness] {
            metallic *= t.b
            roughness *= t.g
        }
        s.metallic = clamp01(metallic)
        s.roughness = clamp01(roughness)
        if let t = texels[plan, .occlusion] { s.occlusion = 1 + mat.occlusionStrength * (t.r - 1) }
        var emissive = Vector3x8(repeating: m.emissiveScaled)
        if let t = texels[plan, .emissive] { emissive = emissive * t.rgb }
        s.emissive = emissive
        // Tangent frame, shared by the normal and clearcoat normal maps.
        let normalMap = texels[plan, .normal]
        let clearcoatNormalMap = texels[plan, .clearcoatNormal]
        if normalMap != nil || clearcoatNormalMap != nil {
            let frame = tangentFrame8(b, n: n)
            if let t = normalMap { s.normal = perturb8(frame, n: n, texel: t, scale: mat.normalScale) }
            if let t = clearcoatNormalMap { s.clearcoatNormal = perturb8(frame, n: n, texel: t, scale: 1) }
        }
        if let sheen = mat.sheen {
            var color = Vector3x8(repeating: sheen.colorFactor)
            if let t = texels[plan, .sheenColor] { color = color * t.rgb }
            var r = SIMD8(repeating: sheen.roughnessFactor)
            if let t = texels[plan, .sheenRoughness] { r *= t.a }
            s.sheenColor = color
            s.sheenRoughness = clamp01(r)
            s.hasSheen = true
        }
        if let coat = mat.clearcoat {
            var f = SIMD8(repeating: coat.factor)
            if let t = texels[plan, .clearcoat] { f *= t.r }
            var r = SIMD8(repeating: coat.roughnessFactor)
            if let t = texels[plan, .clearcoatRoughness] { r *= t.g }
            s.clearcoat = clamp01(f)
            s.clearcoatRoughness = clamp01(r)
            s.hasClearcoat = true
        }
        return s
    }

    /// Base colour and alpha at 8 shading points: factor x texture x vertex colour (what unlit
    /// rendering and the `MASK` alpha test need, without the rest of the material).
    public static func baseColor8(
        _ b: borrowing ShadingBatch, material m: PreparedMaterial, override: TextureFilterOverride?
    ) -> Color4x8 {
        let plan = m.batchPlan
        var texels = MaterialTexels8()
        // The base colour is the plan's first entry when the material has that texture.
        texels.sample(plan, b, override: override, limit: plan.roleIndex[0] == 0 ? 1 : 0)
        return baseColor8(b, material: m, texel: texels[plan, .baseColor])
    }

    /// Factor x vertex colour x texel, as the scalar path multiplies them.
    @inline(__always)
    static func baseColor8(_ b: borrowing ShadingBatch, material m: PreparedMaterial, texel: Color4x8?) -> Color4x8 {
        let f = m.material.baseColorFactor
        var base = Color4x8(b.color.r * f.x, b.color.g * f.y, b.color.b * f.z, b.color.a * f.w)
        if let t = texel { base = Color4x8(base.r * t.r, base.g * t.g, base.b * t.b, base.a * t.a) }
        return base
    }

    /// `min(max(x, 0), 1)` per lane, with Swift's `min` / `max` semantics.
    @inline(__always)
    static func clamp01(_ x: SIMD8<Float>) -> SIMD8<Float> { v_smin8(v_smax8(x, .zero), SIMD8(repeating: 1)) }

    /// ``normalizedOrZ(_:)`` per lane.
    @inline(__always)
    static func normalizedOrZ8(_ v: Vector3x8) -> Vector3x8 {
        let l2 = dot(v, v)
        let ok = v_gt8(l2, SIMD8(repeating: 1e-20)) & v_isfinite8(l2)
        let inv = 1 / v_sqrt8(l2)
        return Vector3x8.select(ok, v * inv, Vector3x8(repeating: SIMD3(0, 0, 1)))
    }

    /// A tangent frame per lane and the mask of lanes that have one (see ``tangentFrame(_:n:)``).
    struct Frame8 {
        var t: Vector3x8
        var b: Vector3x8
        var valid: SIMD8<Int32>
    }

    /// ``tangentFrame(_:n:)`` per lane.
    @inline(__always)
    static func tangentFrame8(_ a: borrowing ShadingBatch, n: Vector3x8) -> Frame8 {
        let t0 = a.tangent
        let t1 = t0 - n * dot(n, t0)
        let l2 = dot(t1, t1)
        let valid = v_gt8(l2, SIMD8(repeating: 1e-12)) & v_isfinite8(l2)
        var t = t1 * (1 / v_sqrt8(l2))
        let sign = v_select8(v_lt8(a.tangentSign, .zero), SIMD8(repeating: -1), SIMD8(repeating: 1))
        let b = cross(n, t) * sign
        t = Vector3x8.select(a.frontFacing, t, -t)
        return Frame8(t: t, b: b, valid: valid)
    }

    /// ``perturb(_:n:texel:scale:)`` per lane; lanes without a frame keep `n`.
    @inline(__always)
    static func perturb8(_ f: Frame8, n: Vector3x8, texel: Color4x8, scale: Float) -> Vector3x8 {
        let x = (texel.r * 2 - 1) * scale
        let y = (texel.g * 2 - 1) * scale
        let z = texel.b * 2 - 1
        let p = f.t * x + f.b * y + n * z
        let l2 = dot(p, p)
        let ok = f.valid & v_gt8(l2, SIMD8(repeating: 1e-12))
        return Vector3x8.select(ok, p * (1 / v_sqrt8(l2)), n)
    }
}

/// The texture results of one batch, one per entry of a material's ``BatchTexturePlan``.
struct MaterialTexels8 {
    private var storage = (
        Color4x8.zero, Color4x8.zero, Color4x8.zero, Color4x8.zero, Color4x8.zero, Color4x8.zero, Color4x8.zero,
        Color4x8.zero, Color4x8.zero, Color4x8.zero
    )

    /// Samples the plan's first `limit` entries.
    @inline(__always)
    mutating func sample(
        _ plan: BatchTexturePlan, _ b: ShadingBatch, override: TextureFilterOverride?, limit: Int
    ) {
        withUnsafeMutableBytes(of: &storage) { bytes in
            plan.sample8(
                b, override: override, limit: limit, into: bytes.baseAddress!.assumingMemoryBound(to: Color4x8.self))
        }
    }

    /// The result for `role`, `nil` when the material has no texture there.
    @inline(__always)
    subscript(plan: BatchTexturePlan, role: BatchTexturePlan.Role) -> Color4x8? {
        mutating get {
            let i = plan.roleIndex[role.rawValue]
            guard i >= 0 else { return nil }
            return withUnsafeBytes(of: &storage) { $0.baseAddress!.assumingMemoryBound(to: Color4x8.self)[i] }
        }
    }
}
