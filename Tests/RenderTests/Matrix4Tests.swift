import Testing

@testable import Render

@Suite struct Matrix4Tests {
    @Test func inverseOfTRSGivesIdentity() throws {
        let m = Matrix4.trs(
            translation: SIMD3(1, -2, 3), rotation: SIMD4(0.1825742, 0.3651484, 0.5477226, 0.7302967),
            scale: SIMD3(2, 0.5, 3))
        let inv = try #require(m.inverse)
        let p = (m * inv)
        for r in 0..<4 {
            for c in 0..<4 {
                #expect(abs(p[r, c] - (r == c ? 1 : 0)) < 1e-5)
            }
        }
    }

    @Test func lookAtMapsEyeToOrigin() {
        let v = Matrix4.lookAt(eye: SIMD3(0, 1, 5), target: .zero, up: SIMD3(0, 1, 0))
        let e = v.transformPoint(SIMD3(0, 1, 5))
        #expect(abs(e.x) < 1e-6 && abs(e.y) < 1e-6 && abs(e.z) < 1e-6)
        let t = v.transformPoint(.zero)
        #expect(t.z < 0)
    }

    @Test func singularMatrixHasNoInverse() {
        let m = Matrix4(.zero, .zero, .zero, SIMD4(0, 0, 0, 1))
        #expect(m.inverse == nil)
    }
}
