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
    func hundredths(_ name: String, in range: ClosedRange<Double>, default defaultValue: Double) throws -> Int {
        guard let text = values[name] else { return Int((defaultValue * 100).rounded()) }
        guard text.utf8.count <= 24, let value = Double(text), value.isFinite, range.contains(value) else {
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

    private func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
