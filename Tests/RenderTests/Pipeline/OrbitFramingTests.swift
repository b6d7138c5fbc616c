import Foundation
import Testing
import VitrineTestSupport

@testable import Render

@Suite struct OrbitFramingTests {
    @Test func boxFrameMatchesThePeerCameraJSON() throws {
        // The llvmpipe peer frames the unit box at yaw 0, pitch 15 with these matrices.
        let url = Fixtures.shared("reference/llvmpipe/Box/512_nearest/f00.json")
        try #require(FileManager.default.fileExists(atPath: url.path), "needs ../shared")
        let reference = try CameraJSON(contentsOf: url)
        let bounds = BoundingBox(min: SIMD3(repeating: -0.5), max: SIMD3(repeating: 0.5))
        let camera = OrbitFraming.camera(
            bounds: bounds, orbit: OrbitCamera(yawDegrees: 0, pitchDegrees: 15), width: 512, height: 512)
        for r in 0..<4 {
            for c in 0..<4 {
                #expect(abs(camera.view[r, c] - reference.view[r, c]) < 1e-6, "view[\(r), \(c)]")
                #expect(abs(camera.projection[r, c] - reference.projection[r, c]) < 1e-5, "projection[\(r), \(c)]")
            }
        }
        #expect(reference.width == 512 && reference.height == 512)
    }

    @Test func productFitsTheFrameFromEveryYaw() throws {
        let bounds = BoundingBox(min: SIMD3(-2, 0, -1), max: SIMD3(2, 3, 1))
        for yaw in stride(from: Float(0), to: 360, by: 45) {
            let camera = OrbitFraming.camera(
                bounds: bounds, orbit: OrbitCamera(yawDegrees: yaw, pitchDegrees: 30), width: 300, height: 200)
            let vp = camera.viewProjection
            for corner in 0..<8 {
                let p = SIMD3<Float>(
                    corner & 1 == 0 ? -2 : 2, corner & 2 == 0 ? 0 : 3, corner & 4 == 0 ? -1 : 1)
                let c = vp.transformPoint(p)
                #expect(
                    abs(c.x / c.w) <= 1 && abs(c.y / c.w) <= 1 && abs(c.z / c.w) <= 1, "yaw \(yaw) corner \(corner)")
            }
        }
    }

    @Test func turntablePathSpacesYawAndPitch() {
        let one = TurntablePath(frames: 36)
        #expect(one.stops.count == 36)
        #expect(one.stops[9].yawDegrees == 90)
        #expect(one.stops.allSatisfy { $0.pitchDegrees == 15 })
        let three = TurntablePath(frames: 4, rows: 3)
        #expect(three.stops.map(\.pitchDegrees) == [-5, -5, -5, -5, 15, 15, 15, 15, 35, 35, 35, 35])
        #expect(three.stops.map(\.yawDegrees).prefix(4) == [0, 90, 180, 270])
        #expect(three.stops[5].column == 1 && three.stops[5].row == 1)
    }

    @Test func cameraJSONErrorsNameTheProblem() {
        let bad = Data(#"{"view_matrix": [[1,0,0,0]], "projection_matrix": [], "width": 5, "height": 5}"#.utf8)
        #expect(
            throws: RenderError.invalidCameraJSON(file: "x.json", reason: "view_matrix must be 4 rows of 4 numbers")
        ) {
            try CameraJSON(data: bad, file: "x.json")
        }
    }
}
