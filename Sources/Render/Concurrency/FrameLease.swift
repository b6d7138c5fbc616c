import Foundation

/// A first-come, first-served lock: the ``Renderer``'s frames take the worker pool in the order
/// they asked for it, so concurrent callers are served fairly and none starves.
///
/// A ticket lock: each caller draws the next ticket and waits until it is served.
public final class FrameLease: @unchecked Sendable {
    private let condition = NSCondition()
    private var nextTicket = 0
    private var serving = 0

    /// Creates an unlocked lease.
    public init() {}

    /// Runs `body` once every earlier caller has finished, holding the lease meanwhile.
    /// - Parameter body: the work done while holding the lease.
    /// - Returns: what `body` returns.
    /// - Throws: what `body` throws (the lease is released either way).
    public func withLease<T>(_ body: () throws -> T) rethrows -> T {
        condition.lock()
        let ticket = nextTicket
        nextTicket &+= 1
        while serving != ticket { condition.wait() }
        condition.unlock()
        defer {
            condition.lock()
            serving &+= 1
            condition.broadcast()
            condition.unlock()
        }
        return try body()
    }

    /// Callers waiting or running (for metrics and tests).
    public var queueLength: Int {
        condition.lock()
        defer { condition.unlock() }
        return nextTicket &- serving
    }
}
