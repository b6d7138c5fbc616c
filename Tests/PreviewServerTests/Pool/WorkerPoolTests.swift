import Foundation
import Logging
import NIOConcurrencyHelpers
import Testing

@testable import PreviewServer

@Suite struct WorkerPoolTests {
    private func makePool(workers: Int, queue: Int, timeout: Duration = .seconds(30)) -> WorkerPool {
        WorkerPool(
            workers: workers, queueLimit: queue, queueTimeout: timeout, retryAfterSeconds: 2,
            metrics: ServerMetrics(), logger: Logger(label: "test"))
    }

    @Test func runsWorkAndReturnsItsResult() async throws {
        let pool = makePool(workers: 2, queue: 8)
        let results = try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 0..<8 { group.addTask { try await pool.run(priority: .interactive) { i * i } } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(results.sorted() == (0..<8).map { $0 * $0 })
        await pool.shutdown()
    }

    @Test func workersRunAtTheirNiceValueAndTheCallerKeepsItsOwn() async throws {
        let pool = WorkerPool(
            workers: 1, niceness: 7, queueLimit: 2, queueTimeout: .seconds(30), retryAfterSeconds: 2,
            metrics: ServerMetrics(), logger: Logger(label: "test"))
        let before = Self.niceValue()
        let inWorker = try await pool.run(priority: .interactive) { Self.niceValue() }
        // Raising the priority again is refused without privileges: a test run started above
        // nice 7 keeps its own value.
        #expect(inWorker == 7 || (before > 7 && inWorker == before), "the worker thread's nice value")
        #expect(Self.niceValue() == before, "only the worker threads are lowered")
        await pool.shutdown()
    }

    /// The calling thread's nice value (Linux: per thread).
    private static func niceValue() -> Int32 {
        #if os(Linux)
            getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        #else
            getpriority(PRIO_PROCESS, 0)
        #endif
    }

    @Test func aFullQueueIsRefusedAtOnceWithRetryAfter() async throws {
        let pool = makePool(workers: 1, queue: 1)
        let release = NIOLockedValueBox(false)
        let blocker: @Sendable () -> Int = {
            while !release.withLockedValue({ $0 }) { usleep(1000) }
            return 1
        }
        defer { release.withLockedValue { $0 = true } }
        async let first = pool.run(priority: .interactive, blocker)
        try await waitUntil { pool.testOnly_busy == 1 }
        async let second = pool.run(priority: .interactive, blocker)
        try await waitUntil { pool.testOnly_queued == 1 }
        let start = ContinuousClock.now
        await #expect(throws: PoolError.overloaded(retryAfterSeconds: 2)) {
            try await pool.run(priority: .interactive) { 3 }
        }
        // "At once" means without waiting for the 30 s queue timeout; the bound is loose so that
        // a loaded machine cannot fail it.
        #expect(ContinuousClock.now - start < .seconds(10))
        release.withLockedValue { $0 = true }
        #expect(try await first + second == 2)
        await pool.shutdown()
    }

    @Test func aCancelledQueuedJobNeverRuns() async throws {
        let pool = makePool(workers: 1, queue: 4)
        let release = NIOLockedValueBox(false)
        let ran = NIOLockedValueBox(false)
        defer { release.withLockedValue { $0 = true } }
        async let first: Int = pool.run(priority: .interactive) {
            while !release.withLockedValue({ $0 }) { usleep(1000) }
            return 1
        }
        try await waitUntil { pool.testOnly_busy == 1 }
        let queued = Task {
            try await pool.run(priority: .interactive) {
                ran.withLockedValue { $0 = true }
                return 2
            }
        }
        try await waitUntil { pool.testOnly_queued == 1 }
        queued.cancel()
        await #expect(throws: CancellationError.self) { try await queued.value }
        release.withLockedValue { $0 = true }
        _ = try await first
        await pool.shutdown()
        #expect(!ran.withLockedValue { $0 })
    }

    @Test func aJobPastItsDeadlineIsNotRun() async throws {
        let pool = makePool(workers: 1, queue: 4, timeout: .milliseconds(50))
        let release = NIOLockedValueBox(false)
        let ran = NIOLockedValueBox(0)
        defer { release.withLockedValue { $0 = true } }
        async let first: Int = pool.run(priority: .interactive) {
            while !release.withLockedValue({ $0 }) { usleep(1000) }
            return 1
        }
        try await waitUntil { pool.testOnly_busy == 1 }
        let late = Task { try await pool.run(priority: .interactive) { ran.withLockedValue { $0 += 1 } } }
        try await waitUntil { pool.testOnly_queued == 1 }
        // Hold the only worker well past the queued job's 50 ms deadline, then free it.
        try await Task.sleep(for: .milliseconds(200))
        release.withLockedValue { $0 = true }
        await #expect(throws: PoolError.expired(retryAfterSeconds: 2)) { try await late.value }
        _ = try await first
        #expect(ran.withLockedValue { $0 } == 0)
        await pool.shutdown()
    }

    @Test func shutdownFinishesQueuedWorkThenRefuses() async throws {
        let pool = makePool(workers: 1, queue: 8)
        let release = NIOLockedValueBox(false)
        let done = NIOLockedValueBox(0)
        defer { release.withLockedValue { $0 = true } }
        let tasks = (0..<4).map { _ in
            Task {
                try await pool.run(priority: .batch) {
                    while !release.withLockedValue({ $0 }) { usleep(1000) }
                    done.withLockedValue { $0 += 1 }
                }
            }
        }
        // One job running and three queued when the shutdown starts.
        try await waitUntil { pool.testOnly_busy == 1 && pool.testOnly_queued == 3 }
        let stopping = Task { await pool.shutdown() }
        try await Task.sleep(for: .milliseconds(50))
        release.withLockedValue { $0 = true }
        await stopping.value
        for task in tasks { try await task.value }
        #expect(done.withLockedValue { $0 } == 4)
        await #expect(throws: PoolError.shuttingDown) { try await pool.run(priority: .interactive) { 0 } }
    }
}

/// Polls `condition` every millisecond for up to 60 s. The limit is generous on purpose:
/// under a parallel test run on two cores, the task that makes the condition true may wait
/// seconds for a cooperative thread; this checks order of events, not speed.
func waitUntil(_ condition: () -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(60)
    while !condition() {
        guard ContinuousClock.now < deadline else {
            Issue.record("condition not reached in 60 s")
            return
        }
        try await Task.sleep(for: .milliseconds(1))
    }
}
