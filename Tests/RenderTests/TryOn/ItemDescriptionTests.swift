import Testing

@testable import Render

@Suite struct ItemDescriptionTests {
    @Test func readsAnchorsAsPairsObjectsOrLists() throws {
        let pairs =
            #"{"category": "tops", "size": [800, 900], "anchors": {"neck": [400, 30], "hem": {"x": 400, "y": 870}}}"#
        let a = try ItemDescription(json: Array(pairs.utf8), id: "tee")
        #expect(a.category == .top)
        #expect(a.size == SIMD2(800, 900))
        #expect(a.anchors == [.neck: SIMD2(400, 30), .hem: SIMD2(400, 870)])
        #expect(a.imageFile == nil)

        let list = #"{"category": "glasses", "image": "g.png", "anchors": [{"name": "left_eye", "x": 1, "y": 2}]}"#
        let b = try ItemDescription(json: Array(list.utf8), id: "g")
        #expect(b.anchors == [.leftEye: SIMD2(1, 2)])
        #expect(b.imageFile == "g.png")
    }

    @Test(arguments: [
        ("{}", "has no \"category\""),
        (#"{"category": "shoes", "anchors": {}}"#, "unknown category 'shoes'"),
        (#"{"category": "top"}"#, "has no \"anchors\""),
        (#"{"category": "top", "anchors": {"elbow": [1, 2]}}"#, "unknown anchor name 'elbow'"),
        (#"{"category": "top", "anchors": {"neck": [1]}}"#, "anchor 'neck' must be"),
        (#"{"category": "top", "anchors": {"neck": [NaN, 1]}}"#, "anchor 'neck' must be"),
        (#"{"category": "top", "image": "../secret.png", "anchors": {}}"#, "plain file name"),
        (#"{"category": "top", "size": [0, 5], "anchors": {}}"#, "\"size\" must be"),
        ("[1, 2]", "must hold an object"),
        ("{", "not valid JSON"),
    ])
    func badJSONNamesTheProblem(json: String, expected: String) {
        do {
            _ = try ItemDescription(json: Array(json.utf8), id: "x")
            Issue.record("accepted \(json)")
        } catch {
            #expect("\(error)".contains(expected), "\(error)")
        }
    }
}
