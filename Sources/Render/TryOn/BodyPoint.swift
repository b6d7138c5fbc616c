/// A named point of the body model that items anchor to.
///
/// The first 17 are the COCO-17 keypoints in COCO order; the others are derived points that
/// no pose estimator reports directly. "left"/"right" are the **wearer's** (COCO convention): on
/// a frontal photo `leftShoulder` is on the image's right. Raw values are the snake_case names
/// used in keypoint and item JSON files.
public enum BodyPoint: String, CaseIterable, Hashable, Sendable, Comparable {
    case nose
    case leftEye = "left_eye"
    case rightEye = "right_eye"
    case leftEar = "left_ear"
    case rightEar = "right_ear"
    case leftShoulder = "left_shoulder"
    case rightShoulder = "right_shoulder"
    case leftElbow = "left_elbow"
    case rightElbow = "right_elbow"
    case leftWrist = "left_wrist"
    case rightWrist = "right_wrist"
    case leftHip = "left_hip"
    case rightHip = "right_hip"
    case leftKnee = "left_knee"
    case rightKnee = "right_knee"
    case leftAnkle = "left_ankle"
    case rightAnkle = "right_ankle"
    /// Centre of a top's neckline: the shoulder midpoint raised by 10% of the shoulder width
    /// (perpendicular to the shoulder line).
    case neck
    /// Top of the head: from the eyes (and ears), see `BodyModel`.
    case headTop = "head_top"
    /// Centre of a top's hem: the hip midpoint lowered by 10% of the torso length.
    case hem

    /// The COCO-17 points, in COCO order.
    public static let coco17: [BodyPoint] = Array(allCases.prefix(17))

    /// Position in `allCases`, for dense per-point arrays.
    public var index: Int {
        switch self {
        case .nose: 0
        case .leftEye: 1
        case .rightEye: 2
        case .leftEar: 3
        case .rightEar: 4
        case .leftShoulder: 5
        case .rightShoulder: 6
        case .leftElbow: 7
        case .rightElbow: 8
        case .leftWrist: 9
        case .rightWrist: 10
        case .leftHip: 11
        case .rightHip: 12
        case .leftKnee: 13
        case .rightKnee: 14
        case .leftAnkle: 15
        case .rightAnkle: 16
        case .neck: 17
        case .headTop: 18
        case .hem: 19
        }
    }

    /// Orders points as in `allCases` (COCO order first), so lists in messages are stable.
    public static func < (a: BodyPoint, b: BodyPoint) -> Bool { a.index < b.index }

    /// The same point on the other side of the body (`neck`, `nose`, `headTop`, `hem` map to
    /// themselves). Used when a photo is mirrored and to check items for left/right swaps.
    public var mirrored: BodyPoint {
        let name = rawValue
        if name.hasPrefix("left_") { return BodyPoint(rawValue: "right_" + name.dropFirst(5)) ?? self }
        if name.hasPrefix("right_") { return BodyPoint(rawValue: "left_" + name.dropFirst(6)) ?? self }
        return self
    }
}
