import Foundation

/// A parsed JSON value, for the loosely specified files try-on reads (keypoints from several
/// pose estimators, item anchors). Parsed with JSON5 leniency so that `NaN` and `Infinity`
/// (which Python's `json.dump` writes) reach the validation and get a precise error instead of
/// "malformed JSON". Foundation's parser bounds the nesting depth, so hostile input cannot
/// overflow the stack.
indirect enum TryOnJSON: Decodable, Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([TryOnJSON])
    case object([String: TryOnJSON])

    init(from decoder: Decoder) throws {
        if var list = try? decoder.unkeyedContainer() {
            var values: [TryOnJSON] = []
            while !list.isAtEnd { values.append(try list.decode(TryOnJSON.self)) }
            self = .array(values)
            return
        }
        if let keyed = try? decoder.container(keyedBy: AnyKey.self) {
            var values: [String: TryOnJSON] = [:]
            for key in keyed.allKeys { values[key.stringValue] = try keyed.decode(TryOnJSON.self, forKey: key) }
            self = .object(values)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let b = try? single.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? single.decode(Double.self) {
            self = .number(n)
        } else {
            self = .string(try single.decode(String.self))
        }
    }

    /// Parses `bytes`; any parser failure becomes `nil` plus a short reason.
    static func parse(_ bytes: [UInt8]) -> Result<TryOnJSON, ParseFailure> {
        // Foundation's JSON5 scanner traps on invalid UTF-8 in an unquoted key (found by
        // `scripts/fuzz keypoints`, Fuzz/regressions/keypoints), so the bytes are checked first.
        guard String(validating: bytes, as: UTF8.self) != nil else {
            return .failure(ParseFailure(reason: "not valid UTF-8 text"))
        }
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        do {
            return .success(try decoder.decode(TryOnJSON.self, from: Data(bytes)))
        } catch let error as DecodingError {
            return .failure(ParseFailure(reason: Self.describe(error)))
        } catch {
            return .failure(ParseFailure(reason: "not valid JSON"))
        }
    }

    /// Why a parse failed, in words a user can act on.
    struct ParseFailure: Error {
        var reason: String
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "not valid JSON" : "not valid JSON at \(path)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "not valid JSON at \(path.isEmpty ? "the top level" : path) (a number out of range?)"
        @unknown default:
            return "not valid JSON"
        }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    // MARK: - Accessors

    subscript(key: String) -> TryOnJSON? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    var object: [String: TryOnJSON]? {
        if case .object(let o) = self { return o }
        return nil
    }

    var array: [TryOnJSON]? {
        if case .array(let a) = self { return a }
        return nil
    }

    var number: Double? {
        if case .number(let n) = self { return n }
        return nil
    }

    var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    var bool: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }
}
