import Testing

@testable import Render

@Suite struct JSONParserTests {
    private func parse(_ text: String, maxDepth: Int = 64) throws(JSONParser.Failure) -> JSONValue {
        let bytes = Array(text.utf8)
        return try parse(bytes, maxDepth: maxDepth)
    }

    private func parse(_ bytes: [UInt8], maxDepth: Int = 64) throws(JSONParser.Failure) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer throws(JSONParser.Failure) in
            try JSONParser.parse(buffer, maxDepth: maxDepth)
        }
    }

    @Test func parsesAllValueKinds() throws {
        let v = try parse(#" {"a": [1, -2.5e2, true, false, null], "b": "x\"\u00e9\ud83d\ude00", "c": {}} "#)
        let expected: JSONValue = .object([
            "a": .array([.number(1), .number(-250), .bool(true), .bool(false), .null]),
            "b": .string("x\"é😀"),
            "c": .object([:]),
        ])
        #expect(v == expected)
    }

    @Test func numbersMatchTheStandardLibrary() throws {
        for text in ["0", "-0", "12345678901234567", "3.14159", "1e-7", "6.02E23", "0.1", "2.0", "-1.5e+3"] {
            let v = try parse(text)
            #expect(v == .number(Double(text)!), "\(text)")
        }
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "+1", "-", "1e", "tru", "nul", "\"abc", "[1 2]",
        "{\"a\" 1}", "{1: 2}", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00x\"", "[1]x", "NaN", "Infinity",
    ])
    func rejectsMalformedText(_ text: String) {
        #expect(throws: JSONParser.Failure.self) { try parse(text) }
    }

    @Test func rejectsControlCharactersInvalidUTF8AndBOM() {
        #expect(throws: JSONParser.Failure.self) { try parse("\"a\u{01}b\"") }
        #expect(throws: JSONParser.Failure.self) { try parse([0x22, 0xC3, 0x28, 0x22]) }
        #expect(throws: JSONParser.Failure.self) { try parse([0x22, 0xFF, 0x22]) }
        #expect(throws: JSONParser.Failure.self) { try parse([0x22, 0x5C, 0x6E, 0xED, 0xA0, 0x80, 0x22]) }
        let bom = #expect(throws: JSONParser.Failure.self) { try parse([0xEF, 0xBB, 0xBF] + Array("{}".utf8)) }
        #expect(bom?.reason.contains("byte order mark") == true)
    }

    @Test func rejectsDuplicateKeysWithTheirOffset() {
        let error = #expect(throws: JSONParser.Failure.self) { try parse(#"{"a": 1, "a": 2}"#) }
        #expect(error?.byteOffset == 9)
        #expect(error?.reason.contains("duplicate") == true)
    }

    /// 100 000 nested arrays would overflow a recursive parser's stack; the depth limit stops
    /// it first, at a precise offset.
    @Test func deepNestingStopsAtTheLimit() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = #expect(throws: JSONParser.Failure.self) { try parse(deep, maxDepth: 64) }
        #expect(error?.byteOffset == 64)
        #expect(error?.reason.contains("deeper than 64") == true)
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        _ = try parse(ok, maxDepth: 64)
        let objects = String(repeating: "{\"a\":", count: 65) + "1" + String(repeating: "}", count: 65)
        #expect(throws: JSONParser.Failure.self) { try parse(objects, maxDepth: 64) }
    }

    @Test func deepJSONInAGLTFIsASceneError() {
        let text =
            #"{"asset":{"version":"2.0"},"extras":"# + String(repeating: "[", count: 5000)
            + String(repeating: "]", count: 5000) + "}"
        let error = #expect(throws: SceneError.self) {
            try GLTFImporter.importGLTF(Array(text.utf8), name: "deep.gltf", baseURL: nil)
        }
        guard case .invalidJSON(let file, _, let reason)? = error else {
            Issue.record("expected invalidJSON, got \(String(describing: error))")
            return
        }
        #expect(file == "deep.gltf")
        #expect(reason.contains("deeper"))
    }

    @Test func hugeNumbersParseAsInfinityAndTypedReadersRefuseThem() throws {
        let v = try parse("1e999")
        #expect(v == .number(.infinity))
        let node = JSONNode(value: .object(["x": v]), path: "", file: "f.gltf")
        let error = #expect(throws: SceneError.self) { try node.float("x") }
        #expect(error?.location == "x")
        #expect(throws: SceneError.self) { try node.int("x") }
    }
}
