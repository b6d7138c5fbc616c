extension GLBWriter {
    /// The glTF JSON, keys in the order exporters conventionally use.
    static func rootJSON(_ doc: GLTFDocument, meshes: [JSONValue], images: [JSONValue], layout: Layout) -> JSONValue {
        var root: [(String, JSONValue)] = [
            ("asset", .object([("generator", .string(doc.generator)), ("version", .string("2.0"))]))
        ]
        let used = extensionsUsed(doc)
        if !used.isEmpty { root.append(("extensionsUsed", .array(used.map { .string($0) }))) }
        if !doc.variants.isEmpty {
            let variants: [JSONValue] = doc.variants.map { .object([("name", .string($0))]) }
            root.append(
                ("extensions", .object([("KHR_materials_variants", .object([("variants", .array(variants))]))])))
        }
        root.append(("scene", .int(0)))
        root.append(("scenes", .array([.object([("nodes", .ints(doc.sceneNodes))])])))
        root.append(("nodes", .array(doc.nodes.map(nodeJSON))))
        root.append(("meshes", .array(meshes)))
        root.append(("materials", .array(doc.materials.map(materialJSON))))
        if !doc.textures.isEmpty {
            root.append(
                (
                    "textures",
                    .array(doc.textures.map { .object([("sampler", .int($0.sampler)), ("source", .int($0.image))]) })
                ))
            root.append(("images", .array(images)))
            root.append(
                (
                    "samplers",
                    .array(
                        doc.samplers.map {
                            .object([
                                ("magFilter", .int($0.magFilter)), ("minFilter", .int($0.minFilter)),
                                ("wrapS", .int($0.wrapS)), ("wrapT", .int($0.wrapT)),
                            ])
                        })
                ))
        }
        root.append(("accessors", .array(layout.accessors)))
        root.append(("bufferViews", .array(layout.views)))
        let binLength = (layout.bin.count + 3) / 4 * 4
        root.append(("buffers", .array([.object([("byteLength", .int(binLength))])])))
        return .object(root)
    }

    /// Extensions the document uses, sorted.
    static func extensionsUsed(_ doc: GLTFDocument) -> [String] {
        var used: Set<String> = []
        if !doc.variants.isEmpty { used.insert("KHR_materials_variants") }
        for m in doc.materials {
            if m.sheenColorFactor != nil { used.insert("KHR_materials_sheen") }
            let refs = [
                m.baseColorTexture, m.metallicRoughnessTexture, m.normalTexture, m.occlusionTexture,
                m.sheenColorTexture,
            ]
            if refs.contains(where: { $0?.hasTransform == true }) { used.insert("KHR_texture_transform") }
        }
        return used.sorted()
    }

    static func nodeJSON(_ node: GLTFNode) -> JSONValue {
        var members: [(String, JSONValue)] = [("name", .string(node.name))]
        if !node.children.isEmpty { members.append(("children", .ints(node.children))) }
        if let mesh = node.mesh { members.append(("mesh", .int(mesh))) }
        if let r = node.rotation { members.append(("rotation", .floats([r.x, r.y, r.z, r.w]))) }
        if let t = node.translation { members.append(("translation", .floats([t.x, t.y, t.z]))) }
        return .object(members)
    }

    static func textureJSON(_ ref: GLTFTextureRef, extra: [(String, JSONValue)] = []) -> JSONValue {
        var members: [(String, JSONValue)] = [("index", .int(ref.index))]
        members += extra
        if ref.hasTransform {
            var t: [(String, JSONValue)] = []
            if let o = ref.offset { t.append(("offset", .floats([o.x, o.y]))) }
            if let r = ref.rotation { t.append(("rotation", .float(r))) }
            if let s = ref.scale { t.append(("scale", .floats([s.x, s.y]))) }
            members.append(("extensions", .object([("KHR_texture_transform", .object(t))])))
        }
        return .object(members)
    }

    static func materialJSON(_ m: GLTFMaterial) -> JSONValue {
        var pbr: [(String, JSONValue)] = []
        let c = m.baseColorFactor
        if c != SIMD4(1, 1, 1, 1) { pbr.append(("baseColorFactor", .floats([c.x, c.y, c.z, c.w]))) }
        if let t = m.baseColorTexture { pbr.append(("baseColorTexture", textureJSON(t))) }
        pbr.append(("metallicFactor", .float(m.metallicFactor)))
        pbr.append(("roughnessFactor", .float(m.roughnessFactor)))
        if let t = m.metallicRoughnessTexture { pbr.append(("metallicRoughnessTexture", textureJSON(t))) }
        var members: [(String, JSONValue)] = [("name", .string(m.name)), ("pbrMetallicRoughness", .object(pbr))]
        if let t = m.normalTexture {
            members.append(
                ("normalTexture", textureJSON(t, extra: m.normalScale != 1 ? [("scale", .float(m.normalScale))] : [])))
        }
        if let t = m.occlusionTexture {
            members.append(
                (
                    "occlusionTexture",
                    textureJSON(t, extra: m.occlusionStrength != 1 ? [("strength", .float(m.occlusionStrength))] : [])
                ))
        }
        if m.alphaMode != .opaque { members.append(("alphaMode", .string(m.alphaMode.rawValue))) }
        if m.doubleSided { members.append(("doubleSided", .bool(true))) }
        if let sheen = m.sheenColorFactor {
            var s: [(String, JSONValue)] = [("sheenColorFactor", .floats([sheen.x, sheen.y, sheen.z]))]
            if let t = m.sheenColorTexture { s.append(("sheenColorTexture", textureJSON(t))) }
            s.append(("sheenRoughnessFactor", .float(m.sheenRoughnessFactor)))
            members.append(("extensions", .object([("KHR_materials_sheen", .object(s))])))
        }
        return .object(members)
    }
}
