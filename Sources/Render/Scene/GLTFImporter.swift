import Foundation

/// Imports glTF 2.0 files (`.gltf` JSON with external or embedded data, and binary `.glb`).
///
/// Every reference, range and count in the file is checked before it is used; a bad file
/// throws a ``SceneError`` that names the file and the JSON path, and never crashes or
/// allocates without bound. See `docs/import.md` for the supported extensions and limits.
///
/// ```swift
/// let scene = try GLTFImporter.importGLB(uploadBytes, name: "shoe.glb", baseURL: nil)
/// print(scene.triangleCount(), scene.warnings)
/// ```
public enum GLTFImporter {
    /// Extensions Vitrine reads; a file that requires any other one is refused.
    public static let supportedExtensions: Set<String> = [
        "KHR_texture_transform", "KHR_materials_emissive_strength", "KHR_materials_variants",
        "KHR_mesh_quantization", "KHR_materials_unlit", "KHR_materials_sheen", "KHR_materials_clearcoat",
        "KHR_materials_transmission",
    ]

    /// Imports glTF JSON from memory.
    /// - Parameters:
    ///   - bytes: the `.gltf` text.
    ///   - name: file name for messages.
    ///   - baseURL: folder for external buffers and images, or `nil` to accept only data URIs.
    ///   - options: limits.
    /// - Throws: ``SceneError``.
    public static func importGLTF(
        _ bytes: [UInt8], name: String, baseURL: URL?, options: ImportOptions = .init()
    ) throws(SceneError) -> Scene {
        try checkSize(bytes.count, name: name, options: options)
        return try build(
            json: bytes, jsonOffset: 0, glbBinary: nil, isGLB: false, name: name, baseURL: baseURL, options: options,
            bytesRead: bytes.count, warnings: [])
    }

    /// Imports a binary glTF (GLB) from memory: header, JSON chunk, BIN chunk (images may sit
    /// in buffer views of the BIN chunk).
    /// - Parameters:
    ///   - bytes: the `.glb` file.
    ///   - name: file name for messages.
    ///   - baseURL: folder for external buffers and images, or `nil` to accept only embedded data.
    ///   - options: limits.
    /// - Throws: ``SceneError``.
    public static func importGLB(
        _ bytes: [UInt8], name: String, baseURL: URL?, options: ImportOptions = .init()
    ) throws(SceneError) -> Scene {
        try checkSize(bytes.count, name: name, options: options)
        let container = try GLBContainer.parse(bytes, file: name)
        let binary = container.bin.map { Array(bytes[$0]) }
        return try build(
            json: Array(bytes[container.json]), jsonOffset: container.json.lowerBound, glbBinary: binary, isGLB: true,
            name: name, baseURL: baseURL, options: options, bytesRead: bytes.count, warnings: container.warnings)
    }

    private static func checkSize(_ count: Int, name: String, options: ImportOptions) throws(SceneError) {
        guard count <= options.maxFileBytes else {
            throw .limitExceeded(
                file: name, jsonPath: "", what: "file size in bytes", value: count, limit: options.maxFileBytes)
        }
    }

    // MARK: - Assembly

    private static func build(
        json: [UInt8], jsonOffset: Int, glbBinary: [UInt8]?, isGLB: Bool, name: String, baseURL: URL?,
        options: ImportOptions, bytesRead: Int, warnings: [SceneWarning]
    ) throws(SceneError) -> Scene {
        guard json.count <= options.maxJSONBytes else {
            throw .limitExceeded(
                file: name, jsonPath: "", what: "JSON size in bytes", value: json.count, limit: options.maxJSONBytes)
        }
        let value: JSONValue
        do {
            value = try json.withUnsafeBufferPointer { buffer throws(JSONParser.Failure) in
                try JSONParser.parse(buffer, maxDepth: options.maxJSONDepth)
            }
        } catch {
            throw .invalidJSON(file: name, byteOffset: jsonOffset + error.byteOffset, reason: error.reason)
        }
        let root = JSONNode(value: value, path: "", file: name)
        _ = try root.members()
        let assetWarnings = try checkAsset(root)
        var reader = try GLTFReader(
            file: name, root: root, options: options, baseURL: baseURL, glbBinary: glbBinary, isGLB: isGLB,
            bytesRead: bytesRead)
        reader.warnings = warnings + assetWarnings
        return try reader.makeScene()
    }

    /// `asset.version` must be 2.x. A `minVersion` above 2.0 gets a warning: glTF 2.x minor
    /// versions are meant to stay readable by 2.0 loaders.
    private static func checkAsset(_ root: JSONNode) throws(SceneError) -> [SceneWarning] {
        let asset = try root.required("asset")
        let versionNode = try asset.required("version")
        let version = try versionNode.asString()
        guard let major = majorMinor(version)?.major else {
            throw versionNode.error("version '\(version)' is not of the form major.minor")
        }
        guard major == 2 else { throw versionNode.error("glTF \(version) is not supported (only 2.x)") }
        if let minNode = try asset.member("minVersion") {
            let min = try minNode.asString()
            guard let mm = majorMinor(min), mm.major == 2 else {
                throw minNode.error("minVersion \(min) is not a glTF 2.x version")
            }
            if mm.minor > 0 {
                return [
                    SceneWarning(path: minNode.path, message: "minVersion \(min) is newer than glTF 2.0: read as 2.0")
                ]
            }
        }
        return []
    }

    private static func majorMinor(_ text: String) -> (major: Int, minor: Int)? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let major = Int(parts[0]), let minor = Int(parts[1]), major >= 0, minor >= 0 else {
            return nil
        }
        return (major, minor)
    }
}
