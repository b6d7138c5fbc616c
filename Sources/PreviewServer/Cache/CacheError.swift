#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Failures of the frame cache's disk tier. None of them reaches a client: the service logs
/// them, counts them in `/metrics` and serves without the disk tier.
public enum CacheError: Error, CustomStringConvertible, Equatable {
    /// A system call on `path` failed with `errno`.
    case io(operation: String, path: String, errno: Int32)
    /// An entry failed verification and was discarded.
    case corrupt(path: String, reason: String)

    public var description: String {
        switch self {
        case .io(let operation, let path, let code):
            return "\(operation) \(path): \(String(cString: strerror(code)))"
        case .corrupt(let path, let reason):
            return "\(path): corrupt cache entry (\(reason))"
        }
    }
}
