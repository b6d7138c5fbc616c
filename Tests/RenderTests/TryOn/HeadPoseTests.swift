import Foundation
import Testing

@testable import Render

@Suite struct HeadPoseTests {
    /// The average head's points seen by a weak-perspective camera: turned by `yaw`, scaled by
    /// `scale` pixels per metre, rolled by `roll` in the image, eyes' midpoint at `centre`.
    static func observed(roll: Double, yaw: Double, scale: Double, centre: SIMD2<Double>, points: [BodyPoint])
        -> [BodyPoint: SIMD2<Double>]
    {
        var out: [BodyPoint: SIMD2<Double>] = [:]
        for point in points {
            let m = HeadPose.modelPoints[point]!
            let a = scale * (m.x * cos(yaw) + m.z * sin(yaw))
            let b = -scale * m.y
            out[point] = centre + SIMD2(a * cos(roll) - b * sin(roll), a * sin(roll) + b * cos(roll))
        }
        return out
    }

    @Test(arguments: [(0.0, 0.0), (0.2, 0.3), (-0.15, -0.5), (0.05, 0.9)])
    func recoversRollYawAndScale(roll: Double, yaw: Double) {
        let all: [BodyPoint] = [.leftEye, .rightEye, .leftEar, .rightEar, .nose]
        let pose = HeadPose(
            observed: Self.observed(roll: roll, yaw: yaw, scale: 1500, centre: SIMD2(400, 300), points: all))
        #expect(abs(pose.roll - roll) < 1e-9)
        #expect(abs(pose.yaw - yaw) < 0.002, "yaw \(pose.yaw) for \(yaw)")
        #expect(abs(pose.pixelsPerMetre / 1500 - 1) < 0.002)
        #expect(pose.eyeCentre == SIMD2(400, 300))
    }

    @Test func theNoseAloneGivesTheYaw() {
        let pose = HeadPose(
            observed: Self.observed(
                roll: 0, yaw: -0.4, scale: 900, centre: SIMD2(100, 100), points: [.leftEye, .rightEye, .nose]))
        #expect(abs(pose.yaw + 0.4) < 0.002)
    }

    @Test func eyesAloneMeanAFrontalHead() {
        let pose = HeadPose(observed: [.leftEye: SIMD2(130, 100), .rightEye: SIMD2(70, 100)])
        #expect(pose.yaw == 0)
        #expect(pose.roll == 0)
        #expect(abs(pose.pixelsPerMetre - 60 / 0.062) < 1e-9)
    }

    @Test func missingEyesAreAClearError() throws {
        let keypoints = try PoseKeypoints.parse(
            Array(#"{"format": "coco17", "keypoints": [{"name": "nose", "x": 10, "y": 10, "score": 1}]}"#.utf8))
        let body = try BodyModel(keypoints, photoWidth: 100, photoHeight: 100)
        #expect(throws: TryOnError.self) { try HeadPose(body: body, item: "sunglasses") }
    }
}
