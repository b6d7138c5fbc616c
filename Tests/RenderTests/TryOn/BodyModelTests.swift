import Testing

@testable import Render

@Suite struct BodyModelTests {
    /// A frontal person on a 1000x1000 photo: shoulders 200 px apart.
    static func frontal(scores: [BodyPoint: Double] = [:], drop: Set<BodyPoint> = []) -> PoseKeypoints {
        let points: [BodyPoint: SIMD2<Double>] = [
            .nose: SIMD2(500, 250), .leftEye: SIMD2(530, 220), .rightEye: SIMD2(470, 220),
            .leftEar: SIMD2(560, 235), .rightEar: SIMD2(440, 235), .leftShoulder: SIMD2(600, 400),
            .rightShoulder: SIMD2(400, 400), .leftElbow: SIMD2(640, 560), .rightElbow: SIMD2(360, 560),
            .leftWrist: SIMD2(650, 700), .rightWrist: SIMD2(350, 700), .leftHip: SIMD2(570, 660),
            .rightHip: SIMD2(430, 660), .leftKnee: SIMD2(570, 860), .rightKnee: SIMD2(430, 860),
        ]
        var person: [BodyPoint: Keypoint] = [:]
        for (p, xy) in points where !drop.contains(p) {
            person[p] = Keypoint(x: xy.x, y: xy.y, score: scores[p] ?? 0.95)
        }
        return PoseKeypoints(imageWidth: 1000, imageHeight: 1000, people: [person])
    }

    @Test func detectedPointsAreScaledToThePhoto() throws {
        let body = try BodyModel(Self.frontal(), photoWidth: 500, photoHeight: 500)
        #expect(body.usable(.leftShoulder) == SIMD2(300, 200))
        #expect(body.warnings.isEmpty)
        let stretched = try BodyModel(Self.frontal(), photoWidth: 500, photoHeight: 700)
        #expect(stretched.usable(.leftShoulder) == SIMD2(300, 280))
        #expect(stretched.warnings.count == 1)
    }

    @Test func normalisedPointsAreMultipliedByThePhotoSize() throws {
        let k = PoseKeypoints(normalized: true, people: [[.nose: Keypoint(x: 0.25, y: 0.5)]])
        let body = try BodyModel(k, photoWidth: 800, photoHeight: 600)
        #expect(body.usable(.nose) == SIMD2(200, 300))
    }

    @Test func derivedPointsFollowTheShoulders() throws {
        let body = try BodyModel(Self.frontal(), photoWidth: 1000, photoHeight: 1000)
        let r = try body.resolve([.neck, .hem, .headTop], item: "t")
        // neck: 10% of the 200 px shoulder width above the shoulder midpoint.
        #expect(r.positions[.neck] == SIMD2(500, 380))
        // hem: hip midpoint (500, 660) + 10% of the torso (shoulder mid -> hip mid, 260 px).
        #expect(r.positions[.hem] == SIMD2(500, 686))
        // head top: above the eye line (away from the nose), 1.8 eye distances.
        let top = try #require(r.positions[.headTop])
        #expect(abs(top.x - 500) < 1e-9 && abs(top.y - (220 - 1.8 * 60)) < 1e-9)
        #expect(r.estimated.isEmpty && r.warnings.isEmpty)
    }

    @Test func lowScoreHipsAreEstimatedWithAWarning() throws {
        let k = Self.frontal(scores: [.leftHip: 0.1, .rightHip: 0.12])
        let body = try BodyModel(k, photoWidth: 1000, photoHeight: 1000)
        let r = try body.resolve([.leftHip, .rightHip], item: "tee")
        #expect(r.estimated == [.leftHip, .rightHip])
        #expect(r.warnings.count == 2)
        #expect(r.warnings[0].contains("left_hip: score 0.1 is below 0.5"))
        // Torso ratio 1.3 x 200 px below the shoulder midpoint, hips 0.7 x 200 px apart.
        #expect(r.positions[.leftHip] == SIMD2(570, 660))
        #expect(r.positions[.rightHip] == SIMD2(430, 660))
    }

    @Test func pointsOutsideThePhotoAreUnknown() throws {
        var k = Self.frontal()
        k.people[0][.leftShoulder] = Keypoint(x: 1010, y: 400, score: 0.99)
        let body = try BodyModel(k, photoWidth: 1000, photoHeight: 1000)
        #expect(body.usable(.leftShoulder) == nil)
        #expect(body.rejection(.leftShoulder)?.contains("outside the 1000x1000 photo") == true)
        #expect(throws: TryOnError.self) { try body.resolve([.neck], item: "tee") }
    }

    @Test func missingRequiredPointsAreNamed() throws {
        let k = Self.frontal(scores: [.leftShoulder: 0.3], drop: [.rightEye])
        let body = try BodyModel(k, photoWidth: 1000, photoHeight: 1000)
        do {
            _ = try body.resolve([.leftShoulder, .neck, .rightEye], item: "tee")
            Issue.record("resolved without a left shoulder")
        } catch let TryOnError.missingKeypoints(item, points) {
            #expect(item == "tee")
            #expect(points.count == 3)
            #expect(points[0] == "right_eye: not in the keypoints")
            #expect(points[1] == "left_shoulder: score 0.3 is below 0.5")
            #expect(points[2].hasPrefix("neck: needs left_shoulder"))
        }
    }

    @Test func estimatesCanBeTurnedOff() throws {
        let k = Self.frontal(scores: [.leftElbow: 0.2])
        let body = try BodyModel(k, photoWidth: 1000, photoHeight: 1000)
        #expect(try body.resolve([.leftElbow], item: "t").estimated == [.leftElbow])
        #expect(throws: TryOnError.self) { try body.resolve([.leftElbow], item: "t", estimate: false) }
    }

    @Test func aTrustedPointFarOutsideIsAnError() {
        var k = Self.frontal()
        k.people[0][.nose] = Keypoint(x: 5000, y: 100, score: 0.9)
        #expect(throws: TryOnError.keypointFarOutside(name: "nose", x: 5000, y: 100, width: 1000, height: 1000)) {
            try BodyModel(k, photoWidth: 1000, photoHeight: 1000)
        }
        // An untrusted guess far away is only unknown.
        k.people[0][.nose] = Keypoint(x: 5000, y: 100, score: 0.01)
        #expect((try? BodyModel(k, photoWidth: 1000, photoHeight: 1000)) != nil)
    }

    @Test func personIndexIsChecked() {
        #expect(throws: TryOnError.personNotFound(index: 2, count: 1)) {
            try BodyModel(Self.frontal(), person: 2, photoWidth: 10, photoHeight: 10)
        }
    }

    @Test func scaledBodyMovesEveryPoint() throws {
        let body = try BodyModel(Self.frontal(), photoWidth: 1000, photoHeight: 1000).scaled(toWidth: 500, height: 250)
        #expect(body.usable(.rightShoulder) == SIMD2(200, 100))
    }
}
