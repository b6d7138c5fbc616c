import Foundation

/// The one entry point for importing a 3D file: picks the importer from the file's
/// extension, or from its first bytes when the extension is unknown.
///
/// ```swift
/// let scene = try SceneLoader.load(contentsOf: URL(fileURLWithPath: "shoe.glb"))
/// print(scene.triangleCount(), scene.bounds() as Any)
/// ```
public enum SceneLoader {
    /// The formats Vitrine imports.
    public enum Format: String, Sendable, CaseIterable {
        case gltf, glb, obj
    }

    /// Imports a `.gltf`, `.glb` or `.obj` file. External files (buffers, images, MTL
    /// libraries) resolve against the file's folder and may not leave it.
    /// - Parameters:
    ///   - url: the file.
    ///   - options: limits.
    /// - Returns: the validated scene, with any warnings in ``Scene/warnings``.
    /// - Throws: ``SceneError`` naming the file and where in it the problem is.
    public static func load(contentsOf url: URL, options: ImportOptions = .init()) throws(SceneError) -> Scene {
        let name = url.lastPathComponent
        let bytes = try AssetFile.read(url, maxBytes: options.maxFileBytes, file: name, jsonPath: "")
        return try load(bytes, name: name, baseURL: url.deletingLastPathComponent(), options: options)
    }

    /// Imports a file held in memory (an upload, say).
    /// - Parameters:
    ///   - bytes: the file's bytes.
    ///   - name: its name; the extension chooses the format when it is known.
    ///   - baseURL: folder of external files, or `nil` to accept only embedded data.
    ///   - options: limits.
    /// - Throws: ``SceneError``.
    public static func load(
        _ bytes: [UInt8], name: String, baseURL: URL?, options: ImportOptions = .init()
    ) throws(SceneError) -> Scene {
        guard let format = format(name: name, bytes: bytes) else {
            throw .unsupportedFormat(
                file: name, reason: "not a glTF (.gltf, .glb) or OBJ (.obj) file, by extension or content")
        }
        switch format {
        case .glb: return try GLTFImporter.importGLB(bytes, name: name, baseURL: baseURL, options: options)
        case .gltf: return try GLTFImporter.importGLTF(bytes, name: name, baseURL: baseURL, options: options)
        case .obj: return try OBJImporter.importOBJ(bytes, name: name, baseURL: baseURL, options: options)
        }
    }

    /// The format of a file: a GLB magic wins over the extension (a `.gltf` that is really
    /// binary still loads); otherwise the extension; otherwise the content (`{` for glTF JSON,
    /// an OBJ keyword at the start of a line).
    public static func format(name: String, bytes: [UInt8]) -> Format? {
        if GLBContainer.hasMagic(bytes) { return .glb }
        switch (name as NSString).pathExtension.lowercased() {
        case "glb": return .glb
        case "gltf": return .gltf
        case "obj": return .obj
        default: break
        }
        guard let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return nil }
        if first == UInt8(ascii: "{") { return .gltf }
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        for line in head.split(whereSeparator: \.isNewline) {
            let keyword = line.split(separator: " ").first ?? ""
            if ["v", "vt", "vn", "f", "o", "g", "mtllib", "usemtl"].contains(keyword) { return .obj }
        }
        return nil
    }
}
