import Foundation

/// Imports Wavefront OBJ files with their MTL material libraries and texture maps.
///
/// Each `o`/`g` group becomes a node with one mesh, split into one primitive per `usemtl`
/// material; polygons are triangulated as fans; vertex positions, UVs and normals are
/// de-duplicated per primitive. OBJ has no units: coordinates are kept as written. MTL
/// materials become metallic-roughness materials (see ``OBJImporter/material(_:)`` and
/// `docs/import.md`).
///
/// ```swift
/// let scene = try OBJImporter.importOBJ(objBytes, name: "mug.obj", baseURL: folder)
/// ```
public enum OBJImporter {
    /// Imports OBJ text from memory.
    /// - Parameters:
    ///   - bytes: the `.obj` text.
    ///   - name: file name for messages.
    ///   - baseURL: folder of `mtllib` files and maps, or `nil` (then they are skipped with a warning).
    ///   - options: limits.
    /// - Throws: ``SceneError``.
    public static func importOBJ(
        _ bytes: [UInt8], name: String, baseURL: URL?, options: ImportOptions = .init()
    ) throws(SceneError) -> Scene {
        guard bytes.count <= options.maxFileBytes else {
            throw .limitExceeded(
                file: name, jsonPath: "", what: "file size in bytes", value: bytes.count, limit: options.maxFileBytes)
        }
        let stem = (name as NSString).deletingPathExtension
        let obj = try OBJParser.parse(bytes, file: name, defaultGroup: stem.isEmpty ? name : stem, options: options)
        var builder = OBJSceneBuilder(
            file: name, baseURL: options.allowExternalFiles ? baseURL : nil, options: options, bytesRead: bytes.count)
        for w in obj.warnings {
            builder.scene.warnings.append(SceneWarning(path: "line \(w.line)", message: w.message))
        }
        try builder.loadMaterials(obj.materialLibraries)
        try builder.addGroups(obj)
        return builder.scene
    }

    /// The metallic-roughness material of an MTL entry (textures resolved by the caller).
    ///
    /// - base colour = `Kd` (default 1) with alpha `d` (or `1 - Tr`); alpha < 1 blends;
    /// - metallic = `Pm`, else 0;
    /// - roughness = `Pr`, else `(2 / (Ns + 2))^(1/4)`: the Blinn-Phong exponent mapped to a
    ///   GGX alpha of `sqrt(2 / (Ns + 2))` (Walter et al. 2007), then to perceptual roughness
    ///   (`sqrt(alpha)`); without `Ns` the roughness is 1;
    /// - emissive = `Ke` (values above 1 go into `emissiveStrength`).
    static func material(_ e: MTLParser.Entry) -> Material {
        var m = Material()
        m.name = e.name
        let kd = e.kd ?? SIMD3(1, 1, 1)
        let alpha = min(max(e.dissolve ?? 1, 0), 1)
        m.baseColorFactor = SIMD4(kd.clamped(lowerBound: .zero, upperBound: .one), alpha)
        if alpha < 1 { m.alphaMode = .blend }
        m.metallicFactor = min(max(e.metallic ?? 0, 0), 1)
        if let pr = e.roughness {
            m.roughnessFactor = min(max(pr, 0), 1)
        } else if let ns = e.ns {
            m.roughnessFactor = min(max(Float(pow(2 / (Double(max(ns, 0)) + 2), 0.25)), 0), 1)
        }
        if let ke = e.ke {
            let peak = ke.max()
            if peak > 1 {
                m.emissiveFactor = ke / peak
                m.emissiveStrength = peak
            } else {
                m.emissiveFactor = ke.clamped(lowerBound: .zero, upperBound: .one)
            }
        }
        return m
    }
}
