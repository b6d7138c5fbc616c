import NIOConcurrencyHelpers
import Testing

@testable import PreviewServer

@Suite struct PhotoStoreTests {
    /// A clock the test moves by hand.
    final class ManualClock: Sendable {
        private let instant = NIOLockedValueBox(ContinuousClock.now)
        var now: ContinuousClock.Instant { instant.withLockedValue { $0 } }
        func advance(_ duration: Duration) { instant.withLockedValue { $0 += duration } }
    }

    private func store(count: Int = 4, bytes: Int = 1000, photo: Int = 500, ttl: Duration = .seconds(60))
        -> (PhotoStore, ManualClock)
    {
        let clock = ManualClock()
        let store = PhotoStore(
            maxCount: count, maxBytes: bytes, maxPhotoBytes: photo, ttl: ttl, now: { clock.now })
        return (store, clock)
    }

    @Test func idsAre128RandomBitsInHex() throws {
        let (store, _) = store(count: 100, bytes: 100_000)
        let ids = try (0..<50).map { _ in try store.insert([1, 2, 3]).id }
        #expect(Set(ids).count == 50)
        for id in ids {
            #expect(PhotoStore.isWellFormed(id), "\(id)")
            #expect(try store.photo(id) == [1, 2, 3])
        }
        // Every hex digit shows up across 50 ids of 32 digits (a constant or a counter would not).
        #expect(Set(ids.joined()).count == 16)
    }

    @Test func theLeastRecentlyUsedPhotoMakesRoomByCountAndByBytes() throws {
        let (store, _) = store(count: 3, bytes: 1000, photo: 500)
        let a = try store.insert(Array(repeating: 1, count: 100)).id
        let b = try store.insert(Array(repeating: 2, count: 100)).id
        let c = try store.insert(Array(repeating: 3, count: 100)).id
        _ = try store.photo(a)  // b is now the least recently used
        let d = try store.insert(Array(repeating: 4, count: 100)).id
        #expect(throws: PhotoStoreError.unknown(b)) { try store.photo(b) }
        #expect(store.usage.count == 3)
        #expect(try store.photo(c).count == 100 && store.photo(d).count == 100)

        let (byBytes, _) = self.store(count: 10, bytes: 1000, photo: 500)
        let first = try byBytes.insert(Array(repeating: 1, count: 400)).id
        let second = try byBytes.insert(Array(repeating: 2, count: 400)).id
        let third = try byBytes.insert(Array(repeating: 3, count: 400)).id
        #expect(throws: PhotoStoreError.unknown(first)) { try byBytes.photo(first) }
        #expect(try byBytes.photo(second).count == 400 && byBytes.photo(third).count == 400)
        #expect(byBytes.usage.bytes == 800)
    }

    @Test func aPhotoOverTheLimitIsRefused() {
        let (store, _) = store(photo: 500)
        #expect(throws: PhotoStoreError.tooLarge(limit: 500)) { try store.insert(Array(repeating: 0, count: 501)) }
        #expect(store.usage.count == 0)
    }

    @Test func photosExpireAfterTheirTimeAndTheSweepFreesThem() throws {
        let (store, clock) = store(ttl: .seconds(60))
        let old = try store.insert([1]).id
        clock.advance(.seconds(30))
        let young = try store.insert([2]).id
        #expect(store.removeExpired() == 0)
        clock.advance(.seconds(31))
        #expect(throws: PhotoStoreError.unknown(old)) { try store.photo(old) }
        #expect(try store.photo(young) == [2])
        clock.advance(.seconds(30))
        #expect(store.removeExpired() == 1)
        #expect(store.usage.count == 0 && store.usage.bytes == 0)
    }

    @Test func removeForgetsAtOnceAndIdsAreChecked() throws {
        let (store, _) = store()
        let id = try store.insert([9]).id
        try store.remove(id)
        #expect(throws: PhotoStoreError.unknown(id)) { try store.photo(id) }
        #expect(throws: PhotoStoreError.unknown(id)) { try store.remove(id) }
        #expect(throws: PhotoStoreError.malformedID("../etc")) { try store.photo("../etc") }
        #expect(throws: PhotoStoreError.malformedID(id.uppercased())) { try store.photo(id.uppercased()) }
    }
}
