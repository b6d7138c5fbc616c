import Testing

@testable import Render

@Suite struct BRDFLookupTableBatchTests {
    @Test func lookupsAreBitIdentical() {
        let lut = BRDFLookupTable.shared
        var rng = SplitMix(seed: 81)
        for _ in 0..<128 {
            var nDotV = SIMD8<Float>()
            var roughness = SIMD8<Float>()
            for i in 0..<8 {
                // Inside, on the grid ends and outside [0, 1].
                nDotV[i] = i == 0 ? 1 : i == 1 ? 0 : i == 2 ? 1.5 : i == 5 ? .nan : rng.float(-0.1...1)
                roughness[i] = i == 3 ? 1 : i == 4 ? -2 : i == 6 ? .nan : rng.float(0...1.1)
            }
            let (a, b) = lut.splitSum8(nDotV: nDotV, roughness: roughness)
            let e = lut.sheenAlbedo8(nDotV: nDotV, sheenRoughness: roughness)
            for i in 0..<8 {
                let expected = lut.lookup(nDotV: nDotV[i], roughness: roughness[i])
                #expect(sameBits(a[i], expected.x) && sameBits(b[i], expected.y) && sameBits(e[i], expected.z))
            }
        }
    }
}
