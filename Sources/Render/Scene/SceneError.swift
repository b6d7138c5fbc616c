/// Why a 3D file could not be imported.
///
/// Every case names the file and where in it the problem is: a JSON path in glTF's own
/// terms (`meshes[3].primitives[0].attributes.POSITION`), a byte offset for the GLB
/// container, or a line number for OBJ and MTL. When the fault lies in an object that another
/// one refers to, the path is where it was used and the message names the object
/// (`accessors[7]`), so both places can be found.
///
/// ```
/// helmet.glb: meshes[3].primitives[0].attributes.POSITION: accessors[7] reads past the end of bufferViews[2] ...
/// ```
public enum SceneError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A file could not be read (missing, not a regular file, unreadable).
    case unreadable(file: String, jsonPath: String, reason: String)
    /// The file's format is not one Vitrine imports (extension and magic bytes unknown).
    case unsupportedFormat(file: String, reason: String)
    /// The GLB container is malformed (header, chunk lengths, chunk order).
    case invalidGLB(file: String, byteOffset: Int, reason: String)
    /// The JSON text is malformed (syntax, UTF-8, nesting too deep).
    case invalidJSON(file: String, byteOffset: Int, reason: String)
    /// A property is missing, has the wrong type or a value out of its range.
    case invalidValue(file: String, jsonPath: String, reason: String)
    /// An index points at an object that does not exist.
    case unresolvedReference(file: String, jsonPath: String, kind: String, index: Int, count: Int)
    /// An accessor, buffer view or buffer does not describe readable data.
    case invalidData(file: String, jsonPath: String, reason: String)
    /// A URI is not allowed or cannot be decoded (path escapes, schemes, bad base64).
    case invalidURI(file: String, jsonPath: String, uri: String, reason: String)
    /// An image is not a PNG or JPEG, or its bytes are broken.
    case invalidImage(file: String, jsonPath: String, reason: String)
    /// The node graph is not a forest (cycles, nodes with two parents).
    case invalidNodeGraph(file: String, jsonPath: String, reason: String)
    /// The file needs an extension Vitrine does not implement (`extensionsRequired`).
    case unsupportedExtension(file: String, jsonPath: String, name: String)
    /// A size or count is above an ``ImportOptions`` limit.
    case limitExceeded(file: String, jsonPath: String, what: String, value: Int, limit: Int)
    /// An OBJ or MTL line could not be read.
    case invalidOBJ(file: String, line: Int, reason: String)

    /// The file the error is about.
    public var file: String {
        switch self {
        case .unreadable(let file, _, _), .unsupportedFormat(let file, _), .invalidGLB(let file, _, _),
            .invalidJSON(let file, _, _), .invalidValue(let file, _, _),
            .unresolvedReference(let file, _, _, _, _), .invalidData(let file, _, _),
            .invalidURI(let file, _, _, _), .invalidImage(let file, _, _), .invalidNodeGraph(let file, _, _),
            .unsupportedExtension(let file, _, _), .limitExceeded(let file, _, _, _, _), .invalidOBJ(let file, _, _):
            return file
        }
    }

    /// Where in the file: a JSON path, `byte N`, `line N`, or empty for the whole file.
    public var location: String {
        switch self {
        case .unsupportedFormat: return ""
        case .invalidGLB(_, let offset, _), .invalidJSON(_, let offset, _): return "byte \(offset)"
        case .invalidOBJ(_, let line, _): return "line \(line)"
        case .unreadable(_, let path, _), .invalidValue(_, let path, _), .unresolvedReference(_, let path, _, _, _),
            .invalidData(_, let path, _), .invalidURI(_, let path, _, _), .invalidImage(_, let path, _),
            .invalidNodeGraph(_, let path, _), .unsupportedExtension(_, let path, _),
            .limitExceeded(_, let path, _, _, _):
            return path
        }
    }

    /// What is wrong, without the file and location.
    public var reason: String {
        switch self {
        case .unreadable(_, _, let reason), .unsupportedFormat(_, let reason), .invalidGLB(_, _, let reason),
            .invalidJSON(_, _, let reason), .invalidValue(_, _, let reason), .invalidData(_, _, let reason),
            .invalidImage(_, _, let reason), .invalidNodeGraph(_, _, let reason), .invalidOBJ(_, _, let reason):
            return reason
        case .unresolvedReference(_, _, let kind, let index, let count):
            return count == 0
                ? "\(kind) \(index) does not exist (the file has no \(kind)s)"
                : "\(kind) \(index) does not exist (the file has \(count), 0...\(count - 1))"
        case .invalidURI(_, _, let uri, let reason):
            return "URI '\(SceneError.shortened(uri))' \(reason)"
        case .unsupportedExtension(_, _, let name):
            return "the file requires extension \(name), which Vitrine does not support"
        case .limitExceeded(_, _, let what, let value, let limit):
            return "\(what) \(value) is above the limit of \(limit) (ImportOptions)"
        }
    }

    public var description: String {
        let where_ = location
        return where_.isEmpty ? "\(file): \(reason)" : "\(file): \(where_): \(reason)"
    }

    /// URIs can be megabytes of base64: keep messages short.
    static func shortened(_ uri: String) -> String {
        uri.count <= 80 ? uri : String(uri.prefix(60)) + "...(\(uri.utf8.count) bytes)"
    }
}
