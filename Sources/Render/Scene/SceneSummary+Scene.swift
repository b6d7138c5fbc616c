/// Building a ``SceneSummary`` from a ``Scene``.
extension SceneSummary {
    /// Summarises a scene: counts, bounds and triangles of its default scene, and a short
    /// description of every mesh, material, texture, image and camera.
    public init(_ scene: Scene) {
        file = scene.source
        triangles = scene.triangleCount()
        uniqueTriangles = scene.meshes.reduce(0) { $0 + $1.primitives.reduce(0) { $0 + $1.triangleCount } }
        vertices = scene.meshes.reduce(0) { $0 + $1.primitives.reduce(0) { $0 + $1.vertexCount } }
        bounds = scene.bounds().map {
            Bounds(min: [$0.min.x, $0.min.y, $0.min.z], max: [$0.max.x, $0.max.y, $0.max.z])
        }
        nodes = scene.nodes.count
        meshes = scene.meshes.map { mesh in
            MeshSummary(
                name: mesh.name, primitives: mesh.primitives.map { Self.primitive($0, variants: scene.variants) })
        }
        materials = scene.materials.map(Self.material)
        textures = scene.textures.map {
            TextureSummary(
                image: $0.image, magFilter: $0.sampler.magFilter.rawValue, minFilter: $0.sampler.minFilter.rawValue,
                wrapS: $0.sampler.wrapS.rawValue, wrapT: $0.sampler.wrapT.rawValue)
        }
        images = scene.images.map {
            ImageSummary(name: $0.name, mimeType: $0.mimeType, bytes: $0.data.count, width: $0.width, height: $0.height)
        }
        cameras = scene.cameras.map(Self.camera)
        scenes = scene.scenes.indices.map { i in
            SceneRootsSummary(
                name: scene.scenes[i].name, roots: scene.scenes[i].nodes, triangles: scene.triangleCount(sceneIndex: i))
        }
        defaultScene = scene.defaultScene
        variants = scene.variants
        extensionsUsed = scene.extensionsUsed
        extensionsRequired = scene.extensionsRequired
        warnings = scene.warnings.map(\.description)
    }

    private static func primitive(_ p: Primitive, variants: [String]) -> PrimitiveSummary {
        var mappings: [String: [String]] = [:]
        for m in p.variantMappings {
            mappings[String(m.material), default: []] += m.variants.map {
                variants.indices.contains($0) ? variants[$0] : "\($0)"
            }
        }
        return PrimitiveSummary(
            mode: "\(p.sourceMode)", vertices: p.vertexCount, triangles: p.triangleCount, material: p.material,
            uvSets: p.texcoords.count, hasNormals: p.normals != nil, hasTangents: p.tangents != nil,
            hasColors: p.colors != nil, variantMappings: mappings)
    }

    private static func material(_ m: Material) -> MaterialSummary {
        var textures: [String: Int] = [:]
        let slots: [(String, TextureBinding?)] = [
            ("baseColor", m.baseColorTexture), ("metallicRoughness", m.metallicRoughnessTexture),
            ("normal", m.normalTexture), ("occlusion", m.occlusionTexture), ("emissive", m.emissiveTexture),
            ("sheenColor", m.sheen?.colorTexture), ("sheenRoughness", m.sheen?.roughnessTexture),
            ("clearcoat", m.clearcoat?.texture), ("clearcoatRoughness", m.clearcoat?.roughnessTexture),
            ("clearcoatNormal", m.clearcoat?.normalTexture),
        ]
        for (slot, binding) in slots { if let binding { textures[slot] = binding.texture } }
        var features: [String] = []
        if m.unlit { features.append("unlit") }
        if m.sheen != nil { features.append("sheen") }
        if m.clearcoat != nil { features.append("clearcoat") }
        if m.transmissionFactor > 0 { features.append("transmission") }
        if m.emissiveStrength != 1 { features.append("emissiveStrength") }
        if m.textureBindings.contains(where: { $0.transform != nil }) { features.append("textureTransform") }
        let c = m.baseColorFactor
        return MaterialSummary(
            name: m.name, alphaMode: m.alphaMode.rawValue, alphaCutoff: m.alphaMode == .mask ? m.alphaCutoff : nil,
            doubleSided: m.doubleSided, baseColorFactor: [c.x, c.y, c.z, c.w], metallicFactor: m.metallicFactor,
            roughnessFactor: m.roughnessFactor, textures: textures, features: features)
    }

    private static func camera(_ c: Camera) -> CameraSummary {
        switch c {
        case .perspective(let name, let yfov, _, let znear, let zfar):
            return CameraSummary(
                name: name, type: "perspective", yfov: yfov, xmag: nil, ymag: nil, znear: znear, zfar: zfar)
        case .orthographic(let name, let xmag, let ymag, let znear, let zfar):
            return CameraSummary(
                name: name, type: "orthographic", yfov: nil, xmag: xmag, ymag: ymag, znear: znear, zfar: zfar)
        }
    }
}
