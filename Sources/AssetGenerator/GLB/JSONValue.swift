/// A JSON value with ordered object keys, written by hand so that output bytes are stable
/// (Foundation's `JSONSerialization` does not promise a key order or a number format).
public indirect enum JSONValue: Equatable, Sendable {
    /// An object; keys are written in this order.
    case object([(String, JSONValue)])
    /// An array.
    case array([JSONValue])
    /// A string.
    case string(String)
    /// An integer.
    case int(Int)
    /// A single-precision number, written in its shortest round-trip form.
    case float(Float)
    /// A double-precision number, written in its shortest round-trip form.
    case double(Double)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null

    /// Compares two values; objects compare key by key, in order.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case (.array(let a), .array(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.null, .null): return true
        default: return false
        }
    }

    /// An array of single-precision numbers.
    public static func floats(_ values: [Float]) -> JSONValue { .array(values.map { .float($0) }) }

    /// An array of integers.
    public static func ints(_ values: [Int]) -> JSONValue { .array(values.map { .int($0) }) }

    /// The value as compact JSON text (no spaces), or indented with two spaces a level.
    /// - Parameter pretty: indent and put one member per line (a final newline is added).
    public func serialized(pretty: Bool = false) -> String {
        var out = ""
        write(into: &out, pretty: pretty, indent: 0)
        if pretty { out += "\n" }
        return out
    }

    // MARK: - Writing

    private func write(into out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .object(let members):
            if members.isEmpty {
                out += "{}"
                return
            }
            out += "{"
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                Self.writeString(key, into: &out)
                out += pretty ? ": " : ":"
                value.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "}"
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            // Arrays of scalars stay on one line even when pretty (anchors, colours, bounds).
            let scalars = items.allSatisfy { $0.isScalar }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += pretty && scalars ? ", " : "," }
                if pretty && !scalars { out += "\n" + String(repeating: "  ", count: indent + 1) }
                item.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty && !scalars { out += "\n" + String(repeating: "  ", count: indent) }
            out += "]"
        case .string(let s): Self.writeString(s, into: &out)
        case .int(let v): out += String(v)
        case .float(let v): out += Self.number(v.isFinite ? v.description : "0")
        case .double(let v): out += Self.number(v.isFinite ? v.description : "0")
        case .bool(let v): out += v ? "true" : "false"
        case .null: out += "null"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .object, .array: return false
        default: return true
        }
    }

    /// Swift prints `1.0`; JSON readers accept it, but `1` is shorter and what tools write.
    private static func number(_ text: String) -> String {
        text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    private static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
