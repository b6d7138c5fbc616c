import Crypto
import Foundation

/// HMAC-signed URLs (imgproxy-style): with a signing key configured, a render URL must carry
/// `sig` = base64url (no padding) of HMAC-SHA256(key, path + "?" + query without `sig`), the
/// query exactly as sent (same order, same encoding). Anyone can then share a frame URL, but
/// only the key holder can mint new parameter combinations.
///
/// ```swift
/// let signer = URLSigner(key: "secret")
/// let url = signer.signed("/v1/assets/chair/frame?yaw=30&w=512")
/// // "/v1/assets/chair/frame?yaw=30&w=512&sig=..."
/// ```
public struct URLSigner: Sendable {
    private let keyBytes: [UInt8]

    /// Creates a signer with a shared secret.
    public init(key: String) {
        self.keyBytes = Array(key.utf8)
    }

    /// The signature of a path with its raw query (without `sig`).
    public func signature(path: String, query: String) -> String {
        let message = query.isEmpty ? path : path + "?" + query
        let mac = HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: SymmetricKey(data: keyBytes))
        return Data(mac).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// `pathAndQuery` with its `sig` parameter appended.
    public func signed(_ pathAndQuery: String) -> String {
        let (path, query) = Self.split(pathAndQuery)
        let sig = signature(path: path, query: query)
        return pathAndQuery + (query.isEmpty ? "?" : "&") + "sig=" + sig
    }

    /// Whether the raw query carries a valid `sig` for `path` (compared in constant time).
    public func isValid(path: String, rawQuery: String) -> Bool {
        var rest: [Substring] = []
        var given: Substring?
        for part in rawQuery.split(separator: "&", omittingEmptySubsequences: false) {
            if part.hasPrefix("sig=") {
                guard given == nil else { return false }
                given = part.dropFirst(4)
            } else {
                rest.append(part)
            }
        }
        guard let given else { return false }
        let expected = signature(path: path, query: rest.joined(separator: "&"))
        let a = Array(expected.utf8)
        let b = Array(given.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<a.count { difference |= a[i] ^ b[i] }
        return difference == 0
    }

    /// Splits `path?query`.
    static func split(_ pathAndQuery: String) -> (path: String, query: String) {
        guard let mark = pathAndQuery.firstIndex(of: "?") else { return (pathAndQuery, "") }
        return (String(pathAndQuery[..<mark]), String(pathAndQuery[pathAndQuery.index(after: mark)...]))
    }
}
