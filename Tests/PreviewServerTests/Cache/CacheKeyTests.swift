import Testing

@testable import PreviewServer

@Suite struct CacheKeyTests {
    @Test func dependsOnAssetParametersAndRenderer() {
        let base = CacheKey(assetHash: "aa", parameters: "w=1", rendererVersion: "1")
        #expect(base == CacheKey(assetHash: "aa", parameters: "w=1", rendererVersion: "1"))
        #expect(base != CacheKey(assetHash: "ab", parameters: "w=1", rendererVersion: "1"))
        #expect(base != CacheKey(assetHash: "aa", parameters: "w=2", rendererVersion: "1"))
        #expect(base != CacheKey(assetHash: "aa", parameters: "w=1", rendererVersion: "2"))
    }

    @Test func hexRoundTripsAndTheETagIsQuoted() throws {
        let key = CacheKey(assetHash: "x", parameters: "y")
        #expect(key.hex.count == 64)
        #expect(try #require(CacheKey(hex: key.hex)) == key)
        #expect(key.etag == "\"\(key.hex)\"")
        #expect(CacheKey(hex: "zz") == nil)
        #expect(CacheKey(hex: String(repeating: "g", count: 64)) == nil)
    }
}
