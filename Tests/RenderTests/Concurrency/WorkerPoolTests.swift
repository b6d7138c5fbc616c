import Foundation
import Testing

@testable import Render

@Suite struct WorkerPoolTests {
    /// Collects results from pool threads (each index writes its own slot).
    final class Slots: @unchecked Sendable {
        var values: [Int]
        var workers: [Int]
        init(_ n: Int) {
            values = [Int](repeating: -1, count: n)
            workers = [Int](repeating: -1, count: n)
        }
    }

    @Test(arguments: [1, 2, 4])
    func everyIndexRunsOnceWithAValidWorker(threads: Int) {
        let pool = WorkerPool(threads: threads)
        for round in 0..<50 {
            let n = 1 + round * 7
            let slots = Slots(n)
            pool.parallelFor(n) { i, worker in
                slots.values[i] = i * i
                slots.workers[i] = worker
            }
            #expect(slots.values == (0..<n).map { $0 * $0 })
            #expect(slots.workers.allSatisfy { (0..<threads).contains($0) })
        }
    }

    @Test func poolThreadsAreReusedAcrossLoops() {
        // Many short loops in a row: threads are created once, so this stays fast and never
        // deadlocks even when the caller finishes before a worker wakes up.
        let pool = WorkerPool(threads: 3)
        let slots = Slots(3)
        for _ in 0..<2000 {
            pool.parallelFor(3) { i, _ in slots.values[i] += 1 }
        }
        #expect(slots.values == [1999, 1999, 1999])
    }

    @Test func leaseServesCallersOneAtATimeInOrder() async {
        let lease = FrameLease()
        final class Log: @unchecked Sendable {
            let lock = NSLock()
            var inside = 0
            var maxInside = 0
            func enter() {
                lock.lock()
                inside += 1
                maxInside = max(maxInside, inside)
                lock.unlock()
            }
            func leave() {
                lock.lock()
                inside -= 1
                lock.unlock()
            }
        }
        let log = Log()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    lease.withLease {
                        log.enter()
                        usleep(2000)
                        log.leave()
                    }
                }
            }
        }
        #expect(log.maxInside == 1)
        #expect(lease.queueLength == 0)
    }
}
