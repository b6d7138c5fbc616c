/// A growable array of ``RasterTriangle`` records with raw-pointer access for the kernels,
/// kept from frame to frame so that appending never allocates once it has grown.
final class RecordBuffer: @unchecked Sendable {
    /// The records; valid for `0..<count`.
    private(set) var base: UnsafeMutablePointer<RasterTriangle>
    /// Records stored.
    private(set) var count = 0
    /// Records that fit before the next growth.
    private(set) var capacity: Int

    init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Forgets the records, keeping the memory.
    func removeAll() { count = 0 }

    /// Makes room for `n` records in total.
    func reserve(_ n: Int) {
        guard n > capacity else { return }
        let grown = max(n, capacity * 2)
        let bigger = UnsafeMutablePointer<RasterTriangle>.allocate(capacity: grown)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = grown
    }

    /// Appends a record.
    @inline(__always)
    func append(_ record: RasterTriangle) {
        if count == capacity { reserve(count + 1) }
        (base + count).initialize(to: record)
        count += 1
    }

    /// Frees memory beyond `n` records when the buffer has grown much larger (after a huge scene).
    func shrink(toFit n: Int) {
        guard capacity > 4 * max(n, 1024) else { return }
        let smaller = UnsafeMutablePointer<RasterTriangle>.allocate(capacity: max(n, 1024))
        smaller.moveInitialize(from: base, count: count)
        base.deallocate()
        base = smaller
        capacity = max(n, 1024)
    }
}
