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
        var s = SurfaceInputsBatch()
        let mat = m.material
        s.baseColor = baseColor8(b, material: m, override: override)
        let n = normalizedOrZ8(b.normal)
        s.normal = n
        s.clearcoatNormal = n
        if mat.unlit {
            s.unlit = true
            return s
        }
        var metallic = SIMD8(repeating: mat.metallicFactor)
        var roughness = SIMD8(repeating: mat.roughnessFactor)
        if let t = m.metallicRoughness.sample8(b, override: override) {
            metallic *= t.b
            roughness *= t.g
        }
        s.metallic = clamp01(metallic)
        s.roughness = clamp01(roughness)
        if let t = m.occlusion.sample8(b, override: override) {
            s.occlusion = 1 + mat.occlusionStrength * (t.r - 1)
        }
        var emissive = Vector3x8(repeating: m.emissiveScaled)
        if let t = m.emissive.sample8(b, override: override) { emissive = emissive * t.rgb }
        s.emissive = emissive
        // Tangent frame, shared by the normal and clearcoat normal maps.
        if m.normal.view != nil || m.clearcoatNormal.view != nil {
            let frame = tangentFrame8(b, n: n)
            if let t = m.normal.sample8(b, override: override) {
                s.normal = perturb8(frame, n: n, texel: t, scale: mat.normalScale)
            }
            if let t = m.clearcoatNormal.sample8(b, override: override) {
                s.clearcoatNormal = perturb8(frame, n: n, texel: t, scale: 1)
            }
        }
        if let sheen = mat.sheen {
            var color = Vector3x8(repeating: sheen.colorFactor)
            if let t = m.sheenColor.sample8(b, override: override) { color = color * t.rgb }
            var r = SIMD8(repeating: sheen.roughnessFactor)
            if let t = m.sheenRoughness.sample8(b, override: override) { r *= t.a }
            s.sheenColor = color
            s.sheenRoughness = clamp01(r)
            s.hasSheen = true
        }
        if let coat = mat.clearcoat {
            var f = SIMD8(repeating: coat.factor)
            if let t = m.clearcoat.sample8(b, override: override) { f *= t.r }
            var r = SIMD8(repeating: coat.roughnessFactor)
            if let t = m.clearcoatRoughness.sample8(b, override: override) { r *= t.g }
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
        let f = m.material.baseColorFactor
        var base = Color4x8(b.color.r * f.x, b.color.g * f.y, b.color.b * f.z, b.color.a * f.w)
        if let t = m.baseColor.sample8(b, override: override) {
            base = Color4x8(base.r * t.r, base.g * t.g, base.b * t.b, base.a * t.a)
        }
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
    @usableFromInline struct Frame8 {
        @usableFromInline var t: Vector3x8
        @usableFromInline var b: Vector3x8
        @usableFromInline var valid: SIMD8<Int32>
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
