/// Errors of the service's render backend.
public enum BackendError: Error, CustomStringConvertible, Equatable {
    /// The `env` parameter named an environment that does not exist.
    case unknownEnvironment(String)
    /// An environment file could not be read or decoded.
    case environmentUnreadable(name: String, message: String)
    /// An upload that is not a binary glTF.
    case notGLB(name: String)
    /// A prepared asset that another backend made.
    case foreignAsset

    public var description: String {
        switch self {
        case .unknownEnvironment(let name): return "unknown environment '\(name)'"
        case .environmentUnreadable(let name, let message): return "environment '\(name)' cannot be loaded: \(message)"
        case .notGLB(let name): return "\(name) is not a binary glTF (.glb): the file must start with 'glTF'"
        case .foreignAsset: return "the prepared asset was not made by this backend"
        }
    }
}
