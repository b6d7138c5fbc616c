import Testing

@testable import PreviewServer

@Suite struct WorkerPoolStateMachineTests {
    private let now = ContinuousClock.now
    private var later: ContinuousClock.Instant { now + .seconds(60) }

    @Test func idleWorkersTakeJobsThenTheQueueFillsThenRefuses() {
        var machine = WorkerPoolStateMachine<Int>(workers: 2, queueLimit: 1)
        #expect(machine.submit(id: 1, job: 1, priority: .interactive, deadline: later) == .enqueued(wakeWorker: true))
        guard case .run(1) = machine.next(now: now) else { Issue.record("worker did not take job 1"); return }
        #expect(machine.submit(id: 2, job: 2, priority: .interactive, deadline: later) == .enqueued(wakeWorker: true))
        guard case .run(2) = machine.next(now: now) else { Issue.record("worker did not take job 2"); return }
        #expect(machine.busy == 2)
        #expect(machine.submit(id: 3, job: 3, priority: .interactive, deadline: later) == .enqueued(wakeWorker: false))
        #expect(machine.submit(id: 4, job: 4, priority: .interactive, deadline: later) == .rejectQueueFull)
        machine.finished()
        guard case .run(3) = machine.next(now: now) else { Issue.record("queued job 3 did not run"); return }
    }

    @Test func interactiveJobsGoBeforeBatchJobs() {
        var machine = WorkerPoolStateMachine<String>(workers: 1, queueLimit: 10)
        _ = machine.submit(id: 1, job: "batch-1", priority: .batch, deadline: later)
        _ = machine.submit(id: 2, job: "batch-2", priority: .batch, deadline: later)
        _ = machine.submit(id: 3, job: "interactive", priority: .interactive, deadline: later)
        var order: [String] = []
        while case .run(let job) = machine.next(now: now) {
            order.append(job)
            machine.finished()
        }
        #expect(order == ["interactive", "batch-1", "batch-2"])
    }

    @Test func anExpiredJobIsDroppedNotRun() {
        var machine = WorkerPoolStateMachine<Int>(workers: 1, queueLimit: 4)
        _ = machine.submit(id: 1, job: 1, priority: .interactive, deadline: now)
        _ = machine.submit(id: 2, job: 2, priority: .interactive, deadline: later)
        guard case .drop(1, .expired) = machine.next(now: now + .seconds(1)) else {
            Issue.record("expired job was not dropped")
            return
        }
        guard case .run(2) = machine.next(now: now + .seconds(1)) else { Issue.record("job 2 did not run"); return }
        #expect(machine.busy == 1)
    }

    @Test func aCancelledJobLeavesTheQueue() {
        var machine = WorkerPoolStateMachine<Int>(workers: 1, queueLimit: 4)
        _ = machine.submit(id: 1, job: 1, priority: .interactive, deadline: later)
        _ = machine.submit(id: 2, job: 2, priority: .batch, deadline: later)
        #expect(machine.cancel(id: 2) == 2)
        #expect(machine.cancel(id: 2) == nil)
        #expect(machine.queued == 1)
    }

    @Test func shutdownRefusesNewJobsButFinishesQueuedOnes() {
        var machine = WorkerPoolStateMachine<Int>(workers: 1, queueLimit: 4)
        _ = machine.submit(id: 1, job: 1, priority: .interactive, deadline: later)
        let first = machine.shutdown()
        let second = machine.shutdown()
        #expect(first && !second)
        #expect(machine.submit(id: 2, job: 2, priority: .interactive, deadline: later) == .rejectShuttingDown)
        guard case .run(1) = machine.next(now: now) else { Issue.record("queued job lost at shutdown"); return }
        machine.finished()
        guard case .exit = machine.next(now: now) else { Issue.record("worker did not exit"); return }
    }

    @Test func aZeroQueueStillUsesIdleWorkers() {
        var machine = WorkerPoolStateMachine<Int>(workers: 1, queueLimit: 0)
        #expect(machine.submit(id: 1, job: 1, priority: .interactive, deadline: later) == .enqueued(wakeWorker: true))
        #expect(machine.submit(id: 2, job: 2, priority: .interactive, deadline: later) == .rejectQueueFull)
    }
}
