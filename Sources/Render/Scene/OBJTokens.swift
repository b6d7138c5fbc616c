/// Lines and whitespace-separated tokens of an OBJ or MTL file, with number parsing.
struct OBJTokens {
    /// Calls `body` with each non-blank line's tokens, in order. `#` starts a comment;
    /// `\r\n`, `\n` and `\r` end lines. The token array is reused from line to line.
    static func forEachLine(
        _ bytes: [UInt8], _ body: (_ line: Int, _ tokens: [ArraySlice<UInt8>]) throws(SceneError) -> Void
    ) throws(SceneError) {
        var tokens: [ArraySlice<UInt8>] = []
        var number = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let start = i
            while i < n, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
            number += 1
            tokens.removeAll(keepingCapacity: true)
            tokenize(bytes[start..<i], into: &tokens)
            if !tokens.isEmpty { try body(number, tokens) }
            if i < n, bytes[i] == 0x0D, i + 1 < n, bytes[i + 1] == 0x0A { i += 1 }
            i += 1
        }
    }

    private static func tokenize(_ line: ArraySlice<UInt8>, into tokens: inout [ArraySlice<UInt8>]) {
        var i = line.startIndex
        while i < line.endIndex {
            while i < line.endIndex, line[i] == 0x20 || line[i] == 0x09 { i += 1 }
            if i >= line.endIndex || line[i] == UInt8(ascii: "#") { break }
            let s = i
            while i < line.endIndex, line[i] != 0x20, line[i] != 0x09 { i += 1 }
            tokens.append(line[s..<i])
        }
    }

    /// A token as text.
    static func text(_ token: ArraySlice<UInt8>) -> String { String(decoding: token, as: UTF8.self) }

    /// Parses a finite decimal number (`-1.5`, `2e-3`, `.5`); `nil` for anything else.
    static func float(_ token: ArraySlice<UInt8>) -> Float? {
        var i = token.startIndex
        let end = token.endIndex
        guard i < end else { return nil }
        var negative = false
        if token[i] == UInt8(ascii: "-") || token[i] == UInt8(ascii: "+") {
            negative = token[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var exponent = 0
        var digits = 0
        while i < end, let d = digit(token[i]) {
            if mantissa < 100_000_000_000_000_000 { mantissa = mantissa * 10 + d } else { exponent += 1 }
            digits += 1
            i += 1
        }
        if i < end, token[i] == UInt8(ascii: ".") {
            i += 1
            while i < end, let d = digit(token[i]) {
                if mantissa < 100_000_000_000_000_000 {
                    mantissa = mantissa * 10 + d
                    exponent -= 1
                }
                digits += 1
                i += 1
            }
        }
        guard digits > 0 else { return nil }
        if i < end, token[i] == UInt8(ascii: "e") || token[i] == UInt8(ascii: "E") {
            i += 1
            var expNegative = false
            if i < end, token[i] == UInt8(ascii: "-") || token[i] == UInt8(ascii: "+") {
                expNegative = token[i] == UInt8(ascii: "-")
                i += 1
            }
            var e = 0
            var expDigits = 0
            while i < end, let d = digit(token[i]) {
                e = Swift.min(e * 10 + Int(d), 100_000)
                expDigits += 1
                i += 1
            }
            guard expDigits > 0 else { return nil }
            exponent += expNegative ? -e : e
        }
        guard i == end else { return nil }
        let value: Double
        if exponent == 0 {
            value = Double(mantissa)
        } else if exponent > 0, exponent <= 22 {
            value = Double(mantissa) * pow10[exponent]
        } else if exponent < 0, exponent >= -22 {
            value = Double(mantissa) / pow10[-exponent]
        } else {
            // Rare: let the standard library do the exact conversion.
            guard let d = Double(text(token)) else { return nil }
            value = abs(d)
        }
        let f = Float(negative ? -value : value)
        return f.isFinite ? f : nil
    }

    /// An optionally signed integer; `nil` for anything else or more than 18 digits.
    static func int(_ token: ArraySlice<UInt8>) -> Int? {
        var i = token.startIndex
        guard i < token.endIndex else { return nil }
        var negative = false
        if token[i] == UInt8(ascii: "-") || token[i] == UInt8(ascii: "+") {
            negative = token[i] == UInt8(ascii: "-")
            i += 1
        }
        guard i < token.endIndex, token.endIndex - i <= 18 else { return nil }
        var v = 0
        while i < token.endIndex {
            guard let d = digit(token[i]) else { return nil }
            v = v * 10 + Int(d)
            i += 1
        }
        return negative ? -v : v
    }

    @inline(__always)
    private static func digit(_ b: UInt8) -> UInt64? {
        b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") ? UInt64(b - UInt8(ascii: "0")) : nil
    }

    private static let pow10: [Double] = (0...22).map { e in (0..<e).reduce(1.0) { r, _ in r * 10 } }
}
