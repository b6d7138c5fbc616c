/// Putting a whole glTF document together into a ``Scene``.
extension GLTFReader {
    /// Reads every scene object of the document in dependency order and returns the scene.
    mutating func makeScene() throws(SceneError) -> Scene {
        var scene = Scene(source: file)
        scene.extensionsUsed = try root.strings("extensionsUsed") ?? []
        scene.extensionsRequired = try root.strings("extensionsRequired") ?? []
        try checkExtensions()
        scene.variants = try variantNames()

        var usable: [Bool] = []
        for i in images.indices {
            let (image, ok) = try image(i)
            scene.images.append(image)
            usable.append(ok)
        }
        for i in textures.indices { scene.textures.append(try texture(i, usableImages: usable)) }
        for i in materials.indices { scene.materials.append(try material(i)) }
        for i in meshes.indices { scene.meshes.append(try mesh(i, variantCount: scene.variants.count)) }
        for i in cameras.indices { scene.cameras.append(try camera(i)) }
        for i in nodes.indices { scene.nodes.append(try node(i)) }
        let parents = try checkNodeGraph(scene.nodes)
        (scene.scenes, scene.defaultScene) = try sceneRoots(parents: parents)

        let animations = try root.count("animations")
        if animations > 0 { warn("animations", "\(animations) animation(s) ignored: the static pose is drawn") }
        let skins = try root.count("skins")
        if skins > 0 { warn("skins", "\(skins) skin(s) ignored: skinned meshes are drawn in their bind pose") }
        padTexCoords(&scene)
        warnUnused(scene)

        let drawn = scene.triangleCount()
        guard drawn <= options.maxTriangles else {
            throw .limitExceeded(
                file: file, jsonPath: "scenes[\(scene.defaultScene)]", what: "triangles drawn by the default scene",
                value: drawn, limit: options.maxTriangles)
        }
        scene.warnings = warnings
        if suppressedWarnings > 0 {
            scene.warnings.append(SceneWarning(path: "", message: "\(suppressedWarnings) more warnings not listed"))
        }
        return scene
    }

    /// Refuses unsupported required extensions; warns about unsupported used ones.
    private mutating func checkExtensions() throws(SceneError) {
        for node in try root.array("extensionsRequired") ?? [] {
            let name = try node.asString()
            if !GLTFImporter.supportedExtensions.contains(name) {
                throw .unsupportedExtension(file: file, jsonPath: node.path, name: name)
            }
        }
        for node in try root.array("extensionsUsed") ?? [] {
            let name = try node.asString()
            guard !GLTFImporter.supportedExtensions.contains(name) else { continue }
            switch name {
            case "KHR_draco_mesh_compression", "EXT_meshopt_compression":
                warn(node.path, "extension \(name) is not supported: the uncompressed fallback data is drawn")
            case "KHR_texture_basisu", "EXT_texture_webp", "MSFT_texture_dds":
                warn(node.path, "extension \(name) is not supported: the PNG/JPEG fallback images are used")
            default:
                warn(node.path, "extension \(name) is not supported: ignored")
            }
        }
    }

    /// Names of the `KHR_materials_variants` variants, in file order.
    private func variantNames() throws(SceneError) -> [String] {
        guard let ext = try root.member("extensions")?.member("KHR_materials_variants") else { return [] }
        var names: [String] = []
        for (i, v) in try ext.required("variants").elements().enumerated() {
            names.append(try v.string("name") ?? "variant \(i)")
        }
        return names
    }

    /// Warns about data nothing draws: meshes no node uses, nodes in no scene, accessors no
    /// mesh reads (animation and skin data included, as Vitrine ignores those).
    private mutating func warnUnused(_ scene: Scene) {
        let drawnMeshes = Set(scene.nodes.compactMap(\.mesh))
        for m in scene.meshes.indices where !drawnMeshes.contains(m) {
            warn("meshes[\(m)]", "mesh is not used by any node: not drawn")
        }
        var inScene = [Bool](repeating: false, count: scene.nodes.count)
        var stack = scene.scenes.flatMap(\.nodes)
        while let n = stack.popLast() {
            if inScene[n] { continue }
            inScene[n] = true
            stack += scene.nodes[n].children
        }
        let outside = inScene.indices.filter { !inScene[$0] }
        if !outside.isEmpty {
            warn("nodes", "\(outside.count) node(s) in no scene, not drawn: \(Self.list(outside, "nodes"))")
        }
        let unread = accessors.indices.filter { !usedAccessors.contains($0) }
        if !unread.isEmpty {
            warn("accessors", "\(unread.count) accessor(s) not read by any mesh: \(Self.list(unread, "accessors"))")
        }
    }

    /// `nodes[3], nodes[7], ...` (at most 8 listed).
    private static func list(_ indices: [Int], _ name: String) -> String {
        let shown = indices.prefix(8).map { "\(name)[\($0)]" }.joined(separator: ", ")
        return indices.count > 8 ? shown + ", ..." : shown
    }

    /// Gives every primitive the UV sets its materials (and variant materials) sample, filled
    /// with zeros where the file has none, so that renderers can index `texcoords[texCoord]`
    /// without checking.
    private mutating func padTexCoords(_ scene: inout Scene) {
        for m in scene.meshes.indices {
            for p in scene.meshes[m].primitives.indices {
                let primitive = scene.meshes[m].primitives[p]
                guard primitive.vertexCount > 0 else { continue }
                var materialIndices = primitive.variantMappings.map(\.material)
                if let material = primitive.material { materialIndices.append(material) }
                let needed =
                    materialIndices.flatMap { scene.materials[$0].textureBindings }.map { $0.texCoord + 1 }
                    .max() ?? 0
                guard primitive.texcoords.count < needed else { continue }
                warn(
                    "meshes[\(m)].primitives[\(p)]",
                    "material samples TEXCOORD_\(needed - 1) but the primitive has \(primitive.texcoords.count) "
                        + "UV set(s): zeros used")
                let zeros = [SIMD2<Float>](repeating: .zero, count: primitive.vertexCount)
                while scene.meshes[m].primitives[p].texcoords.count < needed {
                    scene.meshes[m].primitives[p].texcoords.append(zeros)
                }
            }
        }
    }
}
