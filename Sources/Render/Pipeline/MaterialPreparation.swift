import Foundation

/// Builds a scene's ``PreparedMaterial``s: decodes each texture's image and builds its mip
/// chain once per (texture, colour-or-data) pair the materials use, in parallel, and drops the
/// decoded source right after (so a scene's peak memory is its prepared textures plus a couple
/// of images being decoded, never every source image at once).
///
/// An image that cannot be decoded, or that exceeds the limits, is left out with a named
/// warning: the material is drawn as if it had no texture in that slot.
enum MaterialPreparation {
    /// Prepared materials (the scene's, then the glTF default material) and warnings.
    static func prepare(_ scene: Scene, limits: DecodeLimits) -> (
        materials: [PreparedMaterial], warnings: [SceneWarning]
    ) {
        // Every (texture, isColor) pair the materials ask for, in a fixed order.
        var wanted: [TextureKey] = []
        var seen = Set<TextureKey>()
        func want(_ binding: TextureBinding?, color: Bool) {
            guard let binding else { return }
            let key = TextureKey(texture: binding.texture, isColor: color)
            if seen.insert(key).inserted { wanted.append(key) }
        }
        for m in scene.materials {
            want(m.baseColorTexture, color: true)
            want(m.metallicRoughnessTexture, color: false)
            want(m.normalTexture, color: false)
            want(m.occlusionTexture, color: false)
            want(m.emissiveTexture, color: true)
            want(m.sheen?.colorTexture, color: true)
            want(m.sheen?.roughnessTexture, color: false)
            want(m.clearcoat?.texture, color: false)
            want(m.clearcoat?.roughnessTexture, color: false)
            want(m.clearcoat?.normalTexture, color: false)
        }
        let results = PreparedTextures(count: wanted.count)
        let keys = wanted
        DispatchQueue.concurrentPerform(iterations: keys.count) { i in
            results.store(i, Self.build(keys[i], scene: scene, limits: limits))
        }
        var prepared: [TextureKey: PreparedTexture] = [:]
        var warnings: [SceneWarning] = []
        var warnedImages = Set<Int>()
        for (i, key) in wanted.enumerated() {
            switch results.value(i) {
            case .success(let texture): prepared[key] = texture
            case .failure(let warning):
                if let image = warning.image, !warnedImages.insert(image).inserted { continue }
                warnings.append(warning.warning)
            case nil: break
            }
        }
        let materials = (scene.materials + [Material()]).map { material in
            PreparedMaterial(material: material) { index, isColor in
                prepared[TextureKey(texture: index, isColor: isColor)]
            }
        }
        return (materials, warnings)
    }

    /// One texture: decode its image and build the mip chain.
    private static func build(_ key: TextureKey, scene: Scene, limits: DecodeLimits) -> TextureResult? {
        guard scene.textures.indices.contains(key.texture) else {
            return .failure(
                TextureWarning(
                    image: nil,
                    warning: SceneWarning(
                        path: "textures[\(key.texture)]", message: "texture does not exist: drawn without it")))
        }
        let texture = scene.textures[key.texture]
        guard let imageIndex = texture.image, scene.images.indices.contains(imageIndex) else {
            return .failure(
                TextureWarning(
                    image: nil,
                    warning: SceneWarning(
                        path: "textures[\(key.texture)]", message: "texture has no image: drawn without it")))
        }
        let image = scene.images[imageIndex]
        do {
            let decoded = try ImageCodec.decodeRGBA8(image.data, limits: limits)
            return .success(PreparedTexture(image: decoded, sampler: texture.sampler, isColor: key.isColor))
        } catch {
            return .failure(
                TextureWarning(
                    image: imageIndex,
                    warning: SceneWarning(
                        path: "images[\(imageIndex)]", message: "\(image.name): \(error): drawn without this texture")))
        }
    }

    private struct TextureKey: Hashable {
        var texture: Int
        var isColor: Bool
    }

    private struct TextureWarning: Error {
        var image: Int?
        var warning: SceneWarning
    }

    private typealias TextureResult = Result<PreparedTexture, TextureWarning>

    /// Results written by concurrent tasks, one slot each.
    private final class PreparedTextures: @unchecked Sendable {
        private var slots: [TextureResult?]
        private let lock = NSLock()

        init(count: Int) { slots = [TextureResult?](repeating: nil, count: count) }

        func store(_ i: Int, _ value: TextureResult?) {
            lock.withLock { slots[i] = value }
        }

        func value(_ i: Int) -> TextureResult? { slots[i] }
    }
}
