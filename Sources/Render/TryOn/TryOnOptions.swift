/// Everything that decides how a try-on picture looks, as plain values (hashable, so a server
/// may key a cache on them, though photos are never cached).
public struct TryOnOptions: Hashable, Sendable {
    /// Output encoding.
    public enum OutputFormat: String, Hashable, Sendable, CaseIterable {
        /// JPEG (libjpeg-turbo) at `quality`.
        case jpeg
        /// PNG (fast compression).
        case png
    }

    /// Output encoding (default JPEG).
    public var format: OutputFormat = .jpeg
    /// JPEG quality, 1...100.
    public var quality: Int = 85
    /// Fit the output inside this many pixels (aspect ratio kept); `nil` = the photo's size.
    public var maxOutputWidth: Int?
    /// See `maxOutputWidth`.
    public var maxOutputHeight: Int?
    /// Which person of a multi-person keypoints file; `nil` = the file's primary person.
    public var person: Int?
    /// Minimum keypoint score of a usable point, 0...1.
    public var scoreThreshold: Double = 0.5
    /// Estimate missing points where a safe estimate exists (with a warning), instead of failing.
    public var estimateMissing: Bool = true
    /// Thin-plate-spline regularisation (0 = anchors land exactly; ~0.01-0.1 smooths noisy
    /// keypoints at the cost of accuracy).
    public var lambda: Double = 0
    /// Soften each item's alpha edge by about 1.5 photo pixels.
    public var feather: Bool = true
    /// How much the garment takes on the photo's shading, 0 (off) ... 1.
    public var shadingStrength: Double = 0.8
    /// Darkest shading factor.
    public var minShade: Double = 0.6
    /// Percentile (0...1) of the photo's blurred luma under the garment taken as "fully lit".
    public var shadingPercentile: Double = 0.8
    /// Blur of the photo's luma before shading, as a fraction of the garment's size on the photo.
    public var shadingBlur: Double = 0.02
    /// An optional soft drop shadow under each garment.
    public var shadow: DropShadow?
    /// Largest photo (and output) accepted, in pixels; checked before decoding.
    public var maxPixels: Int = 40_000_000
    /// Limits on the keypoints file.
    public var keypointLimits = PoseKeypoints.Limits()

    /// Default options: JPEG q85 at the photo's size, shading and feathering on, no shadow.
    public init() {}

    /// Checks every field's range.
    /// - Throws: `TryOnError.invalidOption` naming the field.
    public func validate() throws {
        func check(_ ok: Bool, _ name: String, _ reason: String) throws {
            if !ok { throw TryOnError.invalidOption(name: name, reason: reason) }
        }
        try check((1...100).contains(quality), "quality", "must be 1...100")
        try check(maxOutputWidth.map { $0 > 0 } ?? true, "maxOutputWidth", "must be positive")
        try check(maxOutputHeight.map { $0 > 0 } ?? true, "maxOutputHeight", "must be positive")
        try check(scoreThreshold.isFinite && (0...1).contains(scoreThreshold), "scoreThreshold", "must be 0...1")
        try check(lambda.isFinite && (0...100).contains(lambda), "lambda", "must be 0...100")
        try check(
            shadingStrength.isFinite && (0...1).contains(shadingStrength), "shadingStrength", "must be 0...1")
        try check(minShade.isFinite && (0...1).contains(minShade), "minShade", "must be 0...1")
        try check(
            shadingPercentile.isFinite && (0...1).contains(shadingPercentile), "shadingPercentile", "must be 0...1")
        try check(shadingBlur.isFinite && (0...0.5).contains(shadingBlur), "shadingBlur", "must be 0...0.5")
        try check(maxPixels > 0, "maxPixels", "must be positive")
        if let shadow {
            try check(
                shadow.opacity.isFinite && (0...1).contains(shadow.opacity), "shadow.opacity", "must be 0...1")
            try check(
                shadow.offset.x.isFinite && shadow.offset.y.isFinite && abs(shadow.offset.x) <= 0.5
                    && abs(shadow.offset.y) <= 0.5, "shadow.offset", "must be within +-0.5 of the garment size")
            try check(shadow.blur.isFinite && (0...0.5).contains(shadow.blur), "shadow.blur", "must be 0...0.5")
        }
    }
}

/// A soft shadow cast by a garment onto the photo, down and to the side.
public struct DropShadow: Hashable, Sendable {
    /// Offset as a fraction of the garment's size on the photo (x right, y down).
    public var offset: SIMD2<Double> = SIMD2(0.01, 0.015)
    /// Blur (Gaussian sigma) as a fraction of the garment's size on the photo.
    public var blur: Double = 0.012
    /// Darkening where the shadow is full, 0...1.
    public var opacity: Double = 0.35

    /// A subtle default shadow.
    public init() {}
}
