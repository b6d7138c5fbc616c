import NIOConcurrencyHelpers

/// Counts requests admitted and not finished, up to a limit, for work that holds memory before
/// the pool can refuse it (a try-on post buffers its whole body first). Past the limit a
/// request is refused at once (`503`), before its body is read, so a flood of posts costs
/// at most `limit` bodies in memory.
///
/// ```swift
/// guard gate.tryEnter() else { throw PoolError.overloaded(retryAfterSeconds: 1) }
/// defer { gate.leave() }
/// ```
public final class AdmissionGate: Sendable {
    /// Requests admitted at the same time at most.
    public let limit: Int
    private let admitted = NIOLockedValueBox(0)

    /// Creates a gate admitting `limit` requests at once (at least 1).
    public init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Admits one more request unless `limit` are in; each `true` needs one ``leave()``.
    public func tryEnter() -> Bool {
        admitted.withLockedValue { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    /// Ends an admitted request.
    public func leave() {
        admitted.withLockedValue { $0 = max(0, $0 - 1) }
    }

    /// Requests admitted now.
    public var current: Int { admitted.withLockedValue { $0 } }
}
