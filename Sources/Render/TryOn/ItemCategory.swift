/// What kind of item a garment or accessory is: decides which anchors it may name, which it
/// must name, and how it is warped.
public enum ItemCategory: String, CaseIterable, Sendable {
    /// T-shirts, shirts, jackets: neck, shoulders, elbows (sleeve ends), wrists, hips, hem.
    case top
    /// Dresses: like tops, down to the knees (and ankles for long dresses).
    case dress
    /// Flat glasses: eyes, ears (temple ends), nose (bridge).
    case glasses
    /// Hats: eyes (brim line) and the estimated top of the head, ears.
    case hat

    /// Parses a category as written in item files (singular or plural).
    public init?(name: String) {
        switch name.lowercased() {
        case "top", "tops", "shirt", "tshirt", "t-shirt", "jacket": self = .top
        case "dress", "dresses": self = .dress
        case "glasses", "sunglasses", "eyewear": self = .glasses
        case "hat", "hats", "cap", "headwear": self = .hat
        default: return nil
        }
    }

    /// Anchor names an item of this category may carry.
    public var knownAnchors: [BodyPoint] {
        switch self {
        case .top:
            [
                .neck, .leftShoulder, .rightShoulder, .leftElbow, .rightElbow, .leftWrist, .rightWrist,
                .leftHip, .rightHip, .hem,
            ]
        case .dress:
            [
                .neck, .leftShoulder, .rightShoulder, .leftElbow, .rightElbow, .leftWrist, .rightWrist,
                .leftHip, .rightHip, .leftKnee, .rightKnee, .leftAnkle, .rightAnkle,
            ]
        case .glasses: [.leftEye, .rightEye, .leftEar, .rightEar, .nose]
        case .hat: [.leftEye, .rightEye, .leftEar, .rightEar, .headTop]
        }
    }

    /// Anchors an item of this category must carry.
    public var requiredAnchors: [BodyPoint] {
        switch self {
        case .top, .dress: [.leftShoulder, .rightShoulder, .leftHip, .rightHip]
        case .glasses: [.leftEye, .rightEye]
        case .hat: [.leftEye, .rightEye, .headTop]
        }
    }

    /// Default drawing order when several items are layered, lower first (an item's JSON may
    /// set its own `layer`): dress 10, top 20, glasses 30, hat 40, as in `docs/assets.md`.
    public var defaultLayer: Int {
        switch self {
        case .dress: 10
        case .top: 20
        case .glasses: 30
        case .hat: 40
        }
    }

    /// How much of `TryOnOptions.shadingStrength` the category takes. Clothes lie on the body
    /// whose light the photo shows (1); glasses sit in front of the face (0.5); a hat covers
    /// hair and background, whose brightness says nothing about its light (0).
    public var shadingWeight: Double {
        switch self {
        case .top, .dress: 1
        case .glasses: 0.5
        case .hat: 0
        }
    }
}
