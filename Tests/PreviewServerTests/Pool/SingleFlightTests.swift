import NIOConcurrencyHelpers
import Testing

@testable import PreviewServer

@Suite struct SingleFlightStateMachineTests {
    @Test func firstJoinStartsLaterJoinsWaitAndCompletionReturnsAll() {
        var machine = SingleFlightStateMachine<String, String>()
        #expect(machine.join("k", waiterID: 1, waiter: "a") == .start(flightID: 1))
        #expect(machine.join("k", waiterID: 2, waiter: "b") == .joined(flightID: 1))
        #expect(machine.join("other", waiterID: 3, waiter: "c") == .start(flightID: 2))
        #expect(machine.complete("k", flightID: 1).sorted() == ["a", "b"])
        #expect(machine.count == 1)
    }

    @Test func theLastWaiterLeavingAbandonsTheFlight() {
        var machine = SingleFlightStateMachine<String, String>()
        _ = machine.join("k", waiterID: 1, waiter: "a")
        _ = machine.join("k", waiterID: 2, waiter: "b")
        guard case .left("a") = machine.leave("k", waiterID: 1) else { Issue.record("expected left"); return }
        guard case .abandon("b", flightID: 1) = machine.leave("k", waiterID: 2) else {
            Issue.record("expected abandon")
            return
        }
        guard case .notWaiting = machine.leave("k", waiterID: 2) else { Issue.record("expected notWaiting"); return }
    }

    @Test func aStaleFlightNeverCompletesItsSuccessor() {
        var machine = SingleFlightStateMachine<String, String>()
        _ = machine.join("k", waiterID: 1, waiter: "old")
        _ = machine.leave("k", waiterID: 1)
        #expect(machine.join("k", waiterID: 2, waiter: "new") == .start(flightID: 2))
        #expect(machine.complete("k", flightID: 1).isEmpty)
        #expect(machine.complete("k", flightID: 2) == ["new"])
    }
}

@Suite struct SingleFlightTests {
    @Test func identicalConcurrentCallsRunOnce() async throws {
        let flights = SingleFlight<String, Int>()
        let runs = NIOLockedValueBox(0)
        let results = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
            for _ in 0..<20 {
                group.addTask {
                    let (value, coalesced) = try await flights.run("key") {
                        runs.withLockedValue { $0 += 1 }
                        try await Task.sleep(for: .milliseconds(200))
                        return 42
                    }
                    return (value, coalesced)
                }
            }
            return try await group.reduce(into: [(Int, Bool)]()) { $0.append($1) }
        }
        #expect(runs.withLockedValue { $0 } == 1)
        #expect(results.allSatisfy { $0.0 == 42 })
        #expect(results.filter { !$0.1 }.count == 1)
        #expect(flights.inFlight == 0)
    }

    @Test func errorsReachEveryWaiter() async {
        let flights = SingleFlight<String, Int>()
        struct Boom: Error {}
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<5 {
                group.addTask {
                    do {
                        _ = try await flights.run("key") {
                            try await Task.sleep(for: .milliseconds(100))
                            throw Boom()
                        }
                        return false
                    } catch {
                        return error is Boom
                    }
                }
            }
            for await threw in group { #expect(threw) }
        }
    }

    @Test func whenEveryWaiterLeavesTheWorkIsCancelled() async throws {
        let flights = SingleFlight<String, Int>()
        let sawCancellation = NIOLockedValueBox(false)
        let task = Task {
            try await flights.run("key") {
                do {
                    try await Task.sleep(for: .seconds(10))
                } catch {
                    sawCancellation.withLockedValue { $0 = true }
                    throw error
                }
                return 1
            }
        }
        try await Task.sleep(for: .milliseconds(50))
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        try await waitUntil { sawCancellation.withLockedValue { $0 } }
    }
}
