import Testing

@testable import PreviewServer

@Suite struct MemoryLRUTests {
    @Test func evictsLeastRecentlyUsedByBytes() {
        var lru = MemoryLRU<String, Int>(maxBytes: 100)
        lru.insert(1, for: "a", bytes: 40)
        lru.insert(2, for: "b", bytes: 40)
        #expect(lru.value(for: "a") == 1)  // a is now the most recent
        let evicted = lru.insert(3, for: "c", bytes: 40)
        #expect(evicted == ["b"])
        #expect(lru.keysByRecency == ["c", "a"])
        #expect(lru.bytes == 80)
    }

    @Test func aCountBoundEvictsTheLeastRecentlyUsedToo() {
        var lru = MemoryLRU<String, Int>(maxBytes: 1000, maxCount: 2)
        lru.insert(1, for: "a", bytes: 1)
        lru.insert(2, for: "b", bytes: 1)
        _ = lru.value(for: "a")
        #expect(lru.insert(3, for: "c", bytes: 1) == ["b"])
        #expect(lru.keysByRecency == ["c", "a"])
        lru.removeAllEntries { _, value in value == 3 }
        #expect(lru.keysByRecency == ["a"] && lru.bytes == 1)
    }

    @Test func replacingAKeyUpdatesItsCost() {
        var lru = MemoryLRU<String, Int>(maxBytes: 100)
        lru.insert(1, for: "a", bytes: 60)
        lru.insert(2, for: "a", bytes: 30)
        #expect(lru.count == 1)
        #expect(lru.bytes == 30)
        #expect(lru.value(for: "a") == 2)
    }

    @Test func aValueLargerThanTheBoundIsNotKept() {
        var lru = MemoryLRU<String, Int>(maxBytes: 10)
        lru.insert(1, for: "small", bytes: 5)
        let evicted = lru.insert(2, for: "huge", bytes: 11)
        #expect(evicted.isEmpty)
        #expect(!lru.contains("huge"))
        #expect(lru.contains("small"))
    }

    @Test func staysWithinItsBoundUnderChurn() {
        var lru = MemoryLRU<Int, [UInt8]>(maxBytes: 1000)
        var generator = SystemRandomNumberGenerator()
        for i in 0..<5000 {
            let cost = Int.random(in: 1...300, using: &generator)
            lru.insert([UInt8](repeating: 1, count: cost), for: i % 97, bytes: cost)
            #expect(lru.bytes <= 1000)
            if i % 7 == 0 { lru.removeValue(for: (i / 7) % 97) }
        }
        #expect(lru.keysByRecency.count == lru.count)
    }
}
