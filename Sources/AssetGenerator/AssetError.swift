/// Errors of the sample-asset generator.
public enum AssetError: Error, CustomStringConvertible {
    /// A generated picture could not be encoded.
    case encodeFailed(asset: String, reason: String)
    /// The output folder could not be written.
    case writeFailed(path: String, reason: String)

    /// A message that says what failed and where.
    public var description: String {
        switch self {
        case .encodeFailed(let asset, let reason): return "\(asset): could not encode a texture: \(reason)"
        case .writeFailed(let path, let reason): return "\(path): could not write: \(reason)"
        }
    }
}
