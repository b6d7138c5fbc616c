/// A JSON value together with its path in the document, for typed reads with precise errors.
///
/// Every getter checks the JSON type and range and throws ``SceneError/invalidValue`` naming
/// the member's path (`meshes[0].primitives[1].mode`) when it is wrong. Absent members read
/// as `nil`; the caller decides on the default.
struct JSONNode {
    /// The value.
    let value: JSONValue
    /// Path of the value, in glTF's notation; empty for the root.
    let path: String
    /// File name for errors.
    let file: String

    /// The path of a member of this object.
    func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The path of an element of this array.
    func path(_ index: Int) -> String { "\(path)[\(index)]" }

    /// An error about this value.
    func error(_ reason: String) -> SceneError { .invalidValue(file: file, jsonPath: path, reason: reason) }

    // MARK: - Structure

    /// The members, or an error when the value is not an object.
    func members() throws(SceneError) -> [String: JSONValue] {
        guard case .object(let members) = value else { throw error("expected an object, found \(value.typeName)") }
        return members
    }

    /// A member, or `nil` when absent.
    func member(_ key: String) throws(SceneError) -> JSONNode? {
        guard let v = try members()[key] else { return nil }
        return JSONNode(value: v, path: path(key), file: file)
    }

    /// A member that must be present.
    func required(_ key: String) throws(SceneError) -> JSONNode {
        guard let node = try member(key) else { throw error("required property '\(key)' is missing") }
        return node
    }

    /// The elements of this array.
    func elements() throws(SceneError) -> [JSONNode] {
        guard case .array(let values) = value else { throw error("expected an array, found \(value.typeName)") }
        var out: [JSONNode] = []
        out.reserveCapacity(values.count)
        for (i, v) in values.enumerated() { out.append(JSONNode(value: v, path: path(i), file: file)) }
        return out
    }

    /// The elements of an array member, or `nil` when absent.
    func array(_ key: String) throws(SceneError) -> [JSONNode]? {
        try member(key)?.elements()
    }

    /// The number of elements of an array member (0 when absent), without building nodes.
    func count(_ key: String) throws(SceneError) -> Int {
        guard let node = try member(key) else { return 0 }
        guard case .array(let values) = node.value else {
            throw node.error("expected an array, found \(node.value.typeName)")
        }
        return values.count
    }

    // MARK: - Scalars

    /// This value as an integer (JSON numbers such as `2.0` or `2e0` count as integers).
    func asInt() throws(SceneError) -> Int {
        guard case .number(let d) = value else { throw error("expected an integer, found \(value.typeName)") }
        guard d.isFinite, d.rounded() == d, abs(d) <= 9_007_199_254_740_992 else {
            throw error("expected an integer, found \(d)")
        }
        return Int(d)
    }

    /// This value as a finite number.
    func asFloat() throws(SceneError) -> Float {
        guard case .number(let d) = value else { throw error("expected a number, found \(value.typeName)") }
        let f = Float(d)
        guard f.isFinite else { throw error("expected a finite number, found \(d)") }
        return f
    }

    /// This value as a string.
    func asString() throws(SceneError) -> String {
        guard case .string(let s) = value else { throw error("expected a string, found \(value.typeName)") }
        return s
    }

    /// An integer member, or `nil` when absent.
    func int(_ key: String) throws(SceneError) -> Int? { try member(key)?.asInt() }

    /// An integer member that must be present and `>= minimum`.
    func requiredInt(_ key: String, minimum: Int = 0) throws(SceneError) -> Int {
        let node = try required(key)
        let v = try node.asInt()
        guard v >= minimum else { throw node.error("must be at least \(minimum), found \(v)") }
        return v
    }

    /// An integer member `>= minimum`, or `fallback` when absent.
    func int(_ key: String, default fallback: Int, minimum: Int = 0) throws(SceneError) -> Int {
        guard let node = try member(key) else { return fallback }
        let v = try node.asInt()
        guard v >= minimum else { throw node.error("must be at least \(minimum), found \(v)") }
        return v
    }

    /// A finite number member, or `nil` when absent.
    func float(_ key: String) throws(SceneError) -> Float? { try member(key)?.asFloat() }

    /// A boolean member, or `nil` when absent.
    func bool(_ key: String) throws(SceneError) -> Bool? {
        guard let node = try member(key) else { return nil }
        guard case .bool(let b) = node.value else {
            throw node.error("expected a boolean, found \(node.value.typeName)")
        }
        return b
    }

    /// A string member, or `nil` when absent.
    func string(_ key: String) throws(SceneError) -> String? { try member(key)?.asString() }

    /// An array member of exactly `count` finite numbers, or `nil` when absent.
    func floats(_ key: String, count: Int) throws(SceneError) -> [Float]? {
        guard let node = try member(key) else { return nil }
        let elements = try node.elements()
        guard elements.count == count else { throw node.error("expected \(count) numbers, found \(elements.count)") }
        var out: [Float] = []
        out.reserveCapacity(count)
        for e in elements { out.append(try e.asFloat()) }
        return out
    }

    /// An array member of strings, or `nil` when absent.
    func strings(_ key: String) throws(SceneError) -> [String]? {
        guard let elements = try array(key) else { return nil }
        var out: [String] = []
        for e in elements { out.append(try e.asString()) }
        return out
    }

    // MARK: - References

    /// This value as an index into an array of `count` objects of `kind` (e.g. "accessor").
    func asIndex(kind: String, count: Int) throws(SceneError) -> Int {
        let v = try asInt()
        guard v >= 0, v < count else {
            throw .unresolvedReference(file: file, jsonPath: path, kind: kind, index: v, count: count)
        }
        return v
    }

    /// An index member (a reference to another object), or `nil` when absent.
    func index(_ key: String, kind: String, count: Int) throws(SceneError) -> Int? {
        try member(key)?.asIndex(kind: kind, count: count)
    }

    /// An index member that must be present.
    func requiredIndex(_ key: String, kind: String, count: Int) throws(SceneError) -> Int {
        try required(key).asIndex(kind: kind, count: count)
    }
}
