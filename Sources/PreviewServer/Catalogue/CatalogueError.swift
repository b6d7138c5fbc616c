/// Asset catalogue failures, each mapped to one HTTP status in `Errors/`.
public enum CatalogueError: Error, CustomStringConvertible, Equatable {
    /// The id is not a valid asset id (`400`).
    case invalidID(String)
    /// No asset has this id (`404`).
    case notFound(String)
    /// A stored asset cannot be imported (`500`: the server's own file is bad).
    case importFailed(id: String, message: String)
    /// An uploaded model is not a valid `.glb` (`422`); nothing stored was changed.
    case invalidUpload(message: String)
    /// The asset is a `.gltf` with external files, which an upload cannot replace (`409`).
    case notReplaceable(id: String, path: String)
    /// Writing an upload failed (`507`); nothing stored was changed.
    case storeFailed(message: String)
    /// The asset's file was replaced while it was being imported (`503` + `Retry-After`): the
    /// scene read belongs to neither the old content hash nor, surely, the new one.
    case changedWhileLoading(id: String)

    public var description: String {
        switch self {
        case .invalidID(let id):
            return "invalid asset id '\(id.prefix(80))': expected 1-64 characters of a-z, 0-9, '-' or '_'"
        case .notFound(let id): return "no asset '\(id)'"
        case .importFailed(let id, let message): return "asset '\(id)' cannot be imported: \(message)"
        case .invalidUpload(let message): return "invalid upload: \(message)"
        case .notReplaceable(let id, let path):
            return "asset '\(id)' is \(path) (a .gltf with external files); delete it before uploading a .glb"
        case .storeFailed(let message): return "could not store the upload: \(message)"
        case .changedWhileLoading(let id): return "asset '\(id)' was replaced while it was being loaded, retry"
        }
    }
}
