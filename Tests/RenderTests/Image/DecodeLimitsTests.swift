import Testing

@testable import Render

@Suite struct DecodeLimitsTests {
    @Test func allows() {
        let limits = DecodeLimits(maxPixels: 100, maxWidth: 50, maxHeight: 20)
        #expect(limits.allows(width: 10, height: 10))
        #expect(limits.allows(width: 50, height: 2))
        #expect(!limits.allows(width: 51, height: 1))
        #expect(!limits.allows(width: 5, height: 21))
        #expect(!limits.allows(width: 11, height: 10))
        #expect(!limits.allows(width: 0, height: 10))
        #expect(!DecodeLimits(maxPixels: .max, maxWidth: .max, maxHeight: .max).allows(width: .max, height: .max))
    }

    @Test func defaults() {
        let limits = DecodeLimits()
        #expect(limits.maxPixels == 8192 * 8192)
        #expect(limits.allows(width: 8192, height: 8192))
        #expect(!limits.allows(width: 8193, height: 8192))
        #expect(limits.allows(width: 32768, height: 2048))
        #expect(!limits.allows(width: 32769, height: 1))
    }
}
