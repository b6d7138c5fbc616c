import Testing

@testable import Render

@Suite struct WarpMeshTests {
    /// The mesh's piecewise-linear map against the spline, sampled inside every drawn cell.
    static func worstInterpolationError(_ mesh: WarpMesh, warp: AnchorWarp) -> Double {
        var worst = 0.0
        for t in mesh.triangles {
            let a = Int(t.x)
            let b = Int(t.y)
            let c = Int(t.z)
            // Barycentric samples inside the triangle.
            for (wa, wb) in [(1.0 / 3, 1.0 / 3), (0.5, 0.25), (0.25, 0.5), (0.25, 0.25), (0.5, 0.5), (0.5, 0)] {
                let wc = 1 - wa - wb
                let uv = mesh.uvs[a] * wa + mesh.uvs[b] * wb + mesh.uvs[c] * wc
                let linear = mesh.positions[a] * wa + mesh.positions[b] * wb + mesh.positions[c] * wc
                let d = linear - warp(uv)
                worst = max(worst, (d * d).sum().squareRoot())
            }
        }
        return worst
    }

    /// The t-shirt on the astronaut's keypoints at 1080x1440 (the benchmark's warp).
    static func benchmarkWarp() throws -> (TryOnItem, AnchorWarp) {
        let item = try TryOnTestItems.tee()
        let people: [BodyPoint: Keypoint] = [
            .leftShoulder: Keypoint(x: 642.7, y: 723.9), .rightShoulder: Keypoint(x: 232.2, y: 672.5),
            .leftElbow: Keypoint(x: 682.0, y: 1052.4), .rightElbow: Keypoint(x: 134.2, y: 1168.9),
            .leftHip: Keypoint(x: 512.8, y: 1406.0), .rightHip: Keypoint(x: 256.3, y: 1434.6),
        ]
        let body = try BodyModel(PoseKeypoints(people: [people]), photoWidth: 1080, photoHeight: 1440)
        let resolved = try body.resolve(Array(item.anchors.keys), item: "tee")
        return (item, try AnchorWarp(item: item, body: resolved, lambda: 0))
    }

    @Test func anchorsAreVertices() throws {
        let (item, warp) = try Self.benchmarkWarp()
        let mesh = WarpMesh(item: item, warp: warp, canvasWidth: 1080, canvasHeight: 1440)
        for (_, anchor) in item.anchors {
            #expect(mesh.uvs.contains(anchor))
        }
    }

    @Test func linearCellsStayCloseToTheSpline() throws {
        let (item, warp) = try Self.benchmarkWarp()
        let mesh = WarpMesh(item: item, warp: warp, canvasWidth: 1080, canvasHeight: 1440)
        let worst = Self.worstInterpolationError(mesh, warp: warp)
        #expect(worst < 0.5)
    }

    @Test func gridLinesPassThroughAnchors() {
        let lines = WarpMesh.lines(from: 0, to: 100, step: 10, through: [31, 50.5, 150])
        #expect(lines.first == 0 && lines.last == 100)
        #expect(lines.contains(31) && lines.contains(50.5) && !lines.contains(150))
        // The regular line at 30 is dropped next to the anchor line at 31; 50 next to 50.5.
        #expect(!lines.contains(30) && !lines.contains(50) && lines.contains(40))
        #expect(lines == lines.sorted())
    }
}
