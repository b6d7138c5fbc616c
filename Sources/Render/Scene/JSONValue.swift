/// A parsed JSON value, as read by ``JSONParser``.
///
/// Numbers are kept as `Double` (integers up to 2^53 are exact, which covers every glTF index
/// and byte count), objects as dictionaries (duplicate keys are a parse error).
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The JSON type name, for messages ("expected an integer, found a string").
    var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
