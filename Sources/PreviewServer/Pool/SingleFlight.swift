import NIOConcurrencyHelpers

/// Identical requests in flight are computed once: the first caller starts the work, later
/// callers with the same key wait for it, and every waiter gets the same result.
///
/// A waiter that is cancelled (its client went away) leaves at once; when the last waiter
/// leaves, the work is cancelled too (a queued render is then never started).
public final class SingleFlight<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private typealias Waiter = CheckedContinuation<Value, any Error>
    private let state = NIOLockedValueBox(State())

    private struct State {
        var machine = SingleFlightStateMachine<Key, Waiter>()
        var tasks: [UInt64: Task<Void, Never>] = [:]
        var nextWaiterID: UInt64 = 0
    }

    /// Creates an empty group.
    public init() {}

    /// Keys in flight now.
    public var inFlight: Int { state.withLockedValue { $0.machine.count } }

    /// The result of `operation` for `key`, shared with identical concurrent calls.
    /// - Returns: the value and whether this call joined a flight started by another.
    /// - Throws: what `operation` throws (to every waiter), or `CancellationError`.
    public func run(
        _ key: Key, _ operation: @escaping @Sendable () async throws -> Value
    ) async throws -> (value: Value, coalesced: Bool) {
        let waiterID = state.withLockedValue {
            $0.nextWaiterID += 1
            return $0.nextWaiterID
        }
        let coalesced = NIOLockedValueBox(false)
        let value = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: Waiter) in
                let action = state.withLockedValue { $0.machine.join(key, waiterID: waiterID, waiter: continuation) }
                switch action {
                case .joined:
                    coalesced.withLockedValue { $0 = true }
                case .start(let flightID):
                    let task = Task {
                        let result: Result<Value, any Error>
                        do { result = .success(try await operation()) } catch { result = .failure(error) }
                        let waiters = self.state.withLockedValue { state -> [Waiter] in
                            state.tasks[flightID] = nil
                            return state.machine.complete(key, flightID: flightID)
                        }
                        for waiter in waiters { waiter.resume(with: result) }
                    }
                    state.withLockedValue { state in
                        // The flight may already be over (a very fast operation): keep no stale task.
                        if state.machine.isInFlight(key, flightID: flightID) { state.tasks[flightID] = task }
                    }
                }
            }
        } onCancel: {
            let (action, task) = state.withLockedValue {
                state -> (SingleFlightStateMachine<Key, Waiter>.LeaveAction, Task<Void, Never>?) in
                let action = state.machine.leave(key, waiterID: waiterID)
                if case .abandon(_, let flightID) = action {
                    return (action, state.tasks.removeValue(forKey: flightID))
                }
                return (action, nil)
            }
            switch action {
            case .left(let waiter):
                waiter.resume(throwing: CancellationError())
            case .abandon(let waiter, _):
                task?.cancel()
                waiter.resume(throwing: CancellationError())
            case .notWaiting:
                break
            }
        }
        return (value, coalesced.withLockedValue { $0 })
    }
}
