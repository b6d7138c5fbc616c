/// ``SurfaceInputs`` for the 8 lanes of a ``ShadingBatch`` (structure of arrays): what
/// ``MaterialEvaluator/evaluate8(_:material:override:)`` gives and ``BatchShader`` consumes.
/// The per-material switches (unlit, sheen, clearcoat) are shared by all lanes.
public struct SurfaceInputsBatch: Sendable {
    /// Linear base colour and alpha.
    public var baseColor = Color4x8(repeating: SIMD4(1, 1, 1, 1))
    /// Metalness, 0...1.
    public var metallic = SIMD8<Float>(repeating: 1)
    /// Perceptual roughness, 0...1.
    public var roughness = SIMD8<Float>(repeating: 1)
    /// Ambient occlusion, 1 = none.
    public var occlusion = SIMD8<Float>(repeating: 1)
    /// Linear emitted radiance.
    public var emissive = Vector3x8.zero
    /// Shading normals (unit length).
    public var normal = Vector3x8(repeating: SIMD3(0, 0, 1))
    /// Sheen colours (zero = no sheen).
    public var sheenColor = Vector3x8.zero
    /// Sheen roughness.
    public var sheenRoughness = SIMD8<Float>.zero
    /// Clearcoat intensity (zero = no clearcoat).
    public var clearcoat = SIMD8<Float>.zero
    /// Clearcoat roughness.
    public var clearcoatRoughness = SIMD8<Float>.zero
    /// Clearcoat normals (unit length).
    public var clearcoatNormal = Vector3x8(repeating: SIMD3(0, 0, 1))
    /// `KHR_materials_unlit`: the colour is the base colour.
    public var unlit = false
    /// Whether any lane may have sheen (the material has `KHR_materials_sheen`).
    public var hasSheen = false
    /// Whether any lane may have a clearcoat (the material has `KHR_materials_clearcoat`).
    public var hasClearcoat = false

    /// Inputs of the glTF default material in every lane.
    public init() {}

    /// Lane `i` as scalar inputs (the geometric normal is not kept by the batch: it is set to
    /// the shading normal).
    public subscript(lane i: Int) -> SurfaceInputs {
        get {
            var s = SurfaceInputs()
            s.baseColor = baseColor[lane: i]
            s.metallic = metallic[i]
            s.roughness = roughness[i]
            s.occlusion = occlusion[i]
            s.emissive = emissive[lane: i]
            s.normal = normal[lane: i]
            s.geometricNormal = normal[lane: i]
            s.sheenColor = sheenColor[lane: i]
            s.sheenRoughness = sheenRoughness[i]
            s.clearcoat = clearcoat[i]
            s.clearcoatRoughness = clearcoatRoughness[i]
            s.clearcoatNormal = clearcoatNormal[lane: i]
            s.unlit = unlit
            return s
        }
        set {
            baseColor[lane: i] = newValue.baseColor
            metallic[i] = newValue.metallic
            roughness[i] = newValue.roughness
            occlusion[i] = newValue.occlusion
            emissive[lane: i] = newValue.emissive
            normal[lane: i] = newValue.normal
            sheenColor[lane: i] = newValue.sheenColor
            sheenRoughness[i] = newValue.sheenRoughness
            clearcoat[i] = newValue.clearcoat
            clearcoatRoughness[i] = newValue.clearcoatRoughness
            clearcoatNormal[lane: i] = newValue.clearcoatNormal
            unlit = newValue.unlit
            hasSheen = hasSheen || newValue.sheenColor != .zero
            hasClearcoat = hasClearcoat || newValue.clearcoat != 0
        }
    }
}
