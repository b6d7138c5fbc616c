/// Materials: metallic-roughness, the supported material extensions, texture bindings.
extension GLTFReader {
    /// Reads material `index`.
    mutating func material(_ index: Int) throws(SceneError) -> Material {
        let node = materials[index]
        var m = Material()
        m.name = try node.string("name")
        if let pbr = try node.member("pbrMetallicRoughness") {
            if let f = try pbr.floats("baseColorFactor", count: 4) {
                let v = clamped(SIMD4(f[0], f[1], f[2], f[3]), 0, 1, pbr.path("baseColorFactor"))
                m.baseColorFactor = v
            }
            m.baseColorTexture = try textureBinding(pbr.member("baseColorTexture"))
            m.metallicFactor = try factor(pbr, "metallicFactor", default: 1, range: 0...1)
            m.roughnessFactor = try factor(pbr, "roughnessFactor", default: 1, range: 0...1)
            m.metallicRoughnessTexture = try textureBinding(pbr.member("metallicRoughnessTexture"))
        }
        if let normal = try node.member("normalTexture") {
            m.normalTexture = try textureBinding(normal)
            m.normalScale = try normal.float("scale") ?? 1
        }
        if let occlusion = try node.member("occlusionTexture") {
            m.occlusionTexture = try textureBinding(occlusion)
            m.occlusionStrength = try factor(occlusion, "strength", default: 1, range: 0...1)
        }
        m.emissiveTexture = try textureBinding(node.member("emissiveTexture"))
        if let e = try node.floats("emissiveFactor", count: 3) {
            let v = clamped(SIMD4(e[0], e[1], e[2], 0), 0, 1, node.path("emissiveFactor"))
            m.emissiveFactor = SIMD3(v.x, v.y, v.z)
        }
        if let modeNode = try node.member("alphaMode") {
            let mode = try modeNode.asString()
            if let alphaMode = Material.AlphaMode(rawValue: mode) {
                m.alphaMode = alphaMode
            } else {
                warn(modeNode.path, "alphaMode '\(mode)' is not OPAQUE, MASK or BLEND: OPAQUE used")
            }
        }
        m.alphaCutoff = try factor(node, "alphaCutoff", default: 0.5, range: 0...Float.greatestFiniteMagnitude)
        m.doubleSided = try node.bool("doubleSided") ?? false
        if let extensions = try node.member("extensions") {
            try readExtensions(extensions, into: &m)
        }
        return m
    }

    private mutating func readExtensions(_ extensions: JSONNode, into m: inout Material) throws(SceneError) {
        if let strength = try extensions.member("KHR_materials_emissive_strength") {
            m.emissiveStrength = try factor(
                strength, "emissiveStrength", default: 1, range: 0...Float.greatestFiniteMagnitude)
        }
        if try extensions.member("KHR_materials_unlit") != nil {
            m.unlit = true
        }
        if let sheenNode = try extensions.member("KHR_materials_sheen") {
            var sheen = Sheen()
            if let c = try sheenNode.floats("sheenColorFactor", count: 3) {
                let v = clamped(SIMD4(c[0], c[1], c[2], 0), 0, 1, sheenNode.path("sheenColorFactor"))
                sheen.colorFactor = SIMD3(v.x, v.y, v.z)
            }
            sheen.colorTexture = try textureBinding(sheenNode.member("sheenColorTexture"))
            sheen.roughnessFactor = try factor(sheenNode, "sheenRoughnessFactor", default: 0, range: 0...1)
            sheen.roughnessTexture = try textureBinding(sheenNode.member("sheenRoughnessTexture"))
            m.sheen = sheen
        }
        if let coatNode = try extensions.member("KHR_materials_clearcoat") {
            var coat = Clearcoat()
            coat.factor = try factor(coatNode, "clearcoatFactor", default: 0, range: 0...1)
            coat.texture = try textureBinding(coatNode.member("clearcoatTexture"))
            coat.roughnessFactor = try factor(coatNode, "clearcoatRoughnessFactor", default: 0, range: 0...1)
            coat.roughnessTexture = try textureBinding(coatNode.member("clearcoatRoughnessTexture"))
            coat.normalTexture = try textureBinding(coatNode.member("clearcoatNormalTexture"))
            m.clearcoat = coat
        }
        if let transmission = try extensions.member("KHR_materials_transmission") {
            m.transmissionFactor = try factor(transmission, "transmissionFactor", default: 0, range: 0...1)
            if m.transmissionFactor > 0 {
                warn(transmission.path, "transmission \(m.transmissionFactor) is rendered opaque")
            }
        }
    }

    // MARK: - Texture bindings

    /// A `textureInfo` (or `normalTextureInfo` / `occlusionTextureInfo`), with its
    /// `KHR_texture_transform`; `nil` when `node` is `nil`.
    mutating func textureBinding(_ node: JSONNode?) throws(SceneError) -> TextureBinding? {
        guard let node else { return nil }
        let texture = try node.requiredIndex("index", kind: "texture", count: textures.count)
        var texCoord = try texCoordSet(node)
        var transform: TextureTransform?
        if let t = try node.member("extensions")?.member("KHR_texture_transform") {
            var tt = TextureTransform()
            if let o = try t.floats("offset", count: 2) { tt.offset = SIMD2(o[0], o[1]) }
            tt.rotation = try t.float("rotation") ?? 0
            if let s = try t.floats("scale", count: 2) { tt.scale = SIMD2(s[0], s[1]) }
            if try t.member("texCoord") != nil { texCoord = try texCoordSet(t) }
            transform = tt
        }
        return TextureBinding(texture: texture, texCoord: texCoord, transform: transform)
    }

    /// A `texCoord` member: 0 when absent, and below the number of UV sets read.
    private func texCoordSet(_ node: JSONNode) throws(SceneError) -> Int {
        let set = try node.int("texCoord", default: 0)
        guard set < Self.maxTexCoordSets else {
            throw .invalidValue(
                file: file, jsonPath: node.path("texCoord"),
                reason: "texCoord \(set) is above the \(Self.maxTexCoordSets) UV sets Vitrine reads")
        }
        return set
    }

    // MARK: - Numbers

    /// A number member in `range` (clamped with a warning when outside), or `fallback`.
    private mutating func factor(_ node: JSONNode, _ key: String, default fallback: Float, range: ClosedRange<Float>)
        throws(SceneError) -> Float
    {
        guard let v = try node.float(key) else { return fallback }
        guard range.contains(v) else {
            let c = Swift.min(Swift.max(v, range.lowerBound), range.upperBound)
            warn(node.path(key), "\(v) is outside \(range.lowerBound)...\(range.upperBound): \(c) used")
            return c
        }
        return v
    }

    /// A colour clamped to `lo...hi`, with a warning when it was outside.
    private mutating func clamped(_ v: SIMD4<Float>, _ lo: Float, _ hi: Float, _ path: String) -> SIMD4<Float> {
        let c = v.clamped(lowerBound: SIMD4(repeating: lo), upperBound: SIMD4(repeating: hi))
        if c != v { warn(path, "values outside \(lo)...\(hi) clamped") }
        return c
    }
}
