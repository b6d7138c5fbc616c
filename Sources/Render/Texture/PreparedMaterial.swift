/// A material with its textures prepared (mip chains built), ready for
/// ``MaterialEvaluator/evaluate(_:material:override:)``. Built once per asset.
///
/// ```swift
/// let materials = PreparedMaterial.prepare(
///     materials: scene.materials, textures: scene.textures, images: decodedImages)
/// ```
public struct PreparedMaterial: @unchecked Sendable {
    /// The glTF material.
    public let material: Material
    /// The textures the slots point into (kept alive here).
    public let textures: [PreparedTexture]

    @usableFromInline let baseColor: TextureSlot
    @usableFromInline let metallicRoughness: TextureSlot
    @usableFromInline let normal: TextureSlot
    @usableFromInline let occlusion: TextureSlot
    @usableFromInline let emissive: TextureSlot
    @usableFromInline let sheenColor: TextureSlot
    @usableFromInline let sheenRoughness: TextureSlot
    @usableFromInline let clearcoat: TextureSlot
    @usableFromInline let clearcoatRoughness: TextureSlot
    @usableFromInline let clearcoatNormal: TextureSlot
    /// Material constants premultiplied for the hot loop.
    @usableFromInline let emissiveScaled: SIMD3<Float>
    /// The textures as the batched path samples them.
    let batchPlan: BatchTexturePlan

    /// Prepares one material.
    /// - Parameters:
    ///   - material: the glTF material.
    ///   - texture: returns the prepared texture for a scene texture index, built as colour
    ///     (sRGB) or data; `nil` when the texture is missing or could not be decoded (the slot
    ///     is then ignored, as if the material had no texture there).
    public init(material: Material, texture: (_ index: Int, _ isColor: Bool) -> PreparedTexture?) {
        self.material = material
        var kept: [PreparedTexture] = []
        func slot(_ binding: TextureBinding?, color: Bool) -> TextureSlot {
            guard let binding, let t = texture(binding.texture, color) else { return .empty }
            kept.append(t)
            return TextureSlot(view: t.view, texCoord: binding.texCoord, transform: binding.transform)
        }
        baseColor = slot(material.baseColorTexture, color: true)
        metallicRoughness = slot(material.metallicRoughnessTexture, color: false)
        normal = slot(material.normalTexture, color: false)
        occlusion = slot(material.occlusionTexture, color: false)
        emissive = slot(material.emissiveTexture, color: true)
        sheenColor = slot(material.sheen?.colorTexture, color: true)
        sheenRoughness = slot(material.sheen?.roughnessTexture, color: false)
        clearcoat = slot(material.clearcoat?.texture, color: false)
        clearcoatRoughness = slot(material.clearcoat?.roughnessTexture, color: false)
        clearcoatNormal = slot(material.clearcoat?.normalTexture, color: false)
        emissiveScaled = material.emissiveFactor * material.emissiveStrength
        textures = kept
        // Unlit materials read only the base colour.
        batchPlan = BatchTexturePlan(
            material.unlit
                ? [(.baseColor, baseColor)]
                : [
                    (.baseColor, baseColor), (.metallicRoughness, metallicRoughness), (.normal, normal),
                    (.occlusion, occlusion), (.emissive, emissive), (.sheenColor, sheenColor),
                    (.sheenRoughness, sheenRoughness), (.clearcoat, clearcoat),
                    (.clearcoatRoughness, clearcoatRoughness), (.clearcoatNormal, clearcoatNormal),
                ])
    }

    /// Prepares every material of a scene, building each (texture, colour-or-data) pair once.
    /// - Parameters:
    ///   - materials: the scene's materials.
    ///   - textures: the scene's textures.
    ///   - images: decoded images, indexed like the scene's images (`nil`: not decodable).
    public static func prepare(materials: [Material], textures: [Texture], images: [RGBA8Image?]) -> [PreparedMaterial]
    {
        var cache: [Int: PreparedTexture] = [:]
        func resolve(_ index: Int, _ isColor: Bool) -> PreparedTexture? {
            let key = index * 2 + (isColor ? 1 : 0)
            if let t = cache[key] { return t }
            guard textures.indices.contains(index), let imageIndex = textures[index].image,
                images.indices.contains(imageIndex), let image = images[imageIndex]
            else { return nil }
            let t = PreparedTexture(image: image, sampler: textures[index].sampler, isColor: isColor)
            cache[key] = t
            return t
        }
        return materials.map { PreparedMaterial(material: $0, texture: resolve) }
    }
}
