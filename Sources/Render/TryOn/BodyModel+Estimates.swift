extension BodyModel {
    /// Body proportions used by the estimates, as multiples of the shoulder width (keypoint to
    /// keypoint) or of the eye distance. Rough adult averages: they place a garment plausibly,
    /// not exactly, which is why every estimate comes with a warning.
    enum Proportion {
        /// Neck raise above the shoulder midpoint (the same as the OpenCV peer's neck).
        static let neckRaise = 0.10
        /// Shoulder midpoint to hip midpoint.
        static let torso = 1.3
        /// Hip width (keypoint to keypoint).
        static let hipWidth = 0.7
        /// Hem drop below the hip midpoint, as a fraction of the torso length.
        static let hemDrop = 0.10
        /// Shoulder to elbow (arm hanging along the torso).
        static let upperArm = 0.8
        /// Elbow offset outward from the shoulder.
        static let elbowOut = 0.08
        /// Elbow to wrist, as a fraction of the upper arm.
        static let forearm = 0.9
        /// Hip to knee, and knee to ankle.
        static let thigh = 1.2
        static let shin = 1.15
        /// Eye line to the top of the head, in eye distances (and in ear distances, used when larger).
        static let headTopPerEye = 1.8
        static let headTopPerEar = 0.8
        /// Ear position from the eye midpoint: outward along the eye line and down, in eye distances.
        static let earOut = 1.15
        static let earDown = 0.3
    }

    /// The positions of `needed`, with estimates where they are allowed and safe.
    ///
    /// - Parameters:
    ///   - needed: the points the item anchors to.
    ///   - item: the item's id, for messages.
    ///   - estimate: whether missing points may be estimated (with a warning) rather than
    ///     rejected.
    /// - Returns: every point of `needed`, in photo pixels.
    /// - Throws: `TryOnError.missingKeypoints` naming each point that is neither usable nor
    ///   safely estimated, with the reason.
    public func resolve(_ needed: [BodyPoint], item: String, estimate: Bool = true) throws -> ResolvedBody {
        var resolver = Resolver(body: self, allowEstimates: estimate)
        var failures: [String] = []
        var positions: [BodyPoint: SIMD2<Double>] = [:]
        for point in needed.sorted() {
            if let p = resolver.position(point) {
                positions[point] = p
            } else {
                failures.append(resolver.failure[point] ?? "\(point.rawValue): not available")
            }
        }
        guard failures.isEmpty else { throw TryOnError.missingKeypoints(item: item, points: failures) }
        return ResolvedBody(positions: positions, estimated: resolver.estimated, warnings: warnings + resolver.warnings)
    }
}

/// Resolves points on demand, memoising each (estimates depend on other points).
private struct Resolver {
    let body: BodyModel
    let allowEstimates: Bool
    var memo: [BodyPoint: SIMD2<Double>?] = [:]
    var estimated: Set<BodyPoint> = []
    var warnings: [String] = []
    var failure: [BodyPoint: String] = [:]

    init(body: BodyModel, allowEstimates: Bool) {
        self.body = body
        self.allowEstimates = allowEstimates
    }

    mutating func position(_ point: BodyPoint) -> SIMD2<Double>? {
        if let known = memo[point] { return known }
        memo[point] = .some(nil)  // breaks cycles: a point never depends on itself
        let p = compute(point)
        memo[point] = p
        return p
    }

    private mutating func compute(_ point: BodyPoint) -> SIMD2<Double>? {
        if let p = body.usable(point) { return p }
        let why = body.rejection(point) ?? point.rawValue
        switch point {
        case .neck:
            guard let f = shoulderFrame() else { return fail(point, needs: [.leftShoulder, .rightShoulder]) }
            return f.mid + f.up * (BodyModel.Proportion.neckRaise * f.width)
        case .hem:
            guard let f = shoulderFrame(), let l = position(.leftHip), let r = position(.rightHip) else {
                return fail(point, needs: [.leftShoulder, .rightShoulder, .leftHip, .rightHip])
            }
            let hipMid = (l + r) / 2
            return hipMid + (hipMid - f.mid) * BodyModel.Proportion.hemDrop
        case .headTop:
            return headTop() ?? fail(point, needs: [.leftEye, .rightEye])
        case .leftHip, .rightHip:
            return estimateHip(point, why: why)
        case .leftElbow, .rightElbow:
            guard allowEstimates, let f = shoulderFrame() else { return fail(point, why: why) }
            let left = point == .leftElbow
            let shoulder = left ? f.left : f.right
            let out = f.across * (left ? 1 : -1)
            let p = shoulder + (f.down * BodyModel.Proportion.upperArm + out * BodyModel.Proportion.elbowOut) * f.width
            return estimate(point, p, why: why, from: "the shoulder, arm hanging")
        case .leftWrist, .rightWrist:
            let left = point == .leftWrist
            guard allowEstimates, let f = shoulderFrame(), let elbow = position(left ? .leftElbow : .rightElbow)
            else { return fail(point, why: why) }
            let shoulder = left ? f.left : f.right
            let p = elbow + (elbow - shoulder) * BodyModel.Proportion.forearm
            return estimate(point, p, why: why, from: "the elbow, forearm straight")
        case .leftKnee, .rightKnee:
            let left = point == .leftKnee
            guard allowEstimates, let f = shoulderFrame(), let hip = position(left ? .leftHip : .rightHip)
            else { return fail(point, why: why) }
            let p = hip + f.down * (BodyModel.Proportion.thigh * f.width)
            return estimate(point, p, why: why, from: "the hip, leg straight")
        case .leftAnkle, .rightAnkle:
            let left = point == .leftAnkle
            guard allowEstimates, let f = shoulderFrame(), let knee = position(left ? .leftKnee : .rightKnee)
            else { return fail(point, why: why) }
            let p = knee + f.down * (BodyModel.Proportion.shin * f.width)
            return estimate(point, p, why: why, from: "the knee, leg straight")
        case .leftEar, .rightEar:
            guard allowEstimates, let f = eyeFrame() else { return fail(point, why: why) }
            let out = f.across * (point == .leftEar ? 1 : -1)
            let p = f.mid + (out * BodyModel.Proportion.earOut - f.up * BodyModel.Proportion.earDown) * f.width
            return estimate(point, p, why: why, from: "the eyes")
        case .nose, .leftEye, .rightEye, .leftShoulder, .rightShoulder:
            return fail(point, why: why)
        }
    }

    // MARK: - Frames

    /// The shoulders as a frame: `across` from the right to the left shoulder, `up` toward the
    /// head, `down` along the torso (toward the hips when they are detected).
    private struct Frame {
        var left: SIMD2<Double>
        var right: SIMD2<Double>
        var mid: SIMD2<Double>
        var width: Double
        var across: SIMD2<Double>
        var up: SIMD2<Double>
        var down: SIMD2<Double>
    }

    private mutating func shoulderFrame() -> Frame? {
        guard let l = position(.leftShoulder), let r = position(.rightShoulder) else { return nil }
        let head = body.usable(.nose) ?? eyeMid()
        var f = frame(left: l, right: r, towards: head)
        if let hl = body.usable(.leftHip), let hr = body.usable(.rightHip) {
            let d = (hl + hr) / 2 - f.mid
            let n = (d * d).sum().squareRoot()
            if n > 1e-9 { f.down = d / n }
        }
        return f
    }

    private mutating func eyeFrame() -> Frame? {
        guard let l = position(.leftEye), let r = position(.rightEye) else { return nil }
        // The nose is below the eye line: `up` points away from it.
        var f = frame(left: l, right: r, towards: nil)
        if let nose = body.usable(.nose), ((nose - f.mid) * f.up).sum() > 0 {
            f.up = -f.up
            f.down = -f.down
        }
        return f
    }

    private func eyeMid() -> SIMD2<Double>? {
        guard let l = body.usable(.leftEye), let r = body.usable(.rightEye) else { return nil }
        return (l + r) / 2
    }

    /// A frame from a left/right pair; `up` is perpendicular to the pair, on the side of
    /// `towards` when given, else toward the image top.
    private func frame(left: SIMD2<Double>, right: SIMD2<Double>, towards: SIMD2<Double>?) -> Frame {
        let s = left - right
        let width = (s * s).sum().squareRoot()
        let across = width > 1e-9 ? s / width : SIMD2(1, 0)
        var up = SIMD2(across.y, -across.x)
        let mid = (left + right) / 2
        let reference = towards.map { $0 - mid } ?? SIMD2(0, -1)
        if (up * reference).sum() < 0 { up = -up }
        return Frame(left: left, right: right, mid: mid, width: width, across: across, up: up, down: -up)
    }

    // MARK: - Estimates

    private mutating func estimateHip(_ point: BodyPoint, why: String) -> SIMD2<Double>? {
        guard allowEstimates, let f = shoulderFrame() else { return fail(point, why: why) }
        let left = point == .leftHip
        let halfHip = f.across * (BodyModel.Proportion.hipWidth * f.width / 2)
        if let other = body.usable(left ? .rightHip : .leftHip) {
            let p = other + halfHip * (left ? 2 : -2)
            return estimate(point, p, why: why, from: "the other hip and the shoulder width")
        }
        let hipMid = f.mid + f.down * (BodyModel.Proportion.torso * f.width)
        return estimate(point, hipMid + halfHip * (left ? 1 : -1), why: why, from: "the shoulders and a torso ratio")
    }

    private mutating func headTop() -> SIMD2<Double>? {
        guard let f = eyeFrame() else { return nil }
        var height = BodyModel.Proportion.headTopPerEye * f.width
        if let l = body.usable(.leftEar), let r = body.usable(.rightEar) {
            let d = l - r
            height = max(height, BodyModel.Proportion.headTopPerEar * (d * d).sum().squareRoot())
        }
        return f.mid + f.up * height
    }

    private mutating func estimate(_ point: BodyPoint, _ p: SIMD2<Double>, why: String, from: String) -> SIMD2<Double> {
        estimated.insert(point)
        warnings.append("\(why); estimated from \(from)")
        return p
    }

    private mutating func fail(_ point: BodyPoint, why: String) -> SIMD2<Double>? {
        failure[point] = allowEstimates ? why : "\(why) (estimates are off)"
        return nil
    }

    private mutating func fail(_ point: BodyPoint, needs: [BodyPoint]) -> SIMD2<Double>? {
        let causes = needs.filter { position($0) == nil }.map { failure[$0] ?? $0.rawValue }
        failure[point] = "\(point.rawValue): needs " + causes.joined(separator: ", ")
        return nil
    }
}
