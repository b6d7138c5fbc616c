import Foundation
import HTTPTypes
import Hummingbird

extension Response {
    /// A JSON answer (sorted keys, so equal data gives equal bytes).
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws
        -> Response
    {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(
            status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }

    /// Bytes with a content type.
    static func bytes(_ bytes: some Sequence<UInt8>, contentType: String, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = contentType
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

extension Request {
    /// The query as (name, percent-decoded value) pairs, in order.
    var queryPairs: [(String, String)] {
        uri.queryParameters.map { (String($0.key), String($0.value)) }
    }

    /// Whether `If-None-Match` names `etag` (or is `*`); weak comparison, as RFC 9110 asks for GET.
    func matches(etag: String) -> Bool {
        guard let header = headers[.ifNoneMatch] else { return false }
        for candidate in header.split(separator: ",").prefix(64) {
            var tag = candidate.trimmingCharacters(in: .whitespaces)
            if tag == "*" { return true }
            if tag.hasPrefix("W/") { tag.removeFirst(2) }
            if tag == etag { return true }
        }
        return false
    }

    /// `X-Vitrine-Priority: batch|interactive`, else `fallback`.
    func priority(default fallback: JobPriority) -> JobPriority {
        headers[priorityHeader].flatMap(JobPriority.init(rawValue:)) ?? fallback
    }
}

/// `X-Vitrine-Priority`, made once.
private let priorityHeader = HTTPField.Name("X-Vitrine-Priority")!
