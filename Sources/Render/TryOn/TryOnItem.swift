/// A garment or 2D accessory: an image with transparency, named anchor points in its pixels,
/// and a category. Validated and prepared (mip chain, feathered edge) once, then shared by
/// every request.
public struct TryOnItem: Sendable {
    /// Catalogue id (the file stem): letters, digits, `-`, `_`, `.`.
    public let id: String
    /// What the item is.
    public let category: ItemCategory
    /// Drawing order when several items are worn, lower first (`category.defaultLayer` unless
    /// the item's JSON says).
    public let layer: Int
    /// Anchors in item pixels (origin top-left, y down), named after the body points they sit
    /// on; left/right are the wearer's.
    public let anchors: [BodyPoint: SIMD2<Double>]
    /// The prepared image.
    public let texture: ItemTexture
    /// Bounding box of the texels with alpha > 0, in item pixels: `(minX, minY, maxX, maxY)`,
    /// max exclusive. The warp mesh covers only this box.
    public let opaqueBounds: (minX: Int, minY: Int, maxX: Int, maxY: Int)
    /// Where the image has any alpha, for skipping empty mesh cells.
    let occupancy: ItemOccupancy

    /// Largest accepted item image side.
    public static let maxSide = 8192

    /// Validates and prepares an item.
    ///
    /// ```swift
    /// let tee = try TryOnItem(id: "tee", category: .top, image: rgba, anchors: [
    ///     .neck: SIMD2(400, 30), .leftShoulder: SIMD2(620, 70), .rightShoulder: SIMD2(180, 70),
    ///     .leftHip: SIMD2(580, 800), .rightHip: SIMD2(220, 800)])
    /// ```
    /// - Parameters:
    ///   - id: the catalogue id.
    ///   - category: decides which anchors are allowed and required.
    ///   - image: straight-alpha RGBA8.
    ///   - anchors: anchor positions in image pixels.
    ///   - layer: drawing order; `nil` for the category's default.
    ///   - featherTexels: width of the feathered alpha edge in texels of the drawn mip level.
    /// - Throws: `TryOnError.invalidItem` naming what is wrong (bad id, empty or huge image, an
    ///   anchor name the category does not know, a missing required anchor, an anchor outside
    ///   the image, two anchors on the same spot, a fully transparent image).
    public init(
        id: String, category: ItemCategory, image: RGBA8Image, anchors: [BodyPoint: SIMD2<Double>],
        layer: Int? = nil, featherTexels: Double = 1.5
    ) throws {
        try Self.validate(id: id)
        guard image.width > 0, image.height > 0 else {
            throw TryOnError.invalidItem(id: id, reason: "the image is empty")
        }
        guard image.width <= Self.maxSide, image.height <= Self.maxSide else {
            throw TryOnError.invalidItem(
                id: id, reason: "the image is \(image.width)x\(image.height), larger than \(Self.maxSide) a side")
        }
        let known = category.knownAnchors
        for name in anchors.keys.sorted() where !known.contains(name) {
            throw TryOnError.invalidItem(
                id: id,
                reason: "anchor '\(name.rawValue)' is not used by \(category.rawValue) items; known: "
                    + known.map(\.rawValue).joined(separator: ", "))
        }
        let missing = category.requiredAnchors.filter { anchors[$0] == nil }
        guard missing.isEmpty else {
            throw TryOnError.invalidItem(
                id: id,
                reason: "\(category.rawValue) items need anchors " + missing.map(\.rawValue).joined(separator: ", "))
        }
        let sorted = anchors.sorted { $0.key < $1.key }
        for (name, p) in sorted {
            guard p.x.isFinite, p.y.isFinite, p.x >= 0, p.y >= 0, p.x <= Double(image.width),
                p.y <= Double(image.height)
            else {
                throw TryOnError.invalidItem(
                    id: id,
                    reason: "anchor '\(name.rawValue)' at (\(p.x), \(p.y)) is outside the "
                        + "\(image.width)x\(image.height) image")
            }
        }
        for (i, a) in sorted.enumerated() {
            for b in sorted[(i + 1)...] {
                let d = a.value - b.value
                if (d * d).sum() < 1 {
                    throw TryOnError.invalidItem(
                        id: id, reason: "anchors '\(a.key.rawValue)' and '\(b.key.rawValue)' are on the same spot")
                }
            }
        }
        guard let bounds = Self.opaqueBounds(image) else {
            throw TryOnError.invalidItem(id: id, reason: "the image is fully transparent")
        }
        guard featherTexels.isFinite, (0...16).contains(featherTexels) else {
            throw TryOnError.invalidOption(name: "featherTexels", reason: "must be between 0 and 16")
        }
        self.id = id
        self.category = category
        self.layer = layer ?? category.defaultLayer
        self.anchors = anchors
        self.opaqueBounds = bounds
        self.occupancy = ItemOccupancy(image)
        self.texture = ItemTexture(image, featherTexels: featherTexels)
    }

    /// Loads an item from its JSON and image bytes (what a catalogue folder holds per item).
    /// - Parameters:
    ///   - id: the item's id.
    ///   - json: the item JSON (see `docs/tryon.md`); its `image` field is ignored here.
    ///   - image: PNG or JPEG bytes.
    ///   - defaultCategory: the category when the JSON has none.
    ///   - featherTexels: feather width (see `ItemTexture`).
    /// - Throws: `TryOnError.invalidItem`.
    public static func load(
        id: String, json: [UInt8], image: [UInt8], defaultCategory: ItemCategory? = nil, featherTexels: Double = 1.5
    ) throws -> TryOnItem {
        try validate(id: id)
        let description = try ItemDescription(json: json, id: id, defaultCategory: defaultCategory)
        let decoded = try TryOnImageIO.decode(image, maxPixels: maxSide * maxSide, role: .item(id))
        if let size = description.size, size != SIMD2(decoded.width, decoded.height) {
            throw TryOnError.invalidItem(
                id: id, reason: "the JSON says \(size.x)x\(size.y), the image is \(decoded.width)x\(decoded.height)")
        }
        return try TryOnItem(
            id: id, category: description.category, image: decoded, anchors: description.anchors,
            layer: description.layer, featherTexels: featherTexels)
    }

    /// Checks a catalogue id: 1-64 characters from `A-Z a-z 0-9 - _ .`, not starting with `.`.
    public static func validate(id: String) throws {
        let allowed = id.utf8.allSatisfy { c in
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2D
                || c == 0x5F || c == 0x2E
        }
        guard !id.isEmpty, id.utf8.count <= 64, allowed, !id.hasPrefix(".") else {
            let shown = id.utf8.count <= 64 ? id : String(id.prefix(64)) + "..."
            throw TryOnError.invalidItem(
                id: shown, reason: "an id is 1-64 characters from A-Z a-z 0-9 - _ . and does not start with '.'")
        }
    }

    private static func opaqueBounds(_ image: RGBA8Image) -> (minX: Int, minY: Int, maxX: Int, maxY: Int)? {
        var minX = Int.max
        var minY = Int.max
        var maxX = -1
        var maxY = -1
        image.pixels.withUnsafeBufferPointer { px in
            for y in 0..<image.height {
                var rowMin = Int.max
                var rowMax = -1
                let row = y * image.width * 4
                for x in 0..<image.width where px[row + 4 * x + 3] != 0 {
                    rowMin = min(rowMin, x)
                    rowMax = x
                }
                if rowMax >= 0 {
                    minX = min(minX, rowMin)
                    maxX = max(maxX, rowMax)
                    minY = min(minY, y)
                    maxY = y
                }
            }
        }
        guard maxX >= 0 else { return nil }
        return (minX, minY, maxX + 1, maxY + 1)
    }
}
