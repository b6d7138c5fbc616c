/// Asset ids: `^[a-z0-9][a-z0-9_-]{0,63}$`. Nothing else reaches the file system, so `..`,
/// slashes (plain or encoded), dots, NUL and upper case are refused before any path is built.
public enum AssetID {
    /// Longest id.
    public static let maxLength = 64

    /// Whether `raw` is a valid id.
    public static func isValid(_ raw: some StringProtocol) -> Bool {
        let utf8 = raw.utf8
        guard let first = utf8.first, utf8.count <= maxLength, isLowerAlphanumeric(first) else { return false }
        return utf8.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    /// The id for a model file's base name (lower-cased, without extension), if valid.
    public static func fromFileName(_ name: String) -> String? {
        var base = Substring(name)
        if let dot = base.lastIndex(of: ".") { base = base[..<dot] }
        let id = base.lowercased()
        return isValid(id) ? id : nil
    }

    private static func isLowerAlphanumeric(_ c: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(c) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c)
    }
}
