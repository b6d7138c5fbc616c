/// Why a frame could not be rendered: each case names what to change.
public enum RenderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `width` or `height` is outside `1...maxSide`.
    case invalidSize(width: Int, height: Int, maxSide: Int)
    /// The sample count is not one of the supported ones.
    case unsupportedSampleCount(Int, supported: [Int])
    /// No material variant has this name.
    case unknownVariant(String, available: [String])
    /// The glTF camera index does not exist, or no node of the drawn scene uses it.
    case cameraIndexOutOfRange(Int, count: Int)
    /// The glTF camera exists but no node of the drawn scene instances it.
    case cameraNotInScene(Int, scene: Int)
    /// The scene index does not exist.
    case sceneIndexOutOfRange(Int, count: Int)
    /// The drawn scene has no triangles, so there is nothing to frame.
    case emptyScene(source: String, scene: Int)
    /// The camera's matrices cannot be used (singular or not finite).
    case invalidCamera(reason: String)
    /// A camera JSON file is malformed.
    case invalidCameraJSON(file: String, reason: String)
    /// An option has a value the renderer cannot use.
    case invalidOption(name: String, reason: String)
    /// The scene is larger than the renderer accepts.
    case sceneTooLarge(source: String, reason: String)
    /// A hand-built scene breaks the scene model's rules (an index out of range, attribute
    /// arrays of the wrong length).
    case invalidScene(source: String, path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidSize(let w, let h, let maxSide):
            return "image size \(w)x\(h) is not allowed: width and height must be in 1...\(maxSide)"
        case .unsupportedSampleCount(let n, let supported):
            return
                "\(n) samples per pixel is not supported; use one of \(supported.map(String.init).joined(separator: ", "))"
        case .unknownVariant(let name, let available):
            let list =
                available.isEmpty ? "the model has no variants" : "available: \(available.joined(separator: ", "))"
            return "unknown material variant \"\(name)\" (\(list))"
        case .cameraIndexOutOfRange(let i, let count):
            return "glTF camera \(i) does not exist (the file has \(count) camera\(count == 1 ? "" : "s"))"
        case .cameraNotInScene(let i, let scene):
            return "glTF camera \(i) is not used by any node of scene \(scene)"
        case .sceneIndexOutOfRange(let i, let count):
            return "scene \(i) does not exist (the file has \(count) scene\(count == 1 ? "" : "s"))"
        case .emptyScene(let source, let scene):
            return "\(source): scene \(scene) has no triangles to draw"
        case .invalidCamera(let reason):
            return "the camera cannot be used: \(reason)"
        case .invalidCameraJSON(let file, let reason):
            return "\(file): invalid camera JSON: \(reason)"
        case .invalidOption(let name, let reason):
            return "invalid \(name): \(reason)"
        case .sceneTooLarge(let source, let reason):
            return "\(source): \(reason)"
        case .invalidScene(let source, let path, let reason):
            return "\(source): \(path): \(reason)"
        }
    }
}
