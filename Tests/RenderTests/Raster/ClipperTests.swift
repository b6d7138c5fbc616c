import Testing

@testable import Render

@Suite struct ClipperTests {
    @Test func triangleInsideIsUnchanged() {
        var clipper = Clipper()
        let a = SIMD4<Float>(-0.5, -0.5, 0, 1)
        let b = SIMD4<Float>(0.5, -0.5, 0, 1)
        let c = SIMD4<Float>(0, 0.5, 0, 1)
        clipper.clip(a, b, c, guardX: 2, guardY: 2)
        #expect(clipper.count == 3)
        #expect(clipper.vertex(0) == a && clipper.vertex(1) == b && clipper.vertex(2) == c)
    }

    @Test func nearPlaneCutsAQuadrilateral() {
        // One vertex behind the near plane (z < -w): the result has 4 vertices, all inside.
        var clipper = Clipper()
        clipper.clip(
            SIMD4(-0.5, -0.5, 0, 1), SIMD4(0.5, -0.5, 0, 1), SIMD4(0, 0.5, -3, 1), guardX: 4, guardY: 4)
        #expect(clipper.count == 4)
        for i in 0..<clipper.count {
            let v = clipper.vertex(i)
            #expect(v.z >= -v.w - 1e-6)
        }
    }

    @Test func triangleBehindTheEyeVanishes() {
        var clipper = Clipper()
        clipper.clip(SIMD4(0, 0, 2, -1), SIMD4(1, 0, 2, -1), SIMD4(0, 1, 2, -1), guardX: 4, guardY: 4)
        #expect(clipper.count == 0)
    }

    @Test func sharedEdgeGivesIdenticalVerticesFromBothTriangles() {
        // Two triangles share the edge p-q, which crosses the near plane; each clips it (in
        // opposite directions) and both must produce the very same new vertex.
        let p = SIMD4<Float>(0.1, 0.2, 0.3, 0.9)
        let q = SIMD4<Float>(-0.3, 0.7, -2.1, 0.4)
        var first = Clipper()
        first.clip(p, q, SIMD4(0.8, -0.2, 0.1, 1.0), guardX: 4, guardY: 4)
        var second = Clipper()
        second.clip(q, p, SIMD4(-0.9, -0.4, 0.2, 1.1), guardX: 4, guardY: 4)
        let a = (0..<first.count).map(first.vertex)
        let b = (0..<second.count).map(second.vertex)
        let onPlaneA = a.filter { abs($0.z + $0.w) < 1e-6 }
        let onPlaneB = b.filter { abs($0.z + $0.w) < 1e-6 }
        #expect(!onPlaneA.isEmpty)
        #expect(onPlaneA.contains { v in onPlaneB.contains(v) })
    }

    @Test func guardBandClipKeepsWindowCoordinatesInRange() {
        // A huge triangle: after clipping, every vertex maps inside the guard band.
        let mapping = ScreenMapping(width: 512, height: 512)
        var clipper = Clipper()
        clipper.clip(
            SIMD4(-1000, -1000, 0, 1), SIMD4(1000, -1000, 0, 1), SIMD4(0, 1000, 0, 1), guardX: mapping.guardX,
            guardY: mapping.guardY)
        #expect(clipper.count >= 3)
        for i in 0..<clipper.count {
            let (x, y, _) = mapping.snap(clipper.vertex(i))
            #expect(abs(Int(x)) <= (512 + 2049) * 256)
            #expect(abs(Int(y)) <= (512 + 2049) * 256)
        }
    }
}
