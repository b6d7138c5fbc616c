/// A strict base64 decoder (RFC 4648 standard alphabet) for `data:` URIs.
enum Base64 {
    /// Decoding table: 0...63 for alphabet bytes, 0xFF for anything else.
    private static let table: [UInt8] = {
        var t = [UInt8](repeating: 0xFF, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (i, c) in alphabet.enumerated() { t[Int(c)] = UInt8(i) }
        return t
    }()

    /// Decodes base64 text; `=` padding is optional but, when present, must be correct.
    /// - Returns: the bytes, or `nil` for a character outside the alphabet, misplaced padding
    ///   or a length that cannot be base64 (one character left over).
    static func decode<C: Collection>(_ text: C) -> [UInt8]? where C.Element == UInt8 {
        var chars = Array(text)
        var padding = 0
        while let last = chars.last, last == UInt8(ascii: "=") {
            chars.removeLast()
            padding += 1
        }
        guard padding <= 2 else { return nil }
        if padding > 0, (chars.count + padding) % 4 != 0 { return nil }
        let remainder = chars.count % 4
        guard remainder != 1 else { return nil }
        let table = Self.table
        var out = [UInt8]()
        out.reserveCapacity(chars.count / 4 * 3 + 2)
        var ok = true
        chars.withUnsafeBufferPointer { src in
            var i = 0
            let whole = src.count - remainder
            while i < whole {
                let a = table[Int(src[i])], b = table[Int(src[i + 1])]
                let c = table[Int(src[i + 2])], d = table[Int(src[i + 3])]
                if (a | b | c | d) & 0xC0 != 0 {
                    ok = false
                    return
                }
                out.append(a << 2 | b >> 4)
                out.append(b << 4 | c >> 2)
                out.append(c << 6 | d)
                i += 4
            }
            if remainder >= 2 {
                let a = table[Int(src[i])], b = table[Int(src[i + 1])]
                let c = remainder == 3 ? table[Int(src[i + 2])] : 0
                if (a | b | c) & 0xC0 != 0 {
                    ok = false
                    return
                }
                out.append(a << 2 | b >> 4)
                if remainder == 3 { out.append(b << 4 | c >> 2) }
            }
        }
        return ok ? out : nil
    }
}
