import Foundation
import Testing

@testable import PreviewServer

@Suite struct FrameURLTests {
    @Test func decimalsAreShortAndExact() {
        #expect(FrameURL.decimal(1500) == "15")
        #expect(FrameURL.decimal(1250) == "12.5")
        #expect(FrameURL.decimal(1205) == "12.05")
        #expect(FrameURL.decimal(-5) == "-0.05")
    }

    @Test func builtURLsParseBackToTheSameRequest() throws {
        var request = FrameRequest()
        request.yawHundredths = 1234
        request.variant = "midnight blue"
        request.format = .jpeg
        request.quality = 70
        request.background = "ffffffff"
        let url = FrameURL(signer: nil).frame(id: "chair", request, version: "abc")
        #expect(url.hasPrefix("/v1/assets/chair/frame?"))
        #expect(url.contains("variant=midnight%20blue"))
        let query = String(url.split(separator: "?")[1])
        let pairs = query.split(separator: "&").map { part -> (String, String) in
            let kv = part.split(separator: "=", maxSplits: 1)
            return (String(kv[0]), String(kv[1]).removingPercentEncoding ?? "")
        }
        let parsed = try FrameRequest(
            query: QueryReader(pairs, allowed: FrameRequest.parameterNames), maxSide: 2048, defaultSide: 512,
            environments: ["studio"], acceptedFormat: .png)
        #expect(parsed == request)
    }
}
