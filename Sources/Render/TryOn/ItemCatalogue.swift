import Foundation

/// The items a try-on request may name, by id: loaded and validated once, then shared.
///
/// A catalogue folder holds, per item, `<id>.json` (category and anchors) and its image
/// (`<id>.png` unless the JSON names another file in the same folder); see `docs/tryon.md` for
/// the JSON. A JSON with a `"model"` (a `.glb`) is a 3D accessory (`Accessory3D`), drawn by
/// the 3D renderer. An item that fails to load does not stop the others: it is listed in
/// `problems` and asking for it gives its error.
public struct ItemCatalogue: Sendable {
    /// The loaded flat (image) items by id.
    public private(set) var items: [String: TryOnItem]
    /// The loaded 3D accessories by id.
    public private(set) var accessories: [String: Accessory3D] = [:]
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
        try self.init(directories: [directory], featherTexels: featherTexels)
    }

    /// Loads every `*.json` item of several folders (e.g. `assets/garments` and
    /// `assets/accessories`); a later folder's item replaces an earlier one with the same id.
    /// - Throws: `TryOnError.invalidOption` when a folder cannot be listed.
    public init(directories: [URL], featherTexels: Double = 1.5) throws {
        items = [:]
        problems = [:]
        for directory in directories {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            } catch {
                throw TryOnError.invalidOption(name: "items", reason: "cannot list the folder \(directory.path)")
            }
            for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
                let id = String(name.dropLast(5))
                items[id] = nil
                accessories[id] = nil
                problems[id] = nil
                do {
                    try load(id: id, directory: directory, featherTexels: featherTexels)
                } catch let error as TryOnError {
                    problems[id] = error
                } catch {
                    problems[id] = .invalidItem(id: id, reason: "\(error)")
                }
            }
        }
    }

    /// Ids of the loaded items and accessories, sorted.
    public var ids: [String] { (Array(items.keys) + Array(accessories.keys)).sorted() }

    /// A flat item or a 3D accessory.
    public enum Entry: Sendable {
        case item(TryOnItem)
        case accessory(Accessory3D)

        /// Drawing order, lower first.
        public var layer: Int {
            switch self {
            case .item(let item): item.layer
            case .accessory(let accessory): accessory.layer
            }
        }
    }

    /// The item or accessory with this id.
    /// - Throws: `TryOnError.unknownItem` listing the known ids, or the item's load error.
    public func entry(_ id: String) throws -> Entry {
        if let accessory = accessories[id] { return .accessory(accessory) }
        return .item(try item(id))
    }

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
        accessories[item.id] = nil
        problems[item.id] = nil
    }

    /// Adds (or replaces) a 3D accessory.
    public mutating func insert(_ accessory: Accessory3D) {
        accessories[accessory.id] = accessory
        items[accessory.id] = nil
        problems[accessory.id] = nil
    }

    // MARK: - Loading

    private mutating func load(id: String, directory: URL, featherTexels: Double) throws {
        try TryOnItem.validate(id: id)
        let json = try Self.read(directory.appendingPathComponent(id + ".json"), maxBytes: Self.maxJSONBytes, id: id)
        if case .success(let root) = TryOnJSON.parse(json), root["model"] != nil {
            accessories[id] = try Accessory3D.load(id: id, json: json, directory: directory)
            return
        }
        let imageName = try ItemDescription(json: json, id: id).imageFile ?? id + ".png"
        let image = try Self.read(directory.appendingPathComponent(imageName), maxBytes: Self.maxImageBytes, id: id)
        items[id] = try TryOnItem.load(id: id, json: json, image: image, featherTexels: featherTexels)
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
