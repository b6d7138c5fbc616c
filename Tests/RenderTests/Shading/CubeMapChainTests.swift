import Testing

@testable import Render

@Suite struct CubeMapChainTests {
    @Test func faceCoordinatesInvertDirection() {
        for face in 0..<6 {
            for st in [SIMD2<Float>(0.5, 0.5), SIMD2(0.1, 0.9), SIMD2(0.8, 0.2), SIMD2(0.01, 0.02)] {
                let d = normalize(CubeMapChain.direction(face: face, st: st))
                let (f, back) = CubeMapChain.faceCoordinates(d)
                #expect(f == face)
                #expect(abs(back - st).max() < 1e-5)
                #expect(EquirectSampler.faceCoordinates(d, face: face).map { abs($0 - st).max() < 1e-5 } == true)
            }
        }
    }

    @Test func majorAxesLandOnTheirFaces() {
        let axes: [SIMD3<Float>] = [
            SIMD3(1, 0, 0), SIMD3(-1, 0, 0), SIMD3(0, 1, 0), SIMD3(0, -1, 0), SIMD3(0, 0, 1), SIMD3(0, 0, -1),
        ]
        for (i, a) in axes.enumerated() { #expect(CubeMapChain.faceCoordinates(a).face == i) }
        // A zero or NaN direction is defined (centre of +X), not a crash.
        #expect(CubeMapChain.faceCoordinates(.zero).face == 0)
        #expect(CubeMapChain.faceCoordinates(SIMD3(.nan, 0, 0)).face == 0)
    }

    @Test func bordersMakeLookupsContinuousAcrossEdges() {
        // A smooth environment sampled on both sides of a cube edge agrees.
        let env = Environment(equirect: EnvironmentTests.smoothImage())
        let edges: [(SIMD3<Float>, SIMD3<Float>)] = [
            (SIMD3(1, 0, 0), SIMD3(0, 0, 1)), (SIMD3(1, 0, 0), SIMD3(0, 1, 0)),
            (SIMD3(0, -1, 0), SIMD3(0, 0, -1)), (SIMD3(-1, 0, 0), SIMD3(0, 0, 1)),
        ]
        for (axisA, axisB) in edges {
            // Just on either side of the edge between the faces of axisA and axisB.
            let side = cross(axisA, axisB) * 0.3
            let a = normalize(axisA * 1.002 + axisB + side)
            let b = normalize(axisA + axisB * 1.002 + side)
            #expect(CubeMapChain.faceCoordinates(a).face != CubeMapChain.faceCoordinates(b).face)
            for r: Float in [0, 0.5] {
                let va = env.specular(direction: a, roughness: r)
                let vb = env.specular(direction: b, roughness: r)
                #expect(abs(va - vb).max() < 0.01, "\(axisA) \(axisB) r \(r): \(va) vs \(vb)")
            }
        }
    }
}
