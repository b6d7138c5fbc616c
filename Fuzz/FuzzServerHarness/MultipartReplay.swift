import Hummingbird
import PreviewServer

/// The calls the `multipart` fuzz target makes with one input, shared by the libFuzzer binary
/// (`Fuzz/VitrineFuzzServer`) and the regression tests (`Tests/PreviewServerTests/FuzzRegression`).
///
/// An input is what `POST /v1/tryon` reads: its first line (up to the first `\n`) is the
/// `Content-Type` header's value, the rest is the body. The body goes through
/// `MultipartForm.boundary`, `MultipartForm.init` and `TryOnController.read`, as in the route.
/// Oracle: a parse ends in a form or a `ParameterError`; and a parsed form written out again
/// with ``serialise(_:boundary:)`` parses back to the same parts (``RoundTripError`` if not).
public enum MultipartReplay {
    /// A parsed form that, written out again, does not parse back to the same parts: a parser bug.
    public struct RoundTripError: Error, CustomStringConvertible {
        /// What differed.
        public var description: String
    }

    /// What one input came to.
    public enum Outcome: Equatable, Sendable {
        /// The first line is not a `multipart/form-data` type with a usable boundary (`415`).
        case noBoundary
        /// The body parsed into `parts` parts (`readable`: the try-on fields were accepted too).
        case parsed(parts: Int, readable: Bool)
    }

    /// Splits an input into its `Content-Type` value (the first line) and its body.
    public static func split(_ input: [UInt8]) -> (contentType: String, body: [UInt8]) {
        guard let newline = input.firstIndex(of: UInt8(ascii: "\n")) else {
            return (String(decoding: input, as: UTF8.self), [])
        }
        return (String(decoding: input[..<newline], as: UTF8.self), Array(input[(newline + 1)...]))
    }

    /// Runs one input through the route's parsers and the round-trip oracle.
    /// - Throws: `ParameterError` when the body is refused (the route's `400`), or
    ///   ``RoundTripError`` when the parsed form does not survive being written out again.
    public static func multipart(_ input: [UInt8]) throws -> Outcome {
        let (contentType, body) = split(input)
        guard let boundary = MultipartForm.boundary(contentType: contentType) else { return .noBoundary }
        let form = try MultipartForm(body, boundary: boundary)
        try checkRoundTrip(form, boundary: boundary)
        let readable = (try? TryOnController<BasicRequestContext>.read(form)) != nil
        return .parsed(parts: form.parts.count, readable: readable)
    }

    /// Writes `parts` as a `multipart/form-data` body delimited by `boundary`, with one
    /// `Content-Disposition` header per part (the parser keeps no other header).
    package static func serialise(_ parts: [MultipartForm.Part], boundary: String) -> [UInt8] {
        var body: [UInt8] = []
        for part in parts {
            body += Array("--\(boundary)\r\n".utf8) + header(part) + [13, 10, 13, 10] + part.bytes + [13, 10]
        }
        return body + Array("--\(boundary)--\r\n".utf8)
    }

    /// The `Content-Disposition` header line of `part`, without its CRLF.
    static func header(_ part: MultipartForm.Part) -> [UInt8] {
        let fileName = part.fileName.map { "; filename=\"\($0)\"" } ?? ""
        return Array("Content-Disposition: form-data; name=\"\(part.name)\"\(fileName)".utf8)
    }

    /// Parses `serialise(form.parts)` again and compares. Skipped when a name cannot be written
    /// back as the same characters: a header longer than the parser's limit once quoted, or a
    /// name or file name that starts or ends with a non-ASCII scalar (a combining mark would
    /// merge with the quote around it, as Swift compares characters, not bytes).
    static func checkRoundTrip(_ form: MultipartForm, boundary: String) throws {
        for part in form.parts {
            guard header(part).count <= MultipartForm.maxHeaderBytes, writable(part.name),
                part.fileName.map(writable) ?? true
            else { return }
        }
        let again: MultipartForm
        do {
            again = try MultipartForm(serialise(form.parts, boundary: boundary), boundary: boundary)
        } catch {
            throw RoundTripError(description: "a parsed form written out again is refused: \(error)")
        }
        guard again.parts == form.parts else {
            let names = { (parts: [MultipartForm.Part]) in parts.map { "\($0.name)(\($0.bytes.count) B)" } }
            throw RoundTripError(
                description: "written out again, \(names(form.parts)) parses as \(names(again.parts))")
        }
    }

    static func writable(_ text: String) -> Bool {
        (text.unicodeScalars.first?.isASCII ?? true) && (text.unicodeScalars.last?.isASCII ?? true)
    }
}
