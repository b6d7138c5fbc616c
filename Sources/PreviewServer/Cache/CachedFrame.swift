/// An encoded frame or sprite sheet with its media type: what both cache tiers hold.
public struct CachedFrame: Sendable, Equatable {
    /// `image/png`, `image/jpeg` ...
    public var contentType: String
    /// The encoded bytes, served as they are.
    public var bytes: [UInt8]

    /// Creates an entry.
    public init(contentType: String, bytes: [UInt8]) {
        self.contentType = contentType
        self.bytes = bytes
    }

    /// Bytes charged against a memory bound (payload plus a small fixed overhead).
    var memoryCost: Int { bytes.count + contentType.utf8.count + 128 }
}
