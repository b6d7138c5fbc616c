import Foundation

/// Builds a ``Scene`` from parsed OBJ data: materials and textures from the MTL libraries,
/// then one node and mesh per group with de-duplicated vertices.
struct OBJSceneBuilder {
    let file: String
    let baseURL: URL?
    let options: ImportOptions
    var bytesRead: Int
    var scene: Scene
    /// Material index by `newmtl` name.
    var materialIndex: [String: Int] = [:]
    /// Image index by resolved path, texture index by (image, clamp).
    private var imageIndex: [String: Int] = [:]
    private var textureIndex: [SIMD2<Int32>: Int] = [:]

    init(file: String, baseURL: URL?, options: ImportOptions, bytesRead: Int) {
        self.file = file
        self.baseURL = baseURL
        self.options = options
        self.bytesRead = bytesRead
        self.scene = Scene(source: file)
    }

    mutating func warn(_ path: String, _ message: String) {
        scene.warnings.append(SceneWarning(path: path, message: message))
    }

    // MARK: - Materials

    /// Reads every `mtllib`. A library that does not exist gets a warning (OBJ files often
    /// travel without theirs); one whose path leaves the folder is an error.
    mutating func loadMaterials(_ libraries: [(name: String, line: Int)]) throws(SceneError) {
        for (name, line) in libraries {
            let path = "line \(line)"
            guard let baseURL else {
                warn(path, "material library \(name) skipped: no folder to read it from")
                continue
            }
            guard case .file(let url) = try AssetURI.resolve(name, baseURL: baseURL, file: file, jsonPath: path) else {
                throw .invalidOBJ(file: file, line: line, reason: "mtllib must name a file, not a data: URI")
            }
            guard FileManager.default.fileExists(atPath: url.path) else {
                warn(path, "material library \(name) not found: default materials used")
                continue
            }
            let bytes = try readExternal(url, jsonPath: path)
            var libraryWarnings: [SceneWarning] = []
            let entries = try MTLParser.parse(bytes, file: name) { line, message in
                libraryWarnings.append(SceneWarning(path: "\(name) line \(line)", message: message))
            }
            scene.warnings += libraryWarnings
            for entry in entries {
                if materialIndex[entry.name] != nil {
                    warn("\(name) line \(entry.line)", "material \(entry.name) defined twice: the first is used")
                    continue
                }
                var m = OBJImporter.material(entry)
                m.baseColorTexture = try binding(entry.mapKd, library: name)
                m.emissiveTexture = try binding(entry.mapKe, library: name)
                if m.emissiveTexture != nil, entry.ke == nil { m.emissiveFactor = SIMD3(1, 1, 1) }
                m.normalTexture = try binding(entry.mapNormal, library: name)
                m.normalScale = entry.mapNormal?.bumpMultiplier ?? 1
                m.metallicRoughnessTexture = try metallicRoughness(entry, material: &m, library: name)
                materialIndex[entry.name] = scene.materials.count
                scene.materials.append(m)
            }
        }
    }

    /// `map_Pr`/`map_Pm` as a glTF metallic-roughness texture (roughness in G, metalness in B).
    /// One file for both is taken as packed; a greyscale `map_Pr` alone works with metalness 0;
    /// other combinations would need the channels merged, so they are left out with a warning.
    private mutating func metallicRoughness(_ e: MTLParser.Entry, material m: inout Material, library: String)
        throws(SceneError) -> TextureBinding?
    {
        switch (e.mapPr, e.mapPm) {
        case (nil, nil):
            return nil
        case (let pr?, let pm?) where pr.path == pm.path:
            m.metallicFactor = e.metallic ?? 1
            m.roughnessFactor = e.roughness ?? 1
            return try binding(pr, library: library)
        case (let pr?, nil) where m.metallicFactor == 0:
            m.roughnessFactor = e.roughness ?? 1
            return try binding(pr, library: library)
        default:
            warn(
                "\(library) line \((e.mapPr ?? e.mapPm)?.line ?? e.line)",
                "map_Pr/map_Pm in separate files need merging into one texture: left out")
            return nil
        }
    }

    /// A texture binding for a map, or `nil` (with a warning) when its file is missing or not
    /// a PNG/JPEG image.
    private mutating func binding(_ map: MTLParser.Map?, library: String) throws(SceneError) -> TextureBinding? {
        guard let map else { return nil }
        let path = "\(library) line \(map.line)"
        guard let baseURL else {
            warn(path, "texture \(map.path) skipped: no folder to read it from")
            return nil
        }
        guard case .file(let url) = try AssetURI.resolve(map.path, baseURL: baseURL, file: file, jsonPath: path) else {
            throw .invalidOBJ(file: library, line: map.line, reason: "a texture map must name a file")
        }
        let key = url.standardizedFileURL.path
        var image = imageIndex[key]
        if image == nil {
            guard FileManager.default.fileExists(atPath: url.path) else {
                warn(path, "texture \(map.path) not found: left out")
                return nil
            }
            let bytes = try readExternal(url, jsonPath: path)
            switch ImageSniffer.inspect(bytes) {
            case .usable(let mimeType, let width, let height):
                image = scene.images.count
                imageIndex[key] = scene.images.count
                scene.images.append(
                    SceneImage(name: map.path, mimeType: mimeType, data: bytes, width: width, height: height))
            case .unsupported:
                warn(path, "texture \(map.path) is not a PNG or JPEG image: left out")
                return nil
            case .broken(let mimeType, let reason):
                throw .invalidImage(file: file, jsonPath: path, reason: "\(map.path) (\(mimeType)): \(reason)")
            }
        }
        guard let image else { return nil }
        let textureKey = SIMD2<Int32>(Int32(image), map.clamp ? 1 : 0)
        let texture: Int
        if let existing = textureIndex[textureKey] {
            texture = existing
        } else {
            let wrap: Sampler.Wrap = map.clamp ? .clampToEdge : .repeat_
            texture = scene.textures.count
            textureIndex[textureKey] = texture
            scene.textures.append(Texture(image: image, sampler: Sampler(wrapS: wrap, wrapT: wrap)))
        }
        var transform: TextureTransform?
        if map.offset != .zero || map.scale != SIMD2(1, 1) {
            // The geometry's v is flipped (v' = 1 - v), so the offset is flipped with it.
            transform = TextureTransform(
                offset: SIMD2(map.offset.x, 1 - map.scale.y - map.offset.y), rotation: 0, scale: map.scale)
        }
        return TextureBinding(texture: texture, texCoord: 0, transform: transform)
    }

    private mutating func readExternal(_ url: URL, jsonPath: String) throws(SceneError) -> [UInt8] {
        let remaining = max(options.maxTotalBytes - bytesRead, 0)
        let bytes = try AssetFile.read(
            url, maxBytes: min(options.maxFileBytes, remaining), file: file, jsonPath: jsonPath)
        bytesRead += bytes.count
        return bytes
    }
}
