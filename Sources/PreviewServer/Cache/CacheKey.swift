import Crypto
import Render

/// The identity of one encoded frame (or sprite sheet): SHA-256 of the asset's content hash,
/// the normalised parameters and the renderer version.
///
/// Equal keys mean equal bytes on any instance, so the key is also the strong `ETag` and the
/// file name in the disk cache.
public struct CacheKey: Hashable, Sendable, CustomStringConvertible {
    /// The 32 digest bytes.
    public let bytes: [UInt8]
    /// Lower-case hex of ``bytes`` (64 characters).
    public let hex: String

    /// Hashes what decides a frame's bytes.
    /// - Parameters:
    ///   - assetHash: hex SHA-256 of the asset file(s).
    ///   - parameters: the canonical text of the normalised parameters (see `FrameRequest`).
    ///   - rendererVersion: `RendererVersion.string`, so a renderer change never serves old frames.
    public init(assetHash: String, parameters: String, rendererVersion: String = RendererVersion.string) {
        // One buffer, one update: the same bytes as hashing the four lines one by one.
        var text = "vitrine-frame-v1\nasset=\(assetHash)\nrenderer=\(rendererVersion)\n\(parameters)"
        let digest = text.withUTF8 { SHA256.hash(data: UnsafeRawBufferPointer($0)) }
        self.init(digest: Array(digest))
    }

    /// Wraps a digest (32 bytes).
    public init(digest: [UInt8]) {
        precondition(digest.count == 32, "a cache key is 32 bytes")
        self.bytes = digest
        self.hex = digest.hexString
    }

    /// Parses 64 hex characters (a disk-cache file name).
    public init?(hex: String) {
        guard hex.utf8.count == 64, let digest = [UInt8](hexString: hex) else { return nil }
        self.init(digest: digest)
    }

    /// The strong entity tag: the hex key in quotes.
    public var etag: String { "\"\(hex)\"" }

    public var description: String { hex }
}

extension Array where Element == UInt8 {
    /// Lower-case hex of the bytes.
    var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(count * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Bytes from an even-length hex string, or `nil` if it holds anything else.
    init?(hexString: String) {
        let utf8 = Array(hexString.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        var out = [UInt8]()
        out.reserveCapacity(utf8.count / 2)
        var i = 0
        while i < utf8.count {
            guard let high = nibble(utf8[i]), let low = nibble(utf8[i + 1]) else { return nil }
            out.append(high << 4 | low)
            i += 2
        }
        self = out
    }
}
