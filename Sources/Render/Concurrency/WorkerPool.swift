import Foundation

/// A fixed set of threads, created once, that run the index ranges of parallel loops.
///
/// `parallelFor(count) { index, worker in ... }` hands the indices `0..<count` out one at a
/// time to whichever thread asks next (the calling thread takes part as worker 0), so a slow
/// tile never holds the others up. Which thread runs which index is left to chance; callers
/// keep their output deterministic by writing each index's results to its own place and
/// merging in index order.
///
/// One loop runs at a time: `parallelFor` is not reentrant and must not be called from two
/// threads at once (``Renderer`` serialises its frames with a ``FrameLease``).
///
/// ```swift
/// let pool = WorkerPool(threads: 2)
/// pool.parallelFor(tiles.count) { tile, worker in render(tile, scratch: scratch[worker]) }
/// ```
public final class WorkerPool: @unchecked Sendable {
    /// Threads that run loop bodies, the calling thread included.
    public let threadCount: Int
    private let state: PoolState

    /// Starts `threads - 1` worker threads (the caller of ``parallelFor(_:_:)`` is the last one).
    /// - Parameter threads: total threads, at least 1.
    public init(threads: Int) {
        precondition(threads >= 1, "a pool needs at least one thread")
        threadCount = threads
        state = PoolState()
        for worker in 1..<max(threads, 1) {
            let state = self.state
            let thread = Thread { state.workerLoop(worker: worker) }
            thread.name = "vitrine-render-\(worker)"
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    deinit {
        state.shutDown()
    }

    /// Runs `body(index, worker)` for every index in `0..<count`, spread over the pool's
    /// threads, and returns when all have finished.
    /// - Parameters:
    ///   - count: number of indices.
    ///   - body: the work for one index; `worker` is in `0..<threadCount` and identifies the
    ///     thread (for per-thread scratch memory). Two calls never run at once with the same
    ///     `worker`.
    public func parallelFor(_ count: Int, _ body: @Sendable (_ index: Int, _ worker: Int) -> Void) {
        guard count > 0 else { return }
        if threadCount == 1 || count == 1 {
            for index in 0..<count { body(index, 0) }
            return
        }
        withoutActuallyEscaping(body) { escapable in
            let job = PoolJob(count: count, body: escapable)
            state.publish(job)
            job.work(worker: 0)
            job.close()
            state.retire()
        }
    }
}

/// One parallel loop: the next index to hand out and the workers still inside it.
private final class PoolJob: @unchecked Sendable {
    let count: Int
    /// The loop body; released by ``close()`` so that no thread keeps it (a worker may still
    /// hold the job object for a moment after leaving it).
    private var body: (@Sendable (Int, Int) -> Void)?
    private let lock = NSCondition()
    private var next = 0
    private var inside = 0
    private var closed = false

    init(count: Int, body: @escaping @Sendable (Int, Int) -> Void) {
        self.count = count
        self.body = body
    }

    /// Takes indices until none are left.
    func work(worker: Int) {
        guard let body else { return }
        while true {
            lock.lock()
            let index = next
            next += 1
            lock.unlock()
            guard index < count else { return }
            body(index, worker)
        }
    }

    /// A worker enters the job, unless the caller has already closed it.
    func enter() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if closed { return false }
        inside += 1
        return true
    }

    /// A worker leaves the job.
    func leave() {
        lock.lock()
        inside -= 1
        if inside == 0 { lock.broadcast() }
        lock.unlock()
    }

    /// Called by the owner once its own share is done: no worker may enter any more, and the
    /// call returns when those inside have left (so `body` is no longer referenced).
    func close() {
        lock.lock()
        closed = true
        while inside > 0 { lock.wait() }
        body = nil
        lock.unlock()
    }
}

/// What the worker threads share: the current job and a generation counter that wakes them.
private final class PoolState: @unchecked Sendable {
    private let condition = NSCondition()
    private var job: PoolJob?
    private var generation = 0
    private var stopping = false

    func publish(_ job: PoolJob) {
        condition.lock()
        self.job = job
        generation &+= 1
        condition.broadcast()
        condition.unlock()
    }

    func retire() {
        condition.lock()
        job = nil
        condition.unlock()
    }

    func shutDown() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    func workerLoop(worker: Int) {
        var seen = 0
        while true {
            condition.lock()
            while generation == seen && !stopping { condition.wait() }
            if stopping {
                condition.unlock()
                return
            }
            seen = generation
            let current = job
            condition.unlock()
            guard let current, current.enter() else { continue }
            current.work(worker: worker)
            current.leave()
        }
    }
}
