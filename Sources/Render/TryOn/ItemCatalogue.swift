import Foundation

/// The items a try-on request may name, by id: loaded and validated once, then shared.
///
/// A catalogue folder holds, per item, `<id>.json` (category and anchors) and its image
/// (`<id>.png` unless the JSON names another file in the same folder); see `docs/tryon.md` for
/// the JSON. An item that fails to load does not stop the others: it is listed in `problems`
/// and asking for it gives its error.
public struct ItemCatalogue: Sendable {
    /// The loaded items by id.
    public private(set) var items: [String: TryOnItem]
    /// Items that failed to load, by id, with the reason.
    public private(set) var problems: [String: TryOnError]

    /// Largest item JSON read.
    public static let maxJSONBytes = 256 << 10
    /// Largest item image file read.
    public static let maxImageBytes = 64 << 20

    /// A catalogue of items built in code.
    /// - Precondition: ids are unique.
    public init(items: [TryOnItem]) {
        var byID: [String: TryOnItem] = [:]
        for item in items {
            precondition(byID[item.id] == nil, "duplicate item id \(item.id)")
            byID[item.id] = item
        }
        self.items = byID
        self.problems = [:]
    }

    /// Loads every `*.json` item in a folder.
    /// - Parameters:
    ///   - directory: the catalogue folder (e.g. `assets/garments`).
    ///   - featherTexels: feather width of every item (see `ItemTexture`).
    /// - Throws: `TryOnError.invalidOption` when the folder cannot be listed. Bad items do not
    ///   throw: they are recorded in `problems`.
    public init(directory: URL, featherTexels: Double = 1.5) throws {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw TryOnError.invalidOption(name: "items", reason: "cannot list the folder \(directory.path)")
        }
        var items: [String: TryOnItem] = [:]
        var problems: [String: TryOnError] = [:]
        for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let id = String(name.dropLast(5))
            do {
                items[id] = try Self.loadItem(id: id, directory: directory, featherTexels: featherTexels)
            } catch let error as TryOnError {
                problems[id] = error
            } catch {
                problems[id] = .invalidItem(id: id, reason: "\(error)")
            }
        }
        self.items = items
        self.problems = problems
    }

    /// Ids of the loaded items, sorted.
    public var ids: [String] { items.keys.sorted() }

    /// The item with this id.
    /// - Throws: `TryOnError.unknownItem` listing the known ids, or the item's load error.
    public func item(_ id: String) throws -> TryOnItem {
        if let item = items[id] { return item }
        if let problem = problems[id] { throw problem }
        throw TryOnError.unknownItem(id: String(id.prefix(64)), known: ids)
    }

    /// Adds (or replaces) an item.
    public mutating func insert(_ item: TryOnItem) {
        items[item.id] = item
        problems[item.id] = nil
    }

    // MARK: - Loading

    private static func loadItem(id: String, directory: URL, featherTexels: Double) throws -> TryOnItem {
        try TryOnItem.validate(id: id)
        let json = try read(directory.appendingPathComponent(id + ".json"), maxBytes: maxJSONBytes, id: id)
        let imageName = try ItemDescription(json: json, id: id).imageFile ?? id + ".png"
        let image = try read(directory.appendingPathComponent(imageName), maxBytes: maxImageBytes, id: id)
        return try TryOnItem.load(id: id, json: json, image: image, featherTexels: featherTexels)
    }

    private static func read(_ url: URL, maxBytes: Int, id: String) throws -> [UInt8] {
        let name = url.lastPathComponent
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
            let size = attributes[.size] as? NSNumber
        else {
            throw TryOnError.invalidItem(id: id, reason: "\(name) is missing")
        }
        guard size.intValue <= maxBytes else {
            throw TryOnError.invalidItem(id: id, reason: "\(name) is larger than \(maxBytes) bytes")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw TryOnError.invalidItem(id: id, reason: "\(name) cannot be read")
        }
        return [UInt8](data)
    }
}
