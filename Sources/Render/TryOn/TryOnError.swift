/// Everything that can go wrong in a try-on request, with what the caller needs to fix it.
///
/// Messages never contain photo pixels or bytes, only sizes, names and coordinates (photos are
/// private: see `docs/tryon.md`).
public enum TryOnError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The photo could not be decoded (not an image, truncated, corrupt); `reason` comes from
    /// the codec.
    case invalidPhoto(reason: String)
    /// The photo (or a requested output size) is larger than the configured pixel limit.
    case photoTooLarge(width: Int, height: Int, maxPixels: Int)
    /// The keypoints file is larger than the configured limit.
    case keypointsTooLarge(bytes: Int, maxBytes: Int)
    /// The keypoints file is not valid JSON, or not in a known layout.
    case malformedKeypoints(reason: String)
    /// A keypoint coordinate or score is NaN or infinite.
    case nonFiniteKeypoint(name: String, field: String)
    /// A format was named or detected whose point count does not match the data.
    case wrongKeypointCount(format: String, expected: Int, found: Int)
    /// A keypoint lies absurdly far outside the photo (more than the photo's own size away):
    /// the file belongs to another image or uses other units.
    case keypointFarOutside(name: String, x: Double, y: Double, width: Int, height: Int)
    /// The requested person is not in the file.
    case personNotFound(index: Int, count: Int)
    /// Points an item needs are missing, below the score threshold or outside the photo, and
    /// have no safe estimate. Each entry names the point and why it cannot be used.
    case missingKeypoints(item: String, points: [String])
    /// A garment id that is not in the catalogue.
    case unknownItem(id: String, known: [String])
    /// An item (image + JSON) is invalid: `reason` says what to change.
    case invalidItem(id: String, reason: String)
    /// The occlusion mask could not be decoded or has the wrong size.
    case invalidMask(reason: String)
    /// An option is out of range (e.g. a zero output size).
    case invalidOption(name: String, reason: String)
    /// The warp could not be solved (anchors coincide or are collinear in a way no estimate fixes).
    case degenerateWarp(item: String, reason: String)
    /// The output could not be encoded.
    case encodeFailed(reason: String)

    /// A one-line message for logs, CLI output and HTTP error bodies.
    public var description: String {
        switch self {
        case .invalidPhoto(let reason):
            return "photo: cannot decode: \(reason)"
        case .photoTooLarge(let width, let height, let maxPixels):
            return
                "photo: \(width)x\(height) is larger than the limits of \(maxPixels) pixels and "
                + "\(WarpMeshDrawer.maxCanvasSide) pixels a side"
        case .keypointsTooLarge(let bytes, let maxBytes):
            return "keypoints: \(bytes) bytes is larger than the limit of \(maxBytes) bytes"
        case .malformedKeypoints(let reason):
            return "keypoints: \(reason)"
        case .nonFiniteKeypoint(let name, let field):
            return "keypoints: \(name).\(field) is NaN or infinite"
        case .wrongKeypointCount(let format, let expected, let found):
            return "keypoints: format \(format) has \(expected) points, the file has \(found)"
        case .keypointFarOutside(let name, let x, let y, let width, let height):
            return "keypoints: \(name) at (\(Self.format(x)), \(Self.format(y))) is far outside the "
                + "\(width)x\(height) photo (keypoints of another image, or normalised coordinates "
                + "not marked as such?)"
        case .personNotFound(let index, let count):
            return "keypoints: person \(index) requested, the file has \(count) \(count == 1 ? "person" : "people")"
        case .missingKeypoints(let item, let points):
            return "keypoints: item '\(item)' needs points that are not usable: \(points.joined(separator: "; "))"
        case .unknownItem(let id, let known):
            let list = known.isEmpty ? "(the catalogue is empty)" : known.joined(separator: ", ")
            return "unknown item '\(id)'; known items: \(list)"
        case .invalidItem(let id, let reason):
            return "item '\(id)': \(reason)"
        case .invalidMask(let reason):
            return "occlusion mask: \(reason)"
        case .invalidOption(let name, let reason):
            return "option \(name): \(reason)"
        case .degenerateWarp(let item, let reason):
            return "item '\(item)': cannot fit the warp: \(reason)"
        case .encodeFailed(let reason):
            return "output: cannot encode: \(reason)"
        }
    }

    static func format(_ v: Double) -> String {
        guard v.isFinite, abs(v) < 1e12 else { return "\(v)" }
        return "\((v * 10).rounded() / 10)"
    }
}
