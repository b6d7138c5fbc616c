import Testing

@testable import Render

@Suite struct ShadingBatchTests {
    @Test func setStoresEveryAttributeInItsLane() {
        var rng = SplitMix(seed: 91)
        var batch = ShadingBatch()
        var points: [SurfaceAttributes] = []
        for i in 0..<8 {
            let a = rng.attributes()
            points.append(a)
            batch.set(lane: i, a, wo: SIMD3(Float(i), 0, 1))
        }
        for (i, a) in points.enumerated() {
            #expect(batch.normal[lane: i] == a.normal)
            #expect(batch.tangent[lane: i] == SIMD3(a.tangent.x, a.tangent.y, a.tangent.z))
            #expect(batch.tangentSign[i] == a.tangent.w)
            #expect(batch.uv0[lane: i] == a.uv0 && batch.uv1[lane: i] == a.uv1)
            #expect(batch.duv0dx[lane: i] == a.duv0dx && batch.duv0dy[lane: i] == a.duv0dy)
            #expect(batch.duv1dx[lane: i] == a.duv1dx && batch.duv1dy[lane: i] == a.duv1dy)
            #expect(batch.color[lane: i] == a.color)
            #expect((batch.frontFacing[i] != 0) == a.frontFacing)
            #expect(batch.wo[lane: i] == SIMD3(Float(i), 0, 1))
        }
    }

    @Test func activeMaskCoversTheFirstCountLanes() {
        var batch = ShadingBatch()
        for count in 0...8 {
            batch.count = count
            for i in 0..<8 { #expect((batch.activeMask[i] != 0) == (i < count)) }
        }
        batch.count = 3
        batch.reset()
        #expect(batch.count == 0 && batch.normal[lane: 5] == SIMD3(0, 0, 1))
    }

    @Test func vectorHelpersFollowTheScalarOperationOrder() {
        var rng = SplitMix(seed: 92)
        var a = Vector3x8.zero
        var b = Vector3x8.zero
        for i in 0..<8 {
            a[lane: i] = rng.direction() * rng.float(0...100)
            b[lane: i] = i == 0 ? .zero : rng.direction() * rng.float(0...0.01)
        }
        let d = dot(a, b)
        let c = cross(a, b)
        let n = normalize(b)
        for i in 0..<8 {
            #expect(sameBits(d[i], dot(a[lane: i], b[lane: i])))
            #expect(sameBits(c[lane: i], cross(a[lane: i], b[lane: i])))
            #expect(sameBits(n[lane: i], normalize(b[lane: i])))
        }
    }
}
