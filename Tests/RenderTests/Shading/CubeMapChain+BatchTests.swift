import Testing

@testable import Render

@Suite struct CubeMapChainBatchTests {
    /// Directions on every face, on the edges and corners between faces (ties of |x|, |y|, |z|),
    /// along the axes, zero and NaN.
    static func directions(_ rng: inout SplitMix) -> [SIMD3<Float>] {
        var d: [SIMD3<Float>] = [
            .zero, SIMD3(.nan, 0, 1), SIMD3(1, 1, 1), SIMD3(-1, 1, -1), SIMD3(1, -1, 0), SIMD3(0, 1, -1),
            SIMD3(1, 0, 0), SIMD3(-1, 0, 0), SIMD3(0, 1, 0), SIMD3(0, -1, 0), SIMD3(0, 0, 1), SIMD3(0, 0, -1),
            SIMD3(-0.0, -0.0, -1), SIMD3(0.5, -0.5, 0.5), SIMD3(-0.3, 0.3, 0.1), SIMD3(0.2, -0.7, -0.7),
            SIMD3(.infinity, .infinity, 0), SIMD3(-.infinity, 1, 0), SIMD3(0, .nan, .nan), SIMD3(1, 1, .nan),
            SIMD3(.nan, .nan, .nan), SIMD3(1e-40, 0, 0), SIMD3(0, 2e38, -3e38), SIMD3(0.1, -0.1, 0.1),
        ]
        for _ in 0..<488 { d.append(rng.direction()) }
        return d
    }

    @Test func trilinearLookupsAreBitIdentical() {
        var rng = SplitMix(seed: 61)
        let chain = Environment.studio().view.chain
        let dirs = Self.directions(&rng)
        for start in stride(from: 0, to: dirs.count, by: 8) {
            var d = Vector3x8.zero
            var lod = SIMD8<Float>()
            for i in 0..<8 {
                d[lane: i] = dirs[start + i]
                // Whole levels, fractions, below 0 and past the last level.
                lod[i] = [0, 1, 2.5, 6, 7.5, -1, .nan, rng.float(0...6)][i]
            }
            let c = chain.sample8(d, lod: lod)
            for i in 0..<8 {
                let expected = chain.sample(dirs[start + i], lod: lod[i])
                #expect(sameBits(c[lane: i], expected), "d \(dirs[start + i]) lod \(lod[i])")
            }
        }
    }

    @Test func badDirectionsReadTheCentreOfTheFirstFace() {
        for d in [SIMD3<Float>.zero, SIMD3(.nan, 0, 1), SIMD3(.infinity, .infinity, 0)] {
            let (face, st) = CubeMapChain.faceCoordinates(d)
            #expect(face == 0 && st == SIMD2(0.5, 0.5), "\(d)")
        }
    }

    @Test func faceCoordinatesMatchPerLane() {
        var rng = SplitMix(seed: 62)
        let dirs = Self.directions(&rng)
        for start in stride(from: 0, to: dirs.count, by: 8) {
            var d = Vector3x8.zero
            for i in 0..<8 { d[lane: i] = dirs[start + i] }
            let f = CubeMapChain.faceCoordinates8(d)
            for i in 0..<8 {
                let (face, st) = CubeMapChain.faceCoordinates(dirs[start + i])
                #expect(Int(f.face[i]) == face && sameBits(f.s[i], st.x) && sameBits(f.t[i], st.y))
            }
        }
    }
}
