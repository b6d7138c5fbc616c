import Foundation
import HummingbirdCore

@testable import PreviewServer

/// The query-string fuzz target: the input is a raw query string (`yaw=30&w=256&...`),
/// percent-decoded by Hummingbird as a request would be, then read by the frame and turntable
/// routes' parsers. When a frame request parses, the URL the service would hand out for it
/// (signed) must verify and parse back to the same request.
enum QueryFuzz {
    static let signer = URLSigner(key: "fuzz-key")
    static let environments = ["studio", "sunset"]

    static func pairs(_ rawQuery: String) -> [(String, String)] {
        URI("/v1/assets/mug/frame?" + rawQuery).queryParameters.map { (String($0.key), String($0.value)) }
    }

    static func frame(_ pairs: [(String, String)]) throws -> FrameRequest {
        let reader = try QueryReader(pairs, allowed: FrameRequest.parameterNames)
        return try FrameRequest(
            query: reader, maxSide: 2048, defaultSide: 512, environments: environments, acceptedFormat: .png)
    }

    static func run(_ rawQuery: String) {
        let pairs = pairs(rawQuery)
        _ = signer.isValid(path: "/v1/assets/mug/frame", rawQuery: rawQuery)
        if let reader = try? QueryReader(pairs, allowed: TurntableRequest.parameterNames) {
            _ = try? TurntableRequest(
                query: reader, maxSide: 2048, maxSheetPixels: 24 << 20, environments: environments,
                acceptedFormat: .jpeg)
        }
        guard let request = try? frame(pairs) else { return }
        _ = request.renderOptions
        _ = request.canonical
        let url = FrameURL(signer: signer).frame(id: "mug", request, version: "abc")
        guard let question = url.firstIndex(of: "?") else { preconditionFailure("no query in \(url)") }
        let path = String(url[..<question])
        let query = String(url[url.index(after: question)...])
        precondition(signer.isValid(path: path, rawQuery: query), "own signed URL rejected: \(url)")
        let again = try? frame(Self.pairs(query))
        precondition(again == request, "round trip changed the request: \(rawQuery) -> \(url)")
    }
}
