/// The chunks of a binary glTF (GLB) file: a 12-byte header, a JSON chunk, an optional BIN
/// chunk, and chunks of unknown types that readers skip.
///
/// No length read from the file is trusted: each is checked against the bytes actually there
/// before it is used, so a header claiming a 4 GiB chunk fails at once without allocating.
struct GLBContainer {
    /// Byte range of the JSON chunk's data.
    var json: Range<Int>
    /// Byte range of the BIN chunk's data, if there is one.
    var bin: Range<Int>?
    /// Non-fatal findings (extra bytes, unknown chunks).
    var warnings: [SceneWarning] = []

    /// `glTF` in little-endian.
    static let magic: UInt32 = 0x4654_6C67
    /// `JSON` chunk type.
    static let jsonChunk: UInt32 = 0x4E4F_534A
    /// `BIN\0` chunk type.
    static let binChunk: UInt32 = 0x004E_4942

    /// Whether `bytes` start with the GLB magic.
    static func hasMagic(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4 && readUInt32(bytes, 0) == magic
    }

    /// Splits a GLB file into its chunks.
    /// - Throws: ``SceneError/invalidGLB(file:byteOffset:reason:)`` for a wrong magic or
    ///   version, a length past the end of the file, a missing or empty JSON chunk, or a
    ///   duplicated chunk.
    static func parse(_ bytes: [UInt8], file: String) throws(SceneError) -> GLBContainer {
        func fail(_ offset: Int, _ reason: String) -> SceneError {
            .invalidGLB(file: file, byteOffset: offset, reason: reason)
        }
        guard bytes.count >= 12 else {
            throw fail(0, "file is \(bytes.count) bytes, shorter than the 12-byte GLB header")
        }
        guard readUInt32(bytes, 0) == magic else { throw fail(0, "not a GLB file (the magic is not 'glTF')") }
        let version = readUInt32(bytes, 4)
        guard version == 2 else { throw fail(4, "GLB version \(version) is not supported (only 2)") }
        let declared = Int(readUInt32(bytes, 8))
        guard declared >= 12 else { throw fail(8, "header length \(declared) is shorter than the header") }
        guard declared <= bytes.count else {
            throw fail(8, "header says the file is \(declared) bytes but it is \(bytes.count): truncated")
        }
        var warnings: [SceneWarning] = []
        if declared < bytes.count {
            warnings.append(
                SceneWarning(path: "", message: "\(bytes.count - declared) bytes after the GLB length were ignored"))
        }
        var json: Range<Int>?
        var bin: Range<Int>?
        var offset = 12
        var index = 0
        while offset < declared {
            guard declared - offset >= 8 else {
                throw fail(
                    offset,
                    "chunk header truncated: only \(declared - offset) of its 8 bytes are within the GLB length "
                        + "\(declared)")
            }
            // Both values are < 2^32, so the sum cannot overflow a 64-bit Int.
            let length = Int(readUInt32(bytes, offset))
            let type = readUInt32(bytes, offset + 4)
            let start = offset + 8
            guard length <= declared - start else {
                throw fail(
                    offset, "chunk \(index) claims \(length) bytes but only \(declared - start) remain: truncated")
            }
            if length % 4 != 0 {
                warnings.append(
                    SceneWarning(path: "", message: "GLB chunk \(index) length \(length) is not padded to 4"))
            }
            let range = start..<(start + length)
            switch type {
            case jsonChunk:
                guard index == 0 else {
                    throw fail(offset, json == nil ? "JSON chunk is not the first chunk" : "second JSON chunk")
                }
                guard length > 0 else { throw fail(offset, "JSON chunk is empty") }
                json = range
            case binChunk:
                guard index > 0 else { throw fail(offset, "first chunk is BIN, but it must be JSON") }
                guard bin == nil else { throw fail(offset, "second BIN chunk") }
                bin = range
            default:
                guard index > 0 else {
                    throw fail(offset, "first chunk has type 0x\(String(type, radix: 16)), but it must be JSON")
                }
                warnings.append(
                    SceneWarning(path: "", message: "unknown GLB chunk type 0x\(String(type, radix: 16)) ignored"))
            }
            offset = range.upperBound
            index += 1
        }
        guard let json else { throw fail(12, "no JSON chunk") }
        return GLBContainer(json: json, bin: bin, warnings: warnings)
    }

    /// A little-endian `UInt32` at `offset` (caller checked the range).
    private static func readUInt32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
            | UInt32(bytes[offset + 3]) << 24
    }
}
