import Render

/// What both bodies of `POST /v1/tryon` (multipart form and JSON) read the same way.
enum TryOnFields {
    /// Names of the output options, the same in both body kinds.
    static var optionNames: [String] { ["format", "quality", "w", "h"] }

    /// The output options from (name, text) pairs.
    /// - Throws: ``ParameterError`` naming the option and its range.
    static func options(_ fields: [(String, String)]) throws -> TryOnOptions {
        var options = TryOnOptions()
        let query = try QueryReader(fields, allowed: optionNames)
        let format = try query.choice("format", ["jpeg", "png"], default: "jpeg") ?? "jpeg"
        options.format = format == "png" ? .png : .jpeg
        options.quality = try query.int("quality", in: 1...100, default: 85)
        options.maxOutputWidth = try query.string("w").map { _ in try query.int("w", in: 16...4096, default: 4096) }
        options.maxOutputHeight = try query.string("h").map { _ in try query.int("h", in: 16...4096, default: 4096) }
        return options
    }

    /// Checks the number of item ids (1 to 8).
    /// - Throws: ``ParameterError`` naming `field`.
    static func checkItemCount(_ items: [String], field: String) throws {
        guard !items.isEmpty, items.count <= 8 else {
            throw ParameterError.invalid(name: field, value: "\(items.count) items", expected: "1 to 8 item ids")
        }
    }
}
