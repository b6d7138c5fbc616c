/// Why the pool did not run a job; each becomes `503` with `Retry-After`.
public enum PoolError: Error, CustomStringConvertible, Equatable {
    /// The queue is full.
    case overloaded(retryAfterSeconds: Int)
    /// The job waited past its deadline.
    case expired(retryAfterSeconds: Int)
    /// The service is shutting down.
    case shuttingDown

    public var description: String {
        switch self {
        case .overloaded: return "the render queue is full, retry shortly"
        case .expired: return "the render waited too long in the queue, retry shortly"
        case .shuttingDown: return "the service is shutting down"
        }
    }

    /// Seconds for the `Retry-After` header.
    public var retryAfterSeconds: Int {
        switch self {
        case .overloaded(let seconds), .expired(let seconds): return seconds
        case .shuttingDown: return 5
        }
    }
}
