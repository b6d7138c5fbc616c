import DequeModule

/// How urgent a job is: interactive jobs (a shopper waiting for a frame) always start before
/// batch jobs (sprite sheets, pre-rendering, upload validation).
public enum JobPriority: String, Sendable, CaseIterable {
    case interactive, batch
}

/// Why a job was not run.
public enum JobDropReason: String, Sendable, Equatable {
    /// It waited in the queue past its deadline.
    case expired
    /// Its client went away while it was queued.
    case cancelled
}

/// The worker pool's decisions, as a pure value: no threads, no clocks, no I/O.
///
/// Callers hold it under a lock, call a method and carry out the returned action. `Job` is
/// whatever the pool runs (a closure in production, an integer in tests).
struct WorkerPoolStateMachine<Job> {
    struct Entry {
        var id: UInt64
        var job: Job
        var deadline: ContinuousClock.Instant
    }

    let workers: Int
    let queueLimit: Int
    private(set) var busy = 0
    private(set) var isShuttingDown = false
    private var queues: [JobPriority: Deque<Entry>] = [.interactive: [], .batch: []]

    init(workers: Int, queueLimit: Int) {
        precondition(workers >= 1 && queueLimit >= 0, "a pool needs a worker and a non-negative queue")
        self.workers = workers
        self.queueLimit = queueLimit
    }

    /// Jobs waiting for a worker.
    var queued: Int { queues.values.reduce(0) { $0 + $1.count } }

    // MARK: - Submit

    enum SubmitAction: Equatable {
        /// Queued; `wakeWorker` when an idle worker should be woken to take it.
        case enqueued(wakeWorker: Bool)
        /// Refused: the queue is full (answer `503` with `Retry-After` at once).
        case rejectQueueFull
        /// Refused: the pool is draining for shutdown.
        case rejectShuttingDown
    }

    /// A new job. Room = the queue bound plus workers that are idle right now.
    mutating func submit(id: UInt64, job: Job, priority: JobPriority, deadline: ContinuousClock.Instant) -> SubmitAction
    {
        guard !isShuttingDown else { return .rejectShuttingDown }
        let idle = workers - busy
        guard queued < queueLimit + idle else { return .rejectQueueFull }
        queues[priority, default: []].append(Entry(id: id, job: job, deadline: deadline))
        return .enqueued(wakeWorker: idle > 0)
    }

    // MARK: - Workers

    enum NextAction {
        /// Run this job (the worker is now counted busy until ``finished()``).
        case run(Job)
        /// Fail this job without running it, then ask again.
        case drop(Job, JobDropReason)
        /// Nothing to do: sleep until woken.
        case wait
        /// Shutting down and nothing left: the worker ends.
        case exit
    }

    /// What an idle worker does next, at time `now`.
    mutating func next(now: ContinuousClock.Instant) -> NextAction {
        for priority in JobPriority.allCases {
            guard let entry = queues[priority]?.popFirst() else { continue }
            if entry.deadline < now { return .drop(entry.job, .expired) }
            busy += 1
            return .run(entry.job)
        }
        return isShuttingDown ? .exit : .wait
    }

    /// A worker finished its job.
    mutating func finished() {
        precondition(busy > 0, "finished() without a running job")
        busy -= 1
    }

    // MARK: - Cancellation and shutdown

    /// Removes a job that is still queued (its client went away); `nil` if it already started.
    mutating func cancel(id: UInt64) -> Job? {
        for priority in JobPriority.allCases {
            if let index = queues[priority]?.firstIndex(where: { $0.id == id }) {
                return queues[priority]?.remove(at: index).job
            }
        }
        return nil
    }

    /// Refuses new jobs; queued and running ones still complete, then workers exit.
    /// Returns whether sleeping workers must be woken to notice.
    mutating func shutdown() -> Bool {
        defer { isShuttingDown = true }
        return !isShuttingDown
    }
}
