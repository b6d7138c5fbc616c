import Testing

@testable import AssetGenerator

@Suite struct JSONValueTests {
    @Test func compactKeepsKeyOrderAndNumberForms() {
        let v: JSONValue = .object([
            ("b", .int(1)), ("a", .floats([1, 0.5, -0.25])), ("s", .string("q\"\\\n\u{1}")), ("n", .null),
            ("t", .bool(true)), ("e", .array([])), ("o", .object([])),
        ])
        #expect(v.serialized() == #"{"b":1,"a":[1,0.5,-0.25],"s":"q\"\\\n\u0001","n":null,"t":true,"e":[],"o":{}}"#)
    }

    @Test func prettyPutsScalarArraysOnOneLine() {
        let v: JSONValue = .object([("anchors", .object([("neck", .ints([450, 80]))]))])
        #expect(v.serialized(pretty: true) == "{\n  \"anchors\": {\n    \"neck\": [450, 80]\n  }\n}\n")
    }

    @Test func floatsRoundTrip() throws {
        for f: Float in [0.041, 1e-5, 123456.78, -0.0001234, 0.1] {
            let text = JSONValue.float(f).serialized()
            #expect(Float(text) == f, "\(text)")
        }
    }
}
