import Render

/// Encodes generated pictures for embedding or writing: the one place the generator meets
/// the image codecs.
enum TextureEncoder {
    /// PNG bytes of an image.
    static func png(_ image: RGBA8Image) throws -> [UInt8] {
        StoredPNG.encode(image)
    }
}

/// A minimal PNG writer with stored (uncompressed) deflate blocks. Temporary: replaced by
/// `PNGCodec.encode` when the codecs land on main.
enum StoredPNG {
    static func encode(_ image: RGBA8Image) -> [UInt8] {
        var raw: [UInt8] = []
        raw.reserveCapacity((image.width * 4 + 1) * image.height)
        for y in 0..<image.height {
            raw.append(0)
            raw += image.pixels[(y * image.width * 4)..<((y + 1) * image.width * 4)]
        }
        var z: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let n = min(65535, raw.count - offset)
            z.append(offset + n == raw.count ? 1 : 0)
            z += [UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
            z += raw[offset..<(offset + n)]
            offset += n
        } while offset < raw.count
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in raw {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        z.appendBE((b << 16) | a)
        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var ihdr: [UInt8] = []
        ihdr.appendBE(UInt32(image.width))
        ihdr.appendBE(UInt32(image.height))
        ihdr += [8, 6, 0, 0, 0]
        chunk("IHDR", ihdr, into: &out)
        chunk("IDAT", z, into: &out)
        chunk("IEND", [], into: &out)
        return out
    }

    private static func chunk(_ type: String, _ data: [UInt8], into out: inout [UInt8]) {
        out.appendBE(UInt32(data.count))
        let body = Array(type.utf8) + data
        out += body
        out.appendBE(crc32(body))
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            c ^= UInt32(byte)
            for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        }
        return ~c
    }
}

extension [UInt8] {
    fileprivate mutating func appendBE(_ v: UInt32) {
        append(UInt8(v >> 24))
        append(UInt8((v >> 16) & 0xFF))
        append(UInt8((v >> 8) & 0xFF))
        append(UInt8(v & 0xFF))
    }
}
