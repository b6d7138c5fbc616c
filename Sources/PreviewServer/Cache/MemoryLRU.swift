/// A least-recently-used map bounded in bytes (each value states its own cost) and, optionally,
/// in count.
///
/// A plain value type with no locking: the owner holds it under a lock. Insert, lookup and
/// eviction are O(1): a dictionary of slots threaded on a doubly linked list by index.
struct MemoryLRU<Key: Hashable, Value> {
    private struct Slot {
        var key: Key
        var value: Value?  // nil once removed, so a free slot holds no bytes
        var bytes: Int
        var previous: Int  // towards the most recent; -1 = none
        var next: Int  // towards the least recent; -1 = none
    }

    /// Largest total cost kept.
    let maxBytes: Int
    /// Most entries kept.
    let maxCount: Int
    /// Total cost of the values kept.
    private(set) var bytes = 0
    private var slots: [Slot] = []
    private var freeSlots: [Int] = []
    private var index: [Key: Int] = [:]
    private var head = -1  // most recently used
    private var tail = -1  // least recently used

    /// Creates an empty map holding at most `maxBytes` and `maxCount` entries.
    init(maxBytes: Int, maxCount: Int = .max) {
        self.maxBytes = max(0, maxBytes)
        self.maxCount = max(1, maxCount)
    }

    /// Number of entries.
    var count: Int { index.count }

    /// The value for `key`, marked as most recently used.
    mutating func value(for key: Key) -> Value? {
        guard let slot = index[key] else { return nil }
        moveToFront(slot)
        return slots[slot].value
    }

    /// Whether `key` is present (does not change the order).
    func contains(_ key: Key) -> Bool { index[key] != nil }

    /// Inserts or replaces a value; returns the keys evicted to make room.
    /// A value costing more than `maxBytes` is not kept.
    @discardableResult
    mutating func insert(_ value: Value, for key: Key, bytes cost: Int) -> [Key] {
        removeValue(for: key)
        guard cost <= maxBytes else { return [] }
        var evicted: [Key] = []
        while bytes + cost > maxBytes || index.count >= maxCount, tail >= 0 {
            let key = slots[tail].key
            removeValue(for: key)
            evicted.append(key)
        }
        let slot = Slot(key: key, value: value, bytes: cost, previous: -1, next: head)
        let position: Int
        if let free = freeSlots.popLast() {
            slots[free] = slot
            position = free
        } else {
            slots.append(slot)
            position = slots.count - 1
        }
        if head >= 0 { slots[head].previous = position }
        head = position
        if tail < 0 { tail = position }
        index[key] = position
        bytes += cost
        return evicted
    }

    /// Removes the value for `key`, if any, and returns it.
    @discardableResult
    mutating func removeValue(for key: Key) -> Value? {
        guard let slot = index.removeValue(forKey: key) else { return nil }
        unlink(slot)
        bytes -= slots[slot].bytes
        freeSlots.append(slot)
        let value = slots[slot].value
        slots[slot].value = nil
        return value
    }

    /// Removes every value whose key matches.
    mutating func removeAll(where matches: (Key) -> Bool) {
        for key in index.keys where matches(key) { removeValue(for: key) }
    }

    /// Removes every entry for which `matches(key, value)` holds.
    mutating func removeAllEntries(where matches: (Key, Value) -> Bool) {
        for (key, slot) in index {
            if let value = slots[slot].value, matches(key, value) { removeValue(for: key) }
        }
    }

    /// Keys from most to least recently used (for tests and debugging).
    var keysByRecency: [Key] {
        var keys: [Key] = []
        var slot = head
        while slot >= 0 {
            keys.append(slots[slot].key)
            slot = slots[slot].next
        }
        return keys
    }

    private mutating func moveToFront(_ slot: Int) {
        guard slot != head else { return }
        unlink(slot)
        slots[slot].previous = -1
        slots[slot].next = head
        if head >= 0 { slots[head].previous = slot }
        head = slot
        if tail < 0 { tail = slot }
    }

    private mutating func unlink(_ slot: Int) {
        let previous = slots[slot].previous
        let next = slots[slot].next
        if previous >= 0 { slots[previous].next = next } else if head == slot { head = next }
        if next >= 0 { slots[next].previous = previous } else if tail == slot { tail = previous }
        slots[slot].previous = -1
        slots[slot].next = -1
    }
}

// The map is a plain value; it is Sendable when its contents are (it holds no references of its own).
extension MemoryLRU: @unchecked Sendable where Key: Sendable, Value: Sendable {}
