import Foundation

/// A JSON object read field by field with typed getters that throw ``BatchFileError`` naming
/// the file and the JSON path. Unknown keys are an error (a typo must not be silently ignored).
struct JSONObject {
    let file: String
    let path: String
    let values: [String: Any]

    /// Reads a file's bytes.
    /// - Throws: ``BatchFileError/unreadable(file:reason:)``.
    static func read(_ url: URL) throws -> Data {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw BatchFileError.unreadable(file: url.path, reason: "no such file, or not readable")
        }
        return data
    }

    /// Parses the whole file; the top level must be an object.
    static func parse(_ data: Data, file: String) throws -> JSONObject {
        let any: Any
        do {
            any = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw BatchFileError.unreadable(file: file, reason: "not valid JSON (\(error.localizedDescription))")
        }
        guard let object = any as? [String: Any] else {
            throw BatchFileError.unreadable(file: file, reason: "the top level must be a JSON object")
        }
        return JSONObject(file: file, path: "", values: object)
    }

    /// The path of a key below this object.
    func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// An error at `key`.
    func error(_ key: String?, _ reason: String) -> BatchFileError {
        .invalid(file: file, path: key.map(path) ?? path, reason: reason)
    }

    /// Throws when the object has a key outside `allowed`.
    func checkKeys(_ allowed: Set<String>) throws {
        if let unknown = values.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw error(unknown, "unknown key (expected one of: \(allowed.sorted().joined(separator: ", ")))")
        }
    }

    /// Whether the key is present (and not null).
    func has(_ key: String) -> Bool { values[key] != nil && !(values[key] is NSNull) }

    func string(_ key: String) throws -> String? {
        guard has(key) else { return nil }
        guard let s = values[key] as? String else { throw error(key, "must be a string") }
        return s
    }

    func number(_ key: String) throws -> Double? {
        guard has(key) else { return nil }
        guard let n = values[key] as? NSNumber, !Self.isBoolean(n), n.doubleValue.isFinite else {
            throw error(key, "must be a number")
        }
        return n.doubleValue
    }

    func int(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let n = try number(key) else { return nil }
        guard n == n.rounded(), let i = Int(exactly: n), range.contains(i) else {
            throw error(key, "must be a whole number in \(range.lowerBound)...\(range.upperBound)")
        }
        return i
    }

    func bool(_ key: String) throws -> Bool? {
        guard has(key) else { return nil }
        guard let n = values[key] as? NSNumber, Self.isBoolean(n) else { throw error(key, "must be true or false") }
        return n.boolValue
    }

    func object(_ key: String) throws -> JSONObject? {
        guard has(key) else { return nil }
        guard let o = values[key] as? [String: Any] else { throw error(key, "must be an object") }
        return JSONObject(file: file, path: path(key), values: o)
    }

    func objects(_ key: String) throws -> [JSONObject]? {
        guard has(key) else { return nil }
        guard let list = values[key] as? [Any] else { throw error(key, "must be a list of objects") }
        return try list.enumerated().map { index, item in
            guard let o = item as? [String: Any] else { throw error("\(key)[\(index)]", "must be an object") }
            return JSONObject(file: file, path: path("\(key)[\(index)]"), values: o)
        }
    }

    func strings(_ key: String) throws -> [String]? {
        guard has(key) else { return nil }
        guard let list = values[key] as? [String] else { throw error(key, "must be a list of strings") }
        return list
    }

    func numbers(_ key: String) throws -> [Double]? {
        guard has(key) else { return nil }
        guard let list = values[key] as? [NSNumber], list.allSatisfy({ $0.doubleValue.isFinite && !Self.isBoolean($0) })
        else {
            throw error(key, "must be a list of numbers")
        }
        return list.map(\.doubleValue)
    }

    /// An identifier `[a-z0-9-]+`, at most 64 characters (used in file names and URLs).
    func identifier(_ key: String) throws -> String {
        guard let id = try string(key) else { throw error(key, "is required") }
        guard Self.isIdentifier(id) else {
            throw error(key, "must match [a-z0-9-]+ (1 to 64 characters), got \"\(id)\"")
        }
        return id
    }

    /// Whether a parsed JSON number is `true` or `false` (Foundation gives both as NSNumber).
    static func isBoolean(_ n: NSNumber) -> Bool {
        let type = String(describing: Swift.type(of: n))
        return type.contains("Boolean")
    }

    /// Whether `s` is `[a-z0-9-]{1,64}`.
    static func isIdentifier(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.count <= 64
            && s.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }
}
