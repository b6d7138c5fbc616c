/// Single flight's bookkeeping as a pure value: which keys are in flight, who waits for them.
///
/// Each flight has an id, so a flight that was abandoned (every waiter left) and a newer flight
/// for the same key never get each other's results.
struct SingleFlightStateMachine<Key: Hashable, Waiter> {
    private struct Flight {
        var id: UInt64
        var waiters: [UInt64: Waiter] = [:]
    }

    private var flights: [Key: Flight] = [:]
    private var nextFlightID: UInt64 = 0

    /// Keys in flight.
    var count: Int { flights.count }

    enum JoinAction: Equatable {
        /// No flight for this key: the caller starts one with this id.
        case start(flightID: UInt64)
        /// A flight is already running: wait for it.
        case joined(flightID: UInt64)
    }

    /// Adds a waiter for `key`.
    mutating func join(_ key: Key, waiterID: UInt64, waiter: Waiter) -> JoinAction {
        if var flight = flights[key] {
            flight.waiters[waiterID] = waiter
            flights[key] = flight
            return .joined(flightID: flight.id)
        }
        nextFlightID += 1
        flights[key] = Flight(id: nextFlightID, waiters: [waiterID: waiter])
        return .start(flightID: nextFlightID)
    }

    enum LeaveAction {
        /// The waiter was removed; others still wait.
        case left(Waiter)
        /// The waiter was the last one: the caller abandons (cancels) the flight.
        case abandon(Waiter, flightID: UInt64)
        /// The waiter was not waiting (already completed).
        case notWaiting
    }

    /// A waiter gives up (its client went away).
    mutating func leave(_ key: Key, waiterID: UInt64) -> LeaveAction {
        guard var flight = flights[key], let waiter = flight.waiters.removeValue(forKey: waiterID) else {
            return .notWaiting
        }
        if flight.waiters.isEmpty {
            flights[key] = nil
            return .abandon(waiter, flightID: flight.id)
        }
        flights[key] = flight
        return .left(waiter)
    }

    /// A flight finished: returns its waiters (to resume) and forgets it. A stale flight
    /// (abandoned, possibly replaced by a newer one) gets no waiters.
    mutating func complete(_ key: Key, flightID: UInt64) -> [Waiter] {
        guard let flight = flights[key], flight.id == flightID else { return [] }
        flights[key] = nil
        return Array(flight.waiters.values)
    }
}

extension SingleFlightStateMachine {
    /// Whether the flight `flightID` for `key` is still the current one.
    func isInFlight(_ key: Key, flightID: UInt64) -> Bool { flights[key]?.id == flightID }
}

// A plain value; Sendable when its contents are.
extension SingleFlightStateMachine: @unchecked Sendable where Key: Sendable, Waiter: Sendable {}
