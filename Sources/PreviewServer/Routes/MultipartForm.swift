/// A `multipart/form-data` body (RFC 7578) split into its parts, in memory.
///
/// Bounded: at most ``maxParts`` parts and ``maxHeaderBytes`` of headers each; the body itself
/// is bounded by the route before it gets here. Part contents are kept as bytes and never
/// logged or written anywhere. `package` so that the fuzz harness (`Fuzz/FuzzServerHarness`)
/// drives the same parser.
package struct MultipartForm {
    /// One part: its form field name, its file name if any, and its bytes.
    package struct Part: Equatable {
        package var name: String
        package var fileName: String?
        package var bytes: [UInt8]
    }

    /// The parts, in body order.
    package var parts: [Part]

    /// Most parts accepted.
    package static let maxParts = 32
    /// Most header bytes per part.
    package static let maxHeaderBytes = 4096

    /// The first part named `name`.
    func first(_ name: String) -> Part? { parts.first { $0.name == name } }

    /// Every part named `name`.
    func all(_ name: String) -> [Part] { parts.filter { $0.name == name } }

    /// The boundary of a `Content-Type: multipart/form-data; boundary=...` header.
    package static func boundary(contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            return (1...70).contains(value.utf8.count) ? value : nil
        }
        return nil
    }

    /// Splits `body` at `boundary`.
    /// - Throws: ``ParameterError`` naming what is malformed.
    package init(_ body: [UInt8], boundary: String) throws {
        let delimiter = Array("--\(boundary)".utf8)
        let malformed = { (why: String) in
            ParameterError.invalid(name: "body", value: "multipart/form-data", expected: why)
        }
        guard var position = Self.find(delimiter, in: body, from: 0) else {
            throw malformed("a body with the boundary of its Content-Type")
        }
        var parts: [Part] = []
        while true {
            position += delimiter.count
            if body[position...].starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")]) { break }  // closing delimiter
            guard body[position...].starts(with: [13, 10]) else { throw malformed("CRLF after each boundary") }
            position += 2
            guard let headerEnd = Self.find([13, 10, 13, 10], in: body, from: position),
                headerEnd - position <= Self.maxHeaderBytes
            else { throw malformed("part headers of at most \(Self.maxHeaderBytes) bytes ending with a blank line") }
            let headers = String(decoding: body[position..<headerEnd], as: UTF8.self)
            let contentStart = headerEnd + 4
            guard let next = Self.find([13, 10] + delimiter, in: body, from: contentStart) else {
                throw malformed("a closing boundary")
            }
            guard let name = Self.disposition(headers, "name") else {
                throw malformed("a Content-Disposition: form-data; name=\"...\" header on every part")
            }
            parts.append(
                Part(
                    name: name, fileName: Self.disposition(headers, "filename"), bytes: Array(body[contentStart..<next])
                ))
            guard parts.count <= Self.maxParts else { throw malformed("at most \(Self.maxParts) parts") }
            position = next + 2
        }
        self.parts = parts
    }

    /// A parameter of the part's `Content-Disposition` header (`name`, `filename`).
    private static func disposition(_ headers: String, _ key: String) -> String? {
        for line in headers.split(separator: "\r\n") {
            guard line.lowercased().hasPrefix("content-disposition:") else { continue }
            for parameter in line.split(separator: ";").dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                guard pair.count == 2, pair[0].lowercased() == key else { continue }
                let value = pair[1]
                return value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2
                    ? String(value.dropFirst().dropLast()) : value
            }
        }
        return nil
    }

    /// The first index of `needle` in `haystack` at or after `start`, in linear time
    /// (Knuth-Morris-Pratt: each byte of the body is looked at a bounded number of times). A
    /// comparison of the whole needle at every position cost O(body x boundary): 1.8 s of CPU
    /// for a 60 MiB body of dashes with a boundary of 69 dashes and an `x` (finding 3 in
    /// RELIABILITY.md).
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, start >= 0, haystack.count >= needle.count, start <= haystack.count - needle.count
        else { return nil }
        // border[i]: the length of the longest proper prefix of needle[...i] that is also its suffix.
        var border = [Int](repeating: 0, count: needle.count)
        var length = 0
        for i in needle.indices.dropFirst() {
            while length > 0, needle[i] != needle[length] { length = border[length - 1] }
            if needle[i] == needle[length] { length += 1 }
            border[i] = length
        }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pattern in
                var matched = 0
                for i in start..<hay.count {
                    while matched > 0, hay[i] != pattern[matched] { matched = border[matched - 1] }
                    if hay[i] == pattern[matched] { matched += 1 }
                    if matched == pattern.count { return i - pattern.count + 1 }
                }
                return nil
            }
        }
    }
}
