import Foundation

/// What a URI in an asset refers to: embedded bytes or a file inside the asset's folder.
///
/// Only two kinds of URI are accepted: `data:` URIs, and relative paths that stay inside the
/// folder of the file being imported. Absolute paths, `..` components (also percent-encoded
/// as `%2e%2e`), other schemes (`file:`, `http:`), NUL bytes and symbolic links that lead out
/// of the folder are refused, so an uploaded model cannot make the importer read other files.
enum AssetURI: Equatable {
    /// Decoded `data:` URI bytes with their declared media type (may be empty).
    case data([UInt8], mediaType: String)
    /// A file inside the base folder.
    case file(URL)

    /// Resolves a URI from a glTF or OBJ file.
    /// - Parameters:
    ///   - uri: the URI as written in the file.
    ///   - baseURL: the folder of the asset, or `nil` when external files are not available.
    ///   - file: file name for errors.
    ///   - jsonPath: where the URI is written, for errors.
    /// - Throws: ``SceneError/invalidURI(file:jsonPath:uri:reason:)``.
    static func resolve(_ uri: String, baseURL: URL?, file: String, jsonPath: String) throws(SceneError) -> AssetURI {
        func fail(_ reason: String) -> SceneError {
            .invalidURI(file: file, jsonPath: jsonPath, uri: uri, reason: reason)
        }
        if uri.utf8.count >= 5, uri.prefix(5).lowercased() == "data:" {
            return try decodeDataURI(uri, fail: fail)
        }
        let components = try relativeComponents(uri, fail: fail)
        guard let baseURL else { throw fail("refers to an external file, but no base folder was given") }
        var url = baseURL
        for c in components { url.appendPathComponent(c) }
        // A symbolic link inside the folder must not lead out of it.
        let root = baseURL.resolvingSymlinksInPath().standardizedFileURL.path
        let resolved = url.resolvingSymlinksInPath().standardizedFileURL.path
        guard resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            throw fail("leads out of the asset's folder (through a symbolic link)")
        }
        return .file(url)
    }

    /// The path components of a relative reference, percent-decoded, or an error when the
    /// reference could leave the base folder.
    static func relativeComponents(_ uri: String, fail: (String) -> SceneError) throws(SceneError) -> [String] {
        guard !uri.isEmpty else { throw fail("is empty") }
        let utf8 = Array(uri.utf8)
        // A scheme is letters, digits, '+', '-', '.' before the first ':' and before any '/', '?', '#'.
        if let colon = utf8.firstIndex(of: UInt8(ascii: ":")),
            !utf8[..<colon].contains(where: {
                $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#")
            })
        {
            let scheme = String(decoding: utf8[..<colon], as: UTF8.self)
            if scheme.isEmpty { throw fail("is not a valid relative path (it starts with ':')") }
            throw fail(
                "has the scheme '\(scheme):'; only relative paths inside the asset's folder and data: URIs are allowed")
        }
        var path = utf8
        if let cut = path.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
            path = Array(path[..<cut])
        }
        guard let decoded = percentDecode(path) else { throw fail("has an invalid percent escape") }
        guard !decoded.contains(0) else { throw fail("contains a NUL byte") }
        guard let text = String(validating: decoded, as: UTF8.self) else { throw fail("is not valid UTF-8") }
        if text.hasPrefix("/") || text.hasPrefix("\\") { throw fail("is an absolute path") }
        var components: [String] = []
        for part in text.split(whereSeparator: { $0 == "/" || $0 == "\\" }) {
            if part == "." { continue }
            if part == ".." { throw fail("escapes the asset's folder ('..')") }
            components.append(String(part))
        }
        guard !components.isEmpty else { throw fail("names no file") }
        return components
    }

    // MARK: - data: URIs

    private static func decodeDataURI(_ uri: String, fail: (String) -> SceneError) throws(SceneError) -> AssetURI {
        let utf8 = Array(uri.utf8)
        guard let comma = utf8.firstIndex(of: UInt8(ascii: ",")) else { throw fail("is a data: URI without a comma") }
        let header = String(decoding: utf8[5..<comma], as: UTF8.self)
        var parameters = header.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        let isBase64 = parameters.last?.lowercased() == "base64"
        if isBase64 { parameters.removeLast() }
        let mediaType = parameters.first?.lowercased() ?? ""
        let payload = utf8[(comma + 1)...]
        if isBase64 {
            guard let bytes = Base64.decode(payload) else { throw fail("has invalid base64 data") }
            return .data(bytes, mediaType: mediaType)
        }
        guard let bytes = percentDecode(Array(payload)) else { throw fail("has an invalid percent escape") }
        return .data(bytes, mediaType: mediaType)
    }

    /// Decodes `%XX` escapes; `nil` when an escape is malformed.
    static func percentDecode(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.contains(UInt8(ascii: "%")) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%") {
                guard i + 2 < bytes.count, let hi = hexValue(bytes[i + 1]), let lo = hexValue(bytes[i + 2]) else {
                    return nil
                }
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
