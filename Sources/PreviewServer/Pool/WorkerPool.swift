import Foundation
import Logging
import ServiceLifecycle

/// Renders run here: N dedicated threads (never the async pool, so cached frames are served
/// while every worker renders) fed by a bounded queue with two priorities.
///
/// - A full queue refuses at once (``PoolError/overloaded(retryAfterSeconds:)`` → `503`).
/// - A queued job whose client went away (task cancelled) is removed and never rendered.
/// - A job that waited past `queueTimeout` is dropped when a worker reaches it.
/// - As a `Service`, on graceful shutdown it refuses new jobs, finishes queued and running
///   ones, then its threads exit. Hummingbird stops the HTTP server first (services shut down
///   in reverse order), so in-flight requests are answered before the pool drains.
///
/// The decisions live in ``WorkerPoolStateMachine``; this type only adds threads and a lock.
public final class WorkerPool: Service, @unchecked Sendable {
    private struct Job: Sendable {
        let run: @Sendable () -> Void
        let drop: @Sendable (JobDropReason) -> Void
    }

    private let condition = NSCondition()
    // Guarded by `condition`:
    private var state: WorkerPoolStateMachine<Job>
    private var nextID: UInt64 = 0
    private var running = 0
    private var started = false
    private var exitWaiters: [CheckedContinuation<Void, Never>] = []

    private let queueTimeout: Duration
    private let niceness: Int
    private let retryAfterSeconds: Int
    private let metrics: ServerMetrics
    private let logger: Logger

    /// Creates a pool; threads start on the first job (or ``start()``).
    /// - Parameters:
    ///   - workers: jobs run at the same time.
    ///   - niceness: nice value of the worker threads (0 = unchanged; see
    ///     ``ServerConfiguration/workerNiceness``).
    ///   - queueLimit: jobs waiting beyond idle workers before `503`.
    ///   - queueTimeout: longest wait in the queue.
    ///   - retryAfterSeconds: the `Retry-After` of refusals.
    public init(
        workers: Int, niceness: Int = 0, queueLimit: Int, queueTimeout: Duration, retryAfterSeconds: Int,
        metrics: ServerMetrics,
        logger: Logger
    ) {
        self.state = WorkerPoolStateMachine(workers: workers, queueLimit: queueLimit)
        self.niceness = niceness
        self.queueTimeout = queueTimeout
        self.retryAfterSeconds = retryAfterSeconds
        self.metrics = metrics
        self.logger = logger
    }

    /// Starts the worker threads (idempotent).
    public func start() {
        condition.lock()
        defer { condition.unlock() }
        guard !started else { return }
        started = true
        running = state.workers
        for index in 0..<state.workers {
            let thread = Thread { [self] in
                Self.lowerPriority(by: niceness)
                workerLoop()
            }
            thread.name = "vitrine-worker-\(index)"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Whether the pool refuses new work (draining for shutdown).
    public var isShuttingDown: Bool {
        condition.lock()
        defer { condition.unlock() }
        return state.isShuttingDown
    }

    /// Runs `work` on a worker and returns its result.
    /// - Parameters:
    ///   - priority: interactive jobs start before batch jobs.
    ///   - work: blocking work (import, render, encode, disk writes).
    /// - Throws: ``PoolError`` when refused or expired, `CancellationError` when the caller
    ///   was cancelled while queued, or what `work` throws.
    public func run<T: Sendable>(priority: JobPriority, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        start()
        let id = allocateID()
        let retryAfter = retryAfterSeconds
        let deadline = ContinuousClock.now + queueTimeout
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                guard !Task.isCancelled else {
                    continuation.resume(throwing: CancellationError())
                    return
                }
                let job = Job(
                    run: { continuation.resume(with: Result { try work() }) },
                    drop: { reason in
                        switch reason {
                        case .expired: continuation.resume(throwing: PoolError.expired(retryAfterSeconds: retryAfter))
                        case .cancelled: continuation.resume(throwing: CancellationError())
                        }
                    })
                condition.lock()
                let action = state.submit(id: id, job: job, priority: priority, deadline: deadline)
                let depth = state.queued
                if case .enqueued(true) = action { condition.signal() }
                condition.unlock()
                switch action {
                case .enqueued:
                    metrics.queueDepth(depth)
                case .rejectQueueFull:
                    metrics.poolRejected()
                    continuation.resume(throwing: PoolError.overloaded(retryAfterSeconds: retryAfter))
                case .rejectShuttingDown:
                    continuation.resume(throwing: PoolError.shuttingDown)
                }
            }
        } onCancel: {
            condition.lock()
            let job = state.cancel(id: id)
            let depth = state.queued
            condition.unlock()
            if let job {
                metrics.poolDropped(reason: JobDropReason.cancelled.rawValue)
                metrics.queueDepth(depth)
                job.drop(.cancelled)
            }
        }
    }

    // MARK: - Service

    /// Waits for graceful shutdown, then drains: queued and running jobs finish, threads exit.
    public func run() async throws {
        try? await gracefulShutdown()
        await shutdown()
    }

    /// Refuses new jobs and waits until every queued and running job is done.
    public func shutdown() async {
        await withCheckedContinuation { continuation in
            if !beginShutdown(waiter: continuation) { continuation.resume() }
        }
        logger.info("worker pool drained")
    }

    /// Marks the pool draining; returns `false` when no thread is running (nothing to wait for).
    private func beginShutdown(waiter: CheckedContinuation<Void, Never>) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if state.shutdown() { condition.broadcast() }
        guard started, running > 0 else { return false }
        exitWaiters.append(waiter)
        return true
    }

    private func withState<T>(_ body: (WorkerPoolStateMachine<Job>) -> T) -> T {
        condition.lock()
        defer { condition.unlock() }
        return body(state)
    }

    private func allocateID() -> UInt64 {
        condition.lock()
        defer { condition.unlock() }
        nextID += 1
        return nextID
    }

    // MARK: - Workers

    private func workerLoop() {
        condition.lock()
        while true {
            switch state.next(now: .now) {
            case .run(let job):
                let (depth, busy) = (state.queued, state.busy)
                condition.unlock()
                metrics.queueDepth(depth)
                metrics.workersBusy(busy)
                job.run()
                condition.lock()
                state.finished()
                let nowBusy = state.busy
                condition.unlock()
                metrics.workersBusy(nowBusy)
                condition.lock()
            case .drop(let job, let reason):
                let depth = state.queued
                condition.unlock()
                metrics.poolDropped(reason: reason.rawValue)
                metrics.queueDepth(depth)
                job.drop(reason)
                condition.lock()
            case .wait:
                condition.wait()
            case .exit:
                running -= 1
                let waiters = running == 0 ? exitWaiters : []
                if running == 0 { exitWaiters = [] }
                condition.broadcast()
                condition.unlock()
                for waiter in waiters { waiter.resume() }
                return
            }
        }
    }
}

extension WorkerPool {
    /// Workers running a job now (tests).
    public var testOnly_busy: Int { withState { $0.busy } }
    /// Jobs waiting now (tests).
    public var testOnly_queued: Int { withState { $0.queued } }
}

extension WorkerPool {
    /// Lowers the calling thread's priority to `niceness` (Linux: nice is per thread, and the
    /// renderer threads a worker starts inherit it). Failure only costs the preference.
    fileprivate static func lowerPriority(by niceness: Int) {
        guard niceness > 0 else { return }
        // `who` 0 is the calling thread on Linux, where the nice value is a thread's.
        #if os(Linux)
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, Int32(niceness))
        #else
            _ = setpriority(PRIO_PROCESS, 0, Int32(niceness))
        #endif
    }
}
