import Foundation
import Render

/// The calls each fuzz target makes with one input, shared by the libFuzzer binary
/// (`Fuzz/VitrineFuzz`) and the regression tests that replay saved inputs in `make test`.
/// Every function either returns or throws the parser's typed error; anything else (a trap,
/// a sanitizer report, a hang) is a bug.
public enum FuzzReplay {
    /// Separates the OBJ text from the MTL text in an `obj` input.
    public static let mtlSeparator = Array("\n#MTL\n".utf8)

    /// Imports `bytes` as a glTF (JSON) or GLB (binary, by its magic) held in memory, then
    /// walks the scene as the renderer would (draw list, bounds, triangle count).
    /// - Returns: the number of triangles.
    /// - Throws: `SceneError`.
    /// With `VITRINE_FUZZ_GLTF_BASE` set to a folder, external buffers and images are read
    /// from it (used to replay a folder of real files, e.g. `../shared/badinput/gltf/x/`, under
    /// AddressSanitizer: `scripts/fuzz-replay-badinput`).
    public static func gltf(_ bytes: [UInt8]) throws -> Int {
        let scene = try SceneLoader.load(bytes, name: "fuzz.gltf", baseURL: gltfBase, options: options)
        return walk(scene)
    }

    static let gltfBase: URL? = ProcessInfo.processInfo.environment["VITRINE_FUZZ_GLTF_BASE"].map {
        URL(fileURLWithPath: $0, isDirectory: true)
    }

    /// Imports `bytes` as OBJ. When the input contains ``mtlSeparator``, what follows is
    /// written as `fuzz.mtl` into a private folder and the OBJ (with `mtllib fuzz.mtl`
    /// prepended) is loaded from that folder, so the MTL parser and the material mapping run.
    /// - Returns: the number of triangles.
    /// - Throws: `SceneError`, or a file error if the temporary folder cannot be written.
    public static func obj(_ bytes: [UInt8]) throws -> Int {
        guard let split = firstRange(of: mtlSeparator, in: bytes) else {
            return walk(try SceneLoader.load(bytes, name: "fuzz.obj", baseURL: nil, options: options))
        }
        let objText = Array("mtllib fuzz.mtl\n".utf8) + bytes[..<split.lowerBound]
        let mtlText = Array(bytes[split.upperBound...])
        try Data(mtlText).write(to: scratch.appendingPathComponent("fuzz.mtl"))
        return walk(try SceneLoader.load(objText, name: "fuzz.obj", baseURL: scratch, options: options))
    }

    /// Probes and decodes `bytes` as PNG or JPEG (sniffed), and as 16-bit PNG.
    /// - Returns: the decoded pixel count.
    /// - Throws: `ImageError`.
    public static func image(_ bytes: [UInt8]) throws -> Int {
        let info = try ImageCodec.probe(bytes)
        let image = try ImageCodec.decodeRGBA8(bytes)
        if info.format == .png { _ = try PNGCodec.decodeRGBA16(bytes) }
        return image.width * image.height
    }

    /// Decodes `bytes` as a Radiance HDR.
    /// - Returns: the decoded pixel count.
    /// - Throws: `ImageError`.
    public static func hdr(_ bytes: [UInt8]) throws -> Int {
        let image = try HDRCodec.decode(bytes)
        return image.width * image.height
    }

    /// Parses `bytes` as try-on keypoints and builds the body model of a 1080x1440 photo.
    /// - Returns: the number of people.
    /// - Throws: `TryOnError`.
    public static func keypoints(_ bytes: [UInt8]) throws -> Int {
        let keypoints = try PoseKeypoints.parse(bytes)
        let body = try BodyModel(keypoints, photoWidth: 1080, photoHeight: 1440)
        _ = body.scaled(toWidth: 540, height: 720)
        for point in BodyPoint.allCases { _ = body.usable(point) }
        return keypoints.people.count
    }

    /// Import limits for fuzzing: the service's defaults, except external files (only the
    /// private scratch folder is ever a base URL).
    static let options = ImportOptions()

    /// A folder private to this process for the MTL half of `obj` inputs.
    static let scratch: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("vitrine-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    static func walk(_ scene: Scene) -> Int {
        _ = scene.drawList()
        _ = scene.bounds()
        return scene.triangleCount()
    }

    static func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count)
        where haystack[start] == needle[0] && haystack[start..<start + needle.count].elementsEqual(needle) {
            return start..<start + needle.count
        }
        return nil
    }
}
