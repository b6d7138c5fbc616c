/// Material inputs at one shading point after every texture lookup, in linear space: what the
/// BRDF and the lights consume.
public struct SurfaceInputs: Sendable {
    /// Linear base colour and alpha (factor x texture x vertex colour).
    public var baseColor: SIMD4<Float> = SIMD4(1, 1, 1, 1)
    /// Metalness, 0...1.
    public var metallic: Float = 1
    /// Perceptual roughness, 0...1 (alpha = roughness²).
    public var roughness: Float = 1
    /// Ambient occlusion, 1 = none.
    public var occlusion: Float = 1
    /// Linear emitted radiance (factor x texture x strength).
    public var emissive: SIMD3<Float> = .zero
    /// Shading normal after the normal map, world space, unit length.
    public var normal: SIMD3<Float> = SIMD3(0, 0, 1)
    /// Geometric (interpolated vertex) normal, world space, unit length.
    public var geometricNormal: SIMD3<Float> = SIMD3(0, 0, 1)
    /// Sheen colour (`KHR_materials_sheen`), zero = no sheen.
    public var sheenColor: SIMD3<Float> = .zero
    /// Sheen roughness.
    public var sheenRoughness: Float = 0
    /// Clearcoat intensity (`KHR_materials_clearcoat`), zero = no clearcoat.
    public var clearcoat: Float = 0
    /// Clearcoat roughness.
    public var clearcoatRoughness: Float = 0
    /// Clearcoat normal, world space, unit length.
    public var clearcoatNormal: SIMD3<Float> = SIMD3(0, 0, 1)
    /// `KHR_materials_unlit`: the colour is the base colour, no lighting.
    public var unlit: Bool = false

    /// Inputs of the glTF default material.
    public init() {}
}
