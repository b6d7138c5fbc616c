import Crypto

/// The on-disk layout of one cache entry, verified on every read:
///
/// ```
/// "VTRNFRM1"                8 bytes magic
/// key                       32 bytes (must equal the file's key)
/// checksum                  32 bytes SHA-256 of (content type bytes + payload)
/// payload length            8 bytes little endian
/// content type length       2 bytes little endian
/// content type              UTF-8
/// payload
/// ```
enum DiskCacheFormat {
    static let magic = Array("VTRNFRM1".utf8)
    static let fixedHeaderBytes = 8 + 32 + 32 + 8 + 2
    static let maxContentTypeBytes = 128

    /// The whole file for an entry.
    static func encode(_ frame: CachedFrame, key: CacheKey) -> [UInt8] {
        let type = Array(frame.contentType.utf8.prefix(maxContentTypeBytes))
        let payload = frame.bytes
        var out = [UInt8]()
        out.reserveCapacity(fixedHeaderBytes + type.count + payload.count)
        out += magic
        out += key.bytes
        out += checksum(type: type, payload: payload[...])
        appendLittleEndian(UInt64(payload.count), bytes: 8, to: &out)
        appendLittleEndian(UInt64(type.count), bytes: 2, to: &out)
        out += type
        out += payload
        return out
    }

    /// The entry in `file`, or why it cannot be trusted.
    static func decode(_ file: [UInt8], key: CacheKey) -> Result<CachedFrame, DecodeFailure> {
        guard file.count >= fixedHeaderBytes else { return .failure(.truncated) }
        guard file[0..<8].elementsEqual(magic) else { return .failure(.badMagic) }
        guard file[8..<40].elementsEqual(key.bytes) else { return .failure(.wrongKey) }
        let payloadLength = readLittleEndian(file, at: 72, bytes: 8)
        let typeLength = Int(readLittleEndian(file, at: 80, bytes: 2))
        guard typeLength <= maxContentTypeBytes else { return .failure(.badHeader) }
        let payloadStart = fixedHeaderBytes + typeLength
        guard payloadLength == UInt64(file.count - min(file.count, payloadStart)), file.count >= payloadStart else {
            return .failure(.truncated)
        }
        let type = Array(file[fixedHeaderBytes..<payloadStart])
        let payload = file[payloadStart...]
        guard checksum(type: type, payload: payload).elementsEqual(file[40..<72]) else {
            return .failure(.checksumMismatch)
        }
        return .success(CachedFrame(contentType: String(decoding: type, as: UTF8.self), bytes: payload))
    }

    /// Why an entry was discarded (a label of the `vitrine_cache_corrupt_total` metric).
    enum DecodeFailure: String, Error {
        case truncated, badMagic = "bad_magic", wrongKey = "wrong_key", badHeader = "bad_header"
        case checksumMismatch = "checksum"
    }

    private static func checksum(type: [UInt8], payload: ArraySlice<UInt8>) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: type)
        payload.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return Array(hasher.finalize())
    }

    private static func appendLittleEndian(_ value: UInt64, bytes: Int, to out: inout [UInt8]) {
        for i in 0..<bytes { out.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(i)))) }
    }

    private static func readLittleEndian(_ file: [UInt8], at offset: Int, bytes: Int) -> UInt64 {
        var value: UInt64 = 0
        for i in 0..<bytes { value |= UInt64(file[offset + i]) << (8 * UInt64(i)) }
        return value
    }
}
