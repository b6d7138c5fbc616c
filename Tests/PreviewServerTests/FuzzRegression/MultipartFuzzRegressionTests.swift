import Foundation
import FuzzServerHarness
import Hummingbird
import Testing
import VitrineTestSupport

@testable import PreviewServer

/// Replays the multipart fuzz seeds (`Fuzz/corpus/multipart`) and the inputs a fuzzer once
/// failed on (`Fuzz/regressions/multipart`) through `MultipartReplay.multipart`, the call the
/// `multipart` fuzz target makes: a `POST /v1/tryon` body ends in a form or a `ParameterError`,
/// and a parsed form written out again parses back to the same parts.
@Suite struct MultipartFuzzRegressionTests {
    static let inputs: [String] = ["Fuzz/corpus/multipart", "Fuzz/regressions/multipart"].flatMap {
        folder -> [String] in
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.repo(folder).path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted().map { "\(folder)/\($0)" }
    }

    static func input(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Fixtures.repo(path)))
    }

    @Test func hasSavedInputs() {
        #expect(Self.inputs.count >= 10)
    }

    @Test(arguments: inputs)
    func replaysWithoutCrashing(path: String) throws {
        do {
            _ = try MultipartReplay.multipart(try Self.input(path))
        } catch is ParameterError {}
    }

    /// The valid seeds are what the try-on page sends: every field is read.
    @Test(arguments: [
        ("png-all-fields", 8), ("jpeg-quoted-boundary-mask", 4), ("unquoted-names-70-char-boundary", 4),
    ])
    func validSeedsParseIntoEveryPart(name: String, parts: Int) throws {
        let outcome = try MultipartReplay.multipart(try Self.input("Fuzz/corpus/multipart/\(name)"))
        #expect(outcome == .parsed(parts: parts, readable: true))
    }

    @Test func malformedSeedsAreRefusedWithTheirReason() throws {
        let expected = [
            "no-closing-boundary": "a closing boundary", "missing-name": "Content-Disposition",
            "no-crlf-after-boundary": "CRLF after each boundary",
        ]
        for (name, reason) in expected {
            let error = try #require(throws: ParameterError.self) {
                try MultipartReplay.multipart(try Self.input("Fuzz/corpus/multipart/\(name)"))
            }
            #expect(error.description.contains(reason), "\(name): \(error)")
        }
        #expect(try MultipartReplay.multipart(try Self.input("Fuzz/corpus/multipart/not-multipart")) == .noBoundary)
    }

    /// Finding 3: the boundary search compared the whole delimiter at every position. A body
    /// of dashes with a boundary of 69 dashes and an `x` matches 70 bytes before failing at
    /// each byte: 1.8 s of service CPU for 60 MiB before the fix, 0.19 s after (RELIABILITY.md).
    /// Here 16 MiB (the saved input is the same shape at 16 KiB, libFuzzer's size).
    @Test func aBodyOfDashesIsSearchedInLinearTime() throws {
        let boundary = String(repeating: "-", count: 69) + "x"
        let body = [UInt8](repeating: UInt8(ascii: "-"), count: 16 << 20)
        let error = try #require(throws: ParameterError.self) { try MultipartForm(body, boundary: boundary) }
        #expect(error.description.contains("a body with the boundary of its Content-Type"))
        let found = try MultipartForm(body + Array("\r\n--\(boundary)--".utf8), boundary: boundary)
        #expect(found.parts.isEmpty)
    }

    /// Finding 4: a `garment` part was split at every comma before the item count was
    /// checked: 60 MiB of `a,` made 31 million strings (2.3 GB RSS, 20 s of CPU). A part over
    /// 1 KiB is now refused before it is split.
    @Test func aHugeGarmentPartIsRefusedBeforeItIsSplit() throws {
        let input = try Self.input("Fuzz/regressions/multipart/garment-part-of-commas")
        let form = try MultipartForm(MultipartReplay.split(input).body, boundary: "z")
        let error = try #require(throws: ParameterError.self) { try TryOnController<BasicRequestContext>.read(form) }
        #expect(error.description.contains("at most 1024 bytes"), "\(error)")
        #expect(try MultipartReplay.multipart(input) == .parsed(parts: 3, readable: false))
    }

    /// The oracle itself: what `serialise` writes parses back to the same parts, file names,
    /// bytes that hold CR, LF and dashes, and a name with quotes included.
    @Test func serialisedPartsParseBack() throws {
        let parts = [
            MultipartForm.Part(name: "photo", fileName: "me.png", bytes: [0x89, 13, 10, 45, 45, 13, 10]),
            MultipartForm.Part(name: "a\"b", fileName: nil, bytes: []),
            MultipartForm.Part(name: "garment", fileName: "", bytes: Array("--b\r\n--".utf8)),
        ]
        let body = MultipartReplay.serialise(parts, boundary: "b")
        #expect(try MultipartForm(body, boundary: "b").parts == parts)
    }
}
