import NIOCore

/// An encoded frame or sprite sheet with its media type: what both cache tiers hold.
///
/// The bytes are kept in a `ByteBuffer`, copied once when the entry is made: every answer
/// from the cache shares that storage (copy on write), so a hit copies no payload.
public struct CachedFrame: Sendable, Equatable {
    /// `image/png`, `image/jpeg` ...
    public var contentType: String
    /// The encoded bytes, served as they are.
    public var buffer: ByteBuffer

    /// Creates an entry (copies `bytes` once).
    public init(contentType: String, bytes: some Collection<UInt8>) {
        self.contentType = contentType
        self.buffer = ByteBuffer(bytes: bytes)
    }

    /// The encoded bytes as an array (a copy: for disk writes and tests, not for answers).
    public var bytes: [UInt8] { Array(buffer.readableBytesView) }

    /// Number of payload bytes.
    public var byteCount: Int { buffer.readableBytes }

    /// Bytes charged against a memory bound (payload plus a small fixed overhead).
    var memoryCost: Int { buffer.readableBytes + contentType.utf8.count + 128 }
}
