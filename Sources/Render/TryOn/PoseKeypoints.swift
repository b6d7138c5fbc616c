/// One detected keypoint: position in the file's units and the detector's score (0...1).
public struct Keypoint: Equatable, Sendable {
    /// Horizontal position (pixels or 0...1, see `PoseKeypoints.normalized`), x right.
    public var x: Double
    /// Vertical position, y down.
    public var y: Double
    /// Confidence or visibility, 0...1; 1 when the file gives none.
    public var score: Double

    /// Creates a keypoint.
    public init(x: Double, y: Double, score: Double = 1) {
        self.x = x
        self.y = y
        self.score = score
    }
}

/// A parsed keypoints file: one or more people, each a set of body points in the file's units.
///
/// Read with `PoseKeypoints.parse(_:limits:)`; `BodyModel` turns one person into photo pixels
/// with estimates for what is missing. Layouts accepted (see `docs/tryon.md`):
/// - the project's own (`../shared/photos`): `{"format": "coco17", "width", "height",
///   "keypoints": [{"name", "x", "y", "score"}...], "people": [{"keypoints": [...]}...]}`,
///   with `format` one of `coco17`, `mediapipe33`, `body25`, points as named objects (any
///   order, any subset) or in the layout's order, as objects or `[x, y, score]` triples;
/// - OpenPose's JSON (`{"people": [{"pose_keypoints_2d": [x, y, c, ...]}]}`, BODY_25);
/// - MediaPipe landmark lists (`{"landmarks": [{"x", "y", "visibility"}...]}`, normalised).
///
/// Coordinates are pixels unless the file says `"units": "normalized"` (or `"normalized":
/// true`); MediaPipe landmark lists default to normalised.
public struct PoseKeypoints: Sendable {
    /// The layout the points were read in.
    public var format: KeypointFormat
    /// Size of the image the keypoints were computed on, when the file gives it.
    public var imageWidth: Double?
    /// See `imageWidth`.
    public var imageHeight: Double?
    /// Whether `x`/`y` are fractions of the image size (0...1) rather than pixels.
    public var normalized: Bool
    /// The people, each a map from body point to keypoint (points try-on does not use dropped).
    public var people: [[BodyPoint: Keypoint]]
    /// The person to use when none is asked for (`primary_person` in the file, else 0).
    public var primaryPerson: Int

    /// Creates keypoints directly (e.g. from an in-process pose estimator).
    public init(
        format: KeypointFormat = .coco17, imageWidth: Double? = nil, imageHeight: Double? = nil,
        normalized: Bool = false, people: [[BodyPoint: Keypoint]], primaryPerson: Int = 0
    ) {
        self.format = format
        self.imageWidth = imageWidth
        self.imageHeight = imageHeight
        self.normalized = normalized
        self.people = people
        self.primaryPerson = primaryPerson
    }

    /// Limits on keypoint files, checked before parsing.
    public struct Limits: Sendable, Hashable {
        /// Largest accepted file (default 1 MiB: a 33-point file is ~5 KB a person).
        public var maxBytes: Int = 1 << 20
        /// Most people read from one file.
        public var maxPeople: Int = 64

        /// Default limits.
        public init() {}
    }
}
