import Foundation

/// The body keypoint layouts try-on reads, each mapped onto `BodyPoint`.
public enum KeypointFormat: String, CaseIterable, Sendable {
    /// COCO-17 (the default): nose, eyes, ears, shoulders, elbows, wrists, hips, knees, ankles.
    case coco17
    /// MediaPipe Pose / BlazePose, 33 landmarks (hands, heels and feet are read and ignored).
    case mediapipe33
    /// OpenPose BODY_25 (its neck and mid-hip are ignored: try-on derives its own neck).
    case body25

    /// Number of points in the layout.
    public var count: Int { names.count }

    /// The point names in the layout's order, as its own tools spell them.
    public var names: [String] {
        switch self {
        case .coco17: BodyPoint.coco17.map(\.rawValue)
        case .mediapipe33: Self.mediapipeNames
        case .body25: Self.body25Names
        }
    }

    /// The body point for the point at `index`, or `nil` for points try-on does not use.
    public func bodyPoint(at index: Int) -> BodyPoint? {
        switch self {
        case .coco17: return index < 17 ? BodyPoint.coco17[index] : nil
        case .mediapipe33:
            return index < Self.mediapipeNames.count ? BodyPoint(rawValue: Self.mediapipeNames[index]) : nil
        case .body25: return Self.body25Map[index]
        }
    }

    /// The body point for a point name in this layout (also accepting the snake_case COCO
    /// spelling for every layout), or `nil` when the name is known but unused.
    /// - Returns: `.some(nil)` for a known but unused name, `nil` for an unknown name.
    func bodyPoint(named name: String) -> BodyPoint?? {
        let lower = name.lowercased()
        if let index = names.firstIndex(where: { $0.lowercased() == lower }) { return .some(bodyPoint(at: index)) }
        if let point = BodyPoint(rawValue: lower), point.index < 17 { return .some(point) }
        return nil
    }

    /// Parses a format name as written in files and on the command line (several spellings).
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "-", with: "_") {
        case "coco17", "coco", "coco_17", "coco_wholebody_body": self = .coco17
        case "mediapipe33", "mediapipe", "mediapipe_pose", "blazepose", "mediapipe_33": self = .mediapipe33
        case "body25", "body_25", "openpose", "openpose_body25", "openpose_body_25": self = .body25
        default: return nil
        }
    }

    // MARK: - Tables

    private static let mediapipeNames = [
        "nose", "left_eye_inner", "left_eye", "left_eye_outer", "right_eye_inner", "right_eye",
        "right_eye_outer", "left_ear", "right_ear", "mouth_left", "mouth_right", "left_shoulder",
        "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist", "left_pinky",
        "right_pinky", "left_index", "right_index", "left_thumb", "right_thumb", "left_hip", "right_hip",
        "left_knee", "right_knee", "left_ankle", "right_ankle", "left_heel", "right_heel",
        "left_foot_index", "right_foot_index",
    ]

    private static let body25Names = [
        "Nose", "Neck", "RShoulder", "RElbow", "RWrist", "LShoulder", "LElbow", "LWrist", "MidHip",
        "RHip", "RKnee", "RAnkle", "LHip", "LKnee", "LAnkle", "REye", "LEye", "REar", "LEar",
        "LBigToe", "LSmallToe", "LHeel", "RBigToe", "RSmallToe", "RHeel",
    ]

    private static let body25Map: [Int: BodyPoint] = [
        0: .nose, 2: .rightShoulder, 3: .rightElbow, 4: .rightWrist, 5: .leftShoulder, 6: .leftElbow,
        7: .leftWrist, 9: .rightHip, 10: .rightKnee, 11: .rightAnkle, 12: .leftHip, 13: .leftKnee,
        14: .leftAnkle, 15: .rightEye, 16: .leftEye, 17: .rightEar, 18: .leftEar,
    ]
}
