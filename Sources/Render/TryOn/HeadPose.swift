import Foundation

/// Where a head is and how it is turned, from the 2D face keypoints of a photo: roll from the
/// eye line, yaw from where the nose and ears lie relative to the eyes, scale from the eye
/// distance. Pitch is taken as 0 (keypoints say little about it).
///
/// The yaw fit uses a weak-perspective model of an average head (metres, head frame: x
/// towards the wearer's left, y up, z out of the face, origin between the pupils): the image
/// position of a point `(X, Y, Z)`, after undoing the roll, is
/// `a = t + s (X cos(yaw) + Z sin(yaw))` along the eye line. For each yaw in -70°...70° the
/// offset `t` and the scale `s` are solved by least squares over the usable points; the yaw
/// with the smallest residual wins (refined to 0.05°). With the eyes alone the yaw is 0.
struct HeadPose: Equatable {
    /// Image angle of the eye line (right eye to left eye), radians, y down: positive when the
    /// wearer's left eye is lower in the image.
    var roll: Double
    /// Rotation about the head's vertical axis, radians: positive turns the wearer's left side
    /// away from the camera (the nose moves towards the image's right, where the wearer's left
    /// is on a photo taken from the front).
    var yaw: Double
    /// Photo pixels per metre at the eyes.
    var pixelsPerMetre: Double
    /// The eye midpoint in photo pixels.
    var eyeCentre: SIMD2<Double>
    /// The eyes in photo pixels (wearer's left, right).
    var leftEye: SIMD2<Double>
    var rightEye: SIMD2<Double>

    /// Average head points relative to the pupils' midpoint, metres (head frame).
    static let pupilDistance = 0.062
    static let modelPoints: [BodyPoint: SIMD3<Double>] = [
        .leftEye: SIMD3(0.031, 0, 0), .rightEye: SIMD3(-0.031, 0, 0),
        // Ear canal: 4 mm below, 92 mm behind the eyes (the sunglasses' ear anchors).
        .leftEar: SIMD3(0.0715, -0.004, -0.092), .rightEar: SIMD3(-0.0715, -0.004, -0.092),
        // Nose tip: 34 mm below, 27 mm in front of the eyes (a common 3D face model).
        .nose: SIMD3(0, -0.034, 0.027),
    ]

    /// Estimates the pose of `body`'s head.
    /// - Throws: `TryOnError.missingKeypoints` when an eye is not usable (the eyes are never
    ///   estimated), `TryOnError.degenerateWarp` when they are less than a pixel apart.
    init(body: BodyModel, item: String) throws {
        let resolved = try body.resolve([.leftEye, .rightEye], item: item, estimate: false)
        guard let left = resolved.positions[.leftEye], let right = resolved.positions[.rightEye] else {
            throw TryOnError.missingKeypoints(item: item, points: ["left_eye, right_eye: not usable"])
        }
        var observed: [BodyPoint: SIMD2<Double>] = [.leftEye: left, .rightEye: right]
        for point in [BodyPoint.leftEar, .rightEar, .nose] {
            if let p = body.usable(point) { observed[point] = p }
        }
        let gap = left - right
        guard (gap * gap).sum() >= 1 else {
            throw TryOnError.degenerateWarp(item: item, reason: "the eyes are less than 1 px apart")
        }
        self.init(observed: observed)
    }

    /// Fits the pose to observed points (eyes required; ears and nose optional).
    init(observed: [BodyPoint: SIMD2<Double>]) {
        let left = observed[.leftEye] ?? .zero
        let right = observed[.rightEye] ?? .zero
        let line = left - right
        roll = atan2(line.y, line.x)
        eyeCentre = (left + right) / 2
        leftEye = left
        rightEye = right
        // Positions along the eye line, relative to the eye centre.
        let axis = SIMD2(cos(roll), sin(roll))
        let middle = (left + right) / 2
        var samples: [(SIMD3<Double>, Double)] = []
        for (point, p) in observed.sorted(by: { $0.key < $1.key }) {
            if let model = Self.modelPoints[point] { samples.append((model, ((p - middle) * axis).sum())) }
        }
        var best = 0.0
        if samples.count > 2 {
            var bestResidual = Double.infinity
            var step = 1.0
            var lo = -70.0
            var hi = 70.0
            while step >= 0.05 {
                var degrees = lo
                while degrees <= hi {
                    let r = Self.fit(samples, yaw: degrees * .pi / 180).residual
                    if r < bestResidual {
                        bestResidual = r
                        best = degrees
                    }
                    degrees += step
                }
                lo = best - step
                hi = best + step
                step /= 10
            }
            best *= .pi / 180
        }
        yaw = best
        // Scale from the eyes alone, so that they land exactly: their separation along the
        // line is 62 mm x cos(yaw).
        let distance = (line * line).sum().squareRoot()
        pixelsPerMetre = distance / (Self.pupilDistance * max(cos(yaw), 0.2))
    }

    /// Least-squares offset and scale for one yaw, and the squared residual.
    static func fit(_ samples: [(SIMD3<Double>, Double)], yaw: Double) -> (t: Double, s: Double, residual: Double) {
        let c = cos(yaw)
        let sn = sin(yaw)
        let n = Double(samples.count)
        var sx = 0.0
        var sa = 0.0
        var sxx = 0.0
        var sxa = 0.0
        for (m, a) in samples {
            let x = m.x * c + m.z * sn
            sx += x
            sa += a
            sxx += x * x
            sxa += x * a
        }
        let det = n * sxx - sx * sx
        guard abs(det) > 1e-18 else { return (0, 0, .infinity) }
        let s = (n * sxa - sx * sa) / det
        let t = (sa - s * sx) / n
        guard s > 0 else { return (t, s, .infinity) }
        var residual = 0.0
        for (m, a) in samples {
            let d = t + s * (m.x * c + m.z * sn) - a
            residual += d * d
        }
        return (t, s, residual)
    }
}
