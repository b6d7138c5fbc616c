/// One person's keypoints in photo pixels, checked and ready to estimate what is missing.
///
/// A detected point is **usable** when its score is at least the threshold (default 0.5, as
/// `../shared/photos/README.md` advises) and it lies inside the photo; points outside the
/// photo are pose-model extrapolations and treated as unknown. `resolve(_:item:estimate:)`
/// gives the points an item needs: usable detections, derived points (`neck`, `hem`,
/// `headTop`) and, where a safe estimate exists, estimates with a warning (see
/// `BodyModel+Estimates.swift`); anything else is a `TryOnError.missingKeypoints` naming
/// each point and why.
public struct BodyModel: Sendable {
    /// Photo width in pixels (the coordinate frame of every position).
    public let photoWidth: Int
    /// Photo height in pixels.
    public let photoHeight: Int
    /// Minimum score of a usable point.
    public let scoreThreshold: Double
    /// Every detected point, mapped into photo pixels (usable or not).
    public let detected: [BodyPoint: Keypoint]
    /// Warnings found while reading (e.g. keypoints made for an image of another aspect ratio).
    public private(set) var warnings: [String] = []

    /// Maps one person of `keypoints` into the photo's pixel frame.
    ///
    /// Pixel coordinates are scaled from the file's `width`/`height` to the photo's size when
    /// they differ (keypoints computed on a resized copy); normalised ones are multiplied by the
    /// photo's size.
    /// - Parameters:
    ///   - keypoints: a parsed keypoints file.
    ///   - person: index into `keypoints.people`; `nil` for the file's primary person.
    ///   - photoWidth: the photo's width in pixels.
    ///   - photoHeight: the photo's height in pixels.
    ///   - scoreThreshold: minimum score of a usable point (0...1).
    /// - Throws: `TryOnError.personNotFound`, `.keypointFarOutside` (a trusted point more than
    ///   the photo's own size outside it), `.invalidOption` for a threshold outside 0...1.
    public init(
        _ keypoints: PoseKeypoints, person: Int? = nil, photoWidth: Int, photoHeight: Int,
        scoreThreshold: Double = 0.5
    ) throws {
        guard scoreThreshold.isFinite, (0...1).contains(scoreThreshold) else {
            throw TryOnError.invalidOption(name: "scoreThreshold", reason: "must be between 0 and 1")
        }
        precondition(photoWidth > 0 && photoHeight > 0, "empty photo")
        let index = person ?? keypoints.primaryPerson
        guard keypoints.people.indices.contains(index) else {
            throw TryOnError.personNotFound(index: index, count: keypoints.people.count)
        }
        self.photoWidth = photoWidth
        self.photoHeight = photoHeight
        self.scoreThreshold = scoreThreshold

        let w = Double(photoWidth)
        let h = Double(photoHeight)
        var sx = 1.0
        var sy = 1.0
        if keypoints.normalized {
            sx = w
            sy = h
        } else if let iw = keypoints.imageWidth, let ih = keypoints.imageHeight {
            sx = w / iw
            sy = h / ih
            if abs(sx / sy - 1) > 0.02 {
                warnings.append(
                    "keypoints were made for a \(Int(iw))x\(Int(ih)) image, the photo is \(photoWidth)x\(photoHeight): "
                        + "scaled non-uniformly")
            }
        }
        var mapped: [BodyPoint: Keypoint] = [:]
        for (point, k) in keypoints.people[index] {
            let p = Keypoint(x: k.x * sx, y: k.y * sy, score: k.score)
            let farX = p.x < -w || p.x > 2 * w
            let farY = p.y < -h || p.y > 2 * h
            if (farX || farY) && p.score >= scoreThreshold {
                throw TryOnError.keypointFarOutside(
                    name: point.rawValue, x: p.x, y: p.y, width: photoWidth, height: photoHeight)
            }
            mapped[point] = p
        }
        self.detected = mapped
    }

    /// The same body on a resized copy of the photo (positions scaled, scores kept).
    public func scaled(toWidth width: Int, height: Int) -> BodyModel {
        precondition(width > 0 && height > 0, "empty photo")
        let sx = Double(width) / Double(photoWidth)
        let sy = Double(height) / Double(photoHeight)
        return BodyModel(
            photoWidth: width, photoHeight: height, scoreThreshold: scoreThreshold,
            detected: detected.mapValues { Keypoint(x: $0.x * sx, y: $0.y * sy, score: $0.score) },
            warnings: warnings)
    }

    private init(
        photoWidth: Int, photoHeight: Int, scoreThreshold: Double, detected: [BodyPoint: Keypoint], warnings: [String]
    ) {
        self.photoWidth = photoWidth
        self.photoHeight = photoHeight
        self.scoreThreshold = scoreThreshold
        self.detected = detected
        self.warnings = warnings
    }

    /// Why a detected point cannot be used, or `nil` when it can.
    public func rejection(_ point: BodyPoint) -> String? {
        guard let k = detected[point] else { return "\(point.rawValue): not in the keypoints" }
        if k.score < scoreThreshold {
            return "\(point.rawValue): score \(Self.short(k.score)) is below \(Self.short(scoreThreshold))"
        }
        if k.x < 0 || k.y < 0 || k.x > Double(photoWidth) || k.y > Double(photoHeight) {
            return "\(point.rawValue): at (\(Self.short(k.x)), \(Self.short(k.y))), outside the "
                + "\(photoWidth)x\(photoHeight) photo"
        }
        return nil
    }

    /// The position of a usable detected point.
    public func usable(_ point: BodyPoint) -> SIMD2<Double>? {
        guard rejection(point) == nil, let k = detected[point] else { return nil }
        return SIMD2(k.x, k.y)
    }

    static func short(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        return "\(r)"
    }
}

/// The points an item asked for, in photo pixels, and how each was obtained.
public struct ResolvedBody: Sendable {
    /// Positions in photo pixels.
    public var positions: [BodyPoint: SIMD2<Double>]
    /// Points that are estimates rather than detections.
    public var estimated: Set<BodyPoint>
    /// One line per estimate or other concern, for the caller to show.
    public var warnings: [String]
}
