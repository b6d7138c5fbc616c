import Testing

@testable import Render

@Suite struct SRGBTablesBatchTests {
    @Test func encode8MatchesTheScalarEncodeEverywhere() {
        let tables = SRGB.tables
        // Every threshold and its neighbours, the bucket range ends, special values, then a
        // sweep of bit patterns across all floats.
        var values: [Float] = [0, -0.0, -1, .nan, -.nan, .infinity, -.infinity, 1, Float(1).nextDown, 2, 1e-30]
        for k in 0..<255 {
            let t = tables.thresholds[k]
            values += [t, t.nextDown, t.nextUp]
        }
        values += [Float(bitPattern: 0x3900_0000), Float(bitPattern: 0x38FF_FFFF), Float(bitPattern: 0x3F7F_FFFF)]
        for bits in stride(from: UInt32(0), to: UInt32.max - 40_000, by: 40_009) {
            values.append(Float(bitPattern: bits))
        }
        while values.count % 8 != 0 { values.append(0.5) }
        for start in stride(from: 0, to: values.count, by: 8) {
            var x = SIMD8<Float>()
            for i in 0..<8 { x[i] = values[start + i] }
            let codes = tables.encode8(x)
            for i in 0..<8 { #expect(codes[i] == Int32(tables.encode(x[i])), "\(x[i]) (\(x[i].bitPattern))") }
        }
    }
}
