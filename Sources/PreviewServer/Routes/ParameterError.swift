/// A query parameter that is not accepted (`400`, naming the parameter and its range).
public enum ParameterError: Error, CustomStringConvertible, Equatable {
    /// `name` = `value` is not `expected`.
    case invalid(name: String, value: String, expected: String)
    /// `name` is not a parameter of this route.
    case unknown(name: String, allowed: [String])
    /// `name` appears more than once.
    case repeated(name: String)

    public var description: String {
        switch self {
        case .invalid(let name, let value, let expected):
            return "parameter '\(name)' = '\(value.prefix(40))' is invalid: expected \(expected)"
        case .unknown(let name, let allowed):
            return "unknown parameter '\(name.prefix(40))'; allowed: \(allowed.joined(separator: ", "))"
        case .repeated(let name):
            return "parameter '\(name.prefix(40))' is given more than once"
        }
    }
}
