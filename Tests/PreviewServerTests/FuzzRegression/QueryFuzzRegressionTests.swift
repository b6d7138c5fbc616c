import Foundation
import HummingbirdCore
import Testing
import VitrineTestSupport

@testable import PreviewServer

/// Replays the query-string fuzz seeds (`Fuzz/corpus/query`) and the inputs a fuzzer once
/// crashed on (`Fuzz/regressions/query`) through the frame and turntable parsers, as
/// `Fuzz/VitrineFuzzServer` does: a parse ends in a request or a `ParameterError`, and a parsed
/// frame request's own signed URL verifies and parses back to the same request.
@Suite struct QueryFuzzRegressionTests {
    static let inputs: [String] = ["Fuzz/corpus/query", "Fuzz/regressions/query"].flatMap { folder -> [String] in
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.repo(folder).path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted().map { "\(folder)/\($0)" }
    }
    static let signer = URLSigner(key: "fuzz-key")
    static let environments = ["studio", "sunset"]

    static func pairs(_ rawQuery: String) -> [(String, String)] {
        URI("/v1/assets/mug/frame?" + rawQuery).queryParameters.map { (String($0.key), String($0.value)) }
    }

    static func frame(_ rawQuery: String) throws -> FrameRequest {
        let reader = try QueryReader(pairs(rawQuery), allowed: FrameRequest.parameterNames)
        return try FrameRequest(
            query: reader, maxSide: 2048, defaultSide: 512, environments: environments, acceptedFormat: .png)
    }

    @Test func hasSavedInputs() {
        #expect(Self.inputs.count >= 3)
    }

    @Test(arguments: inputs)
    func replaysWithoutCrashing(path: String) throws {
        let rawQuery = String(decoding: try Data(contentsOf: Fixtures.repo(path)), as: UTF8.self)
        do {
            let reader = try QueryReader(Self.pairs(rawQuery), allowed: TurntableRequest.parameterNames)
            _ = try TurntableRequest(
                query: reader, maxSide: 2048, maxSheetPixels: 24 << 20, environments: Self.environments,
                acceptedFormat: .jpeg)
        } catch is ParameterError {}
        let request: FrameRequest
        do { request = try Self.frame(rawQuery) } catch is ParameterError { return }
        let url = FrameURL(signer: Self.signer).frame(id: "mug", request, version: "abc")
        let question = try #require(url.firstIndex(of: "?"))
        let query = String(url[url.index(after: question)...])
        #expect(Self.signer.isValid(path: String(url[..<question]), rawQuery: query), "\(url)")
        #expect(try Self.frame(query) == request, "\(rawQuery) -> \(url)")
    }
}
