import Foundation
import Testing
import VitrineTestSupport

@testable import Render

@Suite struct PoseKeypointsTests {
    static let photoStems = ["astronaut", "camera", "dog-human", "Pilots"]

    static func sharedKeypoints(_ stem: String) throws -> [UInt8] {
        let url = Fixtures.shared("photos/\(stem).keypoints.json")
        return [UInt8](try Data(contentsOf: url))
    }

    @Test(arguments: photoStems)
    func readsTheSharedPhotosKeypoints(stem: String) throws {
        try #require(Fixtures.hasShared, "needs ../shared")
        let k = try PoseKeypoints.parse(Self.sharedKeypoints(stem))
        #expect(k.format == .coco17)
        #expect(k.normalized == false)
        #expect(k.imageWidth != nil && k.imageHeight != nil)
        #expect(k.people[k.primaryPerson].count == 17)
    }

    @Test func readsEveryPersonOfAMultiPersonFile() throws {
        try #require(Fixtures.hasShared, "needs ../shared")
        let k = try PoseKeypoints.parse(Self.sharedKeypoints("Pilots"))
        #expect(k.people.count == 3)
        #expect(k.primaryPerson == 0)
        // people[0] is the seated man on the left: his nose as in the file.
        let nose = try #require(k.people[0][.nose])
        #expect(nose.x == 160.1 && nose.y == 204.7 && nose.score == 1)
    }

    @Test func readsOpenPoseBody25() throws {
        var flat = [Double](repeating: 0, count: 75)
        // BODY_25: 2 = RShoulder, 5 = LShoulder, 1 = Neck (ignored), 8 = MidHip (ignored).
        flat.replaceSubrange(6..<9, with: [100, 200, 0.9])
        flat.replaceSubrange(15..<18, with: [300, 210, 0.8])
        flat.replaceSubrange(3..<6, with: [200, 190, 0.95])
        let json = #"{"version": 1.3, "people": [{"person_id": [-1], "pose_keypoints_2d": \#(flat)}]}"#
        let k = try PoseKeypoints.parse(Array(json.utf8))
        #expect(k.format == .body25)
        #expect(k.people[0][.rightShoulder] == Keypoint(x: 100, y: 200, score: 0.9))
        #expect(k.people[0][.leftShoulder] == Keypoint(x: 300, y: 210, score: 0.8))
        #expect(k.people[0][.neck] == nil)
        // Absent points are (0, 0, 0): present with score 0, so never usable.
        #expect(k.people[0][.nose]?.score == 0)
    }

    @Test func readsMediaPipeLandmarksAsNormalised() throws {
        let landmarks = (0..<33).map { i in #"{"x": \#(Double(i) / 40), "y": 0.5, "z": 0.1, "visibility": 0.9}"# }
        let json = #"{"landmarks": [\#(landmarks.joined(separator: ","))]}"#
        let k = try PoseKeypoints.parse(Array(json.utf8))
        #expect(k.format == .mediapipe33)
        #expect(k.normalized)
        // MediaPipe 11 = left_shoulder, 2 = left_eye; 1 (left_eye_inner) is not used.
        #expect(k.people[0][.leftShoulder] == Keypoint(x: 11.0 / 40, y: 0.5, score: 0.9))
        #expect(k.people[0][.leftEye]?.x == 2.0 / 40)
        #expect(k.people[0].count == 17)
    }

    @Test func readsNamedSubsetsInAnyOrderAndTriples() throws {
        let named = #"""
            {"format": "coco17", "units": "normalized", "keypoints": [
              {"name": "right_shoulder", "x": 0.3, "y": 0.4, "score": 0.9},
              {"name": "left_shoulder", "x": 0.7, "y": 0.4}]}
            """#
        let k = try PoseKeypoints.parse(Array(named.utf8))
        #expect(k.normalized)
        #expect(k.people[0].count == 2)
        #expect(k.people[0][.leftShoulder]?.score == 1)

        let triples = "[" + (0..<17).map { "[\($0), \($0 * 2), 0.75]" }.joined(separator: ",") + "]"
        let t = try PoseKeypoints.parse(Array(triples.utf8))
        #expect(t.format == .coco17)
        #expect(t.people[0][.rightAnkle] == Keypoint(x: 16, y: 32, score: 0.75))
    }

    @Test func nanAndInfinityAreNamed() {
        let json = #"{"format": "coco17", "keypoints": [{"name": "left_eye", "x": NaN, "y": 3, "score": 1}]}"#
        #expect(throws: TryOnError.nonFiniteKeypoint(name: "left_eye", field: "x")) {
            try PoseKeypoints.parse(Array(json.utf8))
        }
        let inf = #"{"keypoints": [{"name": "nose", "x": 1, "y": 3, "score": Infinity}]}"#
        #expect(throws: TryOnError.nonFiniteKeypoint(name: "nose", field: "score")) {
            try PoseKeypoints.parse(Array(inf.utf8))
        }
    }

    @Test func wrongCountsAndNamesAreErrors() {
        let short = "[" + (0..<16).map { "[\($0), 1, 1]" }.joined(separator: ",") + "]"
        #expect(throws: TryOnError.wrongKeypointCount(format: "coco17/mediapipe33/body25", expected: 17, found: 16)) {
            try PoseKeypoints.parse(Array(short.utf8))
        }
        let declared = #"{"format": "body25", "keypoints": [[1, 2, 1], [3, 4, 1]]}"#
        #expect(throws: TryOnError.wrongKeypointCount(format: "body25", expected: 25, found: 2)) {
            try PoseKeypoints.parse(Array(declared.utf8))
        }
        let unknown = #"{"keypoints": [{"name": "left_antenna", "x": 1, "y": 2}]}"#
        #expect(throws: TryOnError.self) { try PoseKeypoints.parse(Array(unknown.utf8)) }
        let format = #"{"format": "coco18", "keypoints": []}"#
        #expect(throws: TryOnError.self) { try PoseKeypoints.parse(Array(format.utf8)) }
    }

    @Test(arguments: [
        "", "not json", "{", "[1, 2", #"{"keypoints": 3}"#, #"{"people": {}}"#, #"{"width": -5, "keypoints": []}"#,
        #"{"keypoints": [{"name": "nose", "x": "1", "y": 2}]}"#, "42", #"{"nothing": true}"#,
        String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000),
    ])
    func malformedFilesAreClearErrors(json: String) {
        do {
            _ = try PoseKeypoints.parse(Array(json.utf8))
            Issue.record("accepted \(json.prefix(40))")
        } catch let error as TryOnError {
            #expect(error.description.hasPrefix("keypoints: "))
        } catch {
            Issue.record("untyped error \(error)")
        }
    }

    @Test func hugeFilesAreRefusedBeforeParsing() {
        var limits = PoseKeypoints.Limits()
        limits.maxBytes = 1000
        let big = [UInt8](repeating: 0x20, count: 1001)
        #expect(throws: TryOnError.keypointsTooLarge(bytes: 1001, maxBytes: 1000)) {
            try PoseKeypoints.parse(big, limits: limits)
        }
    }

    @Test func tooManyPeopleAreRefused() {
        let person = #"{"keypoints": [{"name": "nose", "x": 1, "y": 2}]}"#
        let json = #"{"people": [\#(Array(repeating: person, count: 65).joined(separator: ","))]}"#
        #expect(throws: TryOnError.self) { try PoseKeypoints.parse(Array(json.utf8)) }
    }

    /// Found by `scripts/fuzz keypoints`: Foundation's JSON5 scanner trapped on invalid UTF-8
    /// where an unquoted key may start (Fuzz/regressions/keypoints/json5-invalid-utf8-key.json).
    @Test func refusesInvalidUTF8InsteadOfTrapping() {
        let bytes = Array("{\n  ".utf8) + [0xFF, 0xFE, 0xC0] + Array(" \"nose\": [1, 2]}".utf8)
        #expect(throws: TryOnError.malformedKeypoints(reason: "not valid UTF-8 text")) {
            try PoseKeypoints.parse(bytes)
        }
    }
}
