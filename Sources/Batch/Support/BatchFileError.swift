/// A catalogue or golden suite file that cannot be used, with the file and the JSON path of
/// the problem (`presets[1].size: must be in 16...4096`).
public enum BatchFileError: Error, Equatable, CustomStringConvertible {
    /// The file cannot be read or is not JSON.
    case unreadable(file: String, reason: String)
    /// A value is missing, of the wrong type, out of range or unknown.
    case invalid(file: String, path: String, reason: String)

    /// A one-line message naming the file and the JSON path.
    public var description: String {
        switch self {
        case .unreadable(let file, let reason): return "\(file): \(reason)"
        case .invalid(let file, let path, let reason): return "\(file): \(path.isEmpty ? "" : "\(path): ")\(reason)"
        }
    }
}
