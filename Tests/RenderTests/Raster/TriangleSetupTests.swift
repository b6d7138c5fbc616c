import Testing

@testable import Render

@Suite struct TriangleSetupTests {
    let pattern = SamplePattern(count: 1)!

    func v(_ x: Double, _ y: Double) -> (Int32, Int32, Float) { TileRasterizerTests.v(x, y) }

    @Test func frontFacesAreClockwiseInWindowCoordinates() {
        let setup = TriangleSetup(width: 64, height: 64, pattern: pattern)
        // Counter-clockwise as seen on screen (as in NDC) = front; its signed area in window
        // coordinates (y down) is negative.
        let front = setup.setup(v(1, 1), v(1, 20), v(20, 1), triangle: 0, doubleSided: false, flags: 0)
        let back = setup.setup(v(1, 1), v(20, 1), v(1, 20), triangle: 0, doubleSided: false, flags: 0)
        #expect(front != nil)
        #expect(front?.flags == 0)
        #expect(back == nil)
        let twoSided = setup.setup(v(1, 1), v(20, 1), v(1, 20), triangle: 0, doubleSided: true, flags: 0)
        #expect(twoSided?.flags == RasterTriangle.backFace)
    }

    @Test func degenerateAndSubSampleTrianglesAreDropped() {
        let setup = TriangleSetup(width: 64, height: 64, pattern: pattern)
        #expect(setup.setup(v(1, 1), v(5, 5), v(9, 9), triangle: 0, doubleSided: true, flags: 0) == nil)
        // Between pixel centres 3.5 and 4.5: no sample can be inside.
        #expect(setup.setup(v(3.6, 3.6), v(4.4, 3.6), v(3.6, 4.4), triangle: 0, doubleSided: true, flags: 0) == nil)
        // Entirely off screen.
        #expect(setup.setup(v(-30, -30), v(-10, -30), v(-30, -10), triangle: 0, doubleSided: true, flags: 0) == nil)
    }

    @Test func boundsAreClampedToTheImageAndFlagTopLeftEdges() throws {
        let setup = TriangleSetup(width: 64, height: 64, pattern: pattern)
        let r = try #require(
            setup.setup(v(-10, 2.5), v(-10, 90), v(100, 2.5), triangle: 3, doubleSided: false, flags: 0))
        #expect(r.minX == 0 && r.minY == 2 && r.maxX == 63 && r.maxY == 63)
        #expect(r.triangle == 3)
        // The horizontal edge at y = 2.5 with the inside below is a top edge; the vertical one
        // at x = -10 with the inside to the right is a left edge; the diagonal is neither.
        #expect(r.topLeft.nonzeroBitCount == 2)
    }

    @Test func depthPlaneReproducesVertexDepths() throws {
        let setup = TriangleSetup(width: 64, height: 64, pattern: pattern)
        let r = try #require(
            setup.setup((256, 256, 0.25), (5120, 512, 0.5), (768, 4096, 0.75), triangle: 0, doubleSided: true, flags: 0)
        )
        func z(_ x: Int32, _ y: Int32) -> Float {
            (r.z0 + r.dzdx * Float(x - r.x0) / 256) + r.dzdy * Float(y - r.y0) / 256
        }
        #expect(abs(z(r.x1, r.y1) - (r.x1 == 5120 ? 0.5 : 0.75)) < 1e-6)
        #expect(abs(z(256, 256) - 0.25) < 1e-6)
    }
}
