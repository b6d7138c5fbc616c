/// Reads and bounds query parameters; every failure is a ``ParameterError`` naming the
/// parameter and the accepted range. Unknown and repeated parameters are refused, so two URLs
/// for the same frame cannot differ by junk (and cache keys stay canonical).
struct QueryReader {
    private var values: [String: String] = [:]

    /// Parses `pairs` (already percent-decoded), allowing only `allowed` names.
    /// - Throws: ``ParameterError/unknown(name:allowed:)`` or ``ParameterError/repeated(name:)``.
    init(_ pairs: [(String, String)], allowed: [String]) throws {
        for (name, value) in pairs {
            guard allowed.contains(name) else { throw ParameterError.unknown(name: name, allowed: allowed) }
            guard values[name] == nil else { throw ParameterError.repeated(name: name) }
            values[name] = value
        }
    }

    /// The raw value, if given.
    func string(_ name: String) -> String? { values[name] }

    /// An integer in `range`, or `defaultValue` when absent.
    func int(_ name: String, in range: ClosedRange<Int>, default defaultValue: Int) throws -> Int {
        guard let text = values[name] else { return defaultValue }
        guard text.utf8.count <= 12, let value = Int(text), range.contains(value) else {
            throw ParameterError.invalid(
                name: name, value: text, expected: "an integer in \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    /// A finite number in `range`, rounded to hundredths (so equal pictures get equal keys).
    ///
    /// Only decimal notation (digits, sign, point, exponent) is read: `Double(String)` goes
    /// through C's `strtod`, which stops at a NUL (`1%00junk` would read as 1) and reads hex.
    func hundredths(_ name: String, in range: ClosedRange<Double>, default defaultValue: Double) throws -> Int {
        guard let text = values[name] else { return Int((defaultValue * 100).rounded()) }
        guard text.utf8.count <= 24, text.utf8.allSatisfy(Self.isDecimalNotation), let value = Double(text),
            value.isFinite, range.contains(value)
        else {
            throw ParameterError.invalid(
                name: name, value: text,
                expected: "a finite number in \(format(range.lowerBound))...\(format(range.upperBound))")
        }
        return Int((value * 100).rounded())
    }

    /// One of `choices`, or `defaultValue` when absent.
    func choice(_ name: String, _ choices: [String], default defaultValue: String?) throws -> String? {
        guard let text = values[name] else { return defaultValue }
        guard choices.contains(text) else {
            throw ParameterError.invalid(name: name, value: text, expected: "one of \(choices.joined(separator: ", "))")
        }
        return text
    }

    /// Whether `byte` may appear in a decimal number: `0-9 + - . e E`.
    private static func isDecimalNotation(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
