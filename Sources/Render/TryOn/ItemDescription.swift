/// An item's JSON: its category, anchors and image file.
///
/// ```json
/// { "category": "top", "image": "tee-stripes.png", "size": [800, 900],
///   "anchors": { "neck": [400, 30], "left_shoulder": [620, 70], "right_shoulder": [180, 70],
///                "left_hip": [580, 800], "right_hip": [220, 800] } }
/// ```
/// Anchors may also be `{"x": .., "y": ..}` objects or a list of `{"name", "x", "y"}`;
/// `layer` (optional) sets the drawing order. Other fields (`id`, `name`, `offItem`, `markers`,
/// ...: see `docs/assets.md`) are ignored; `image` must be a plain file name in the folder.
struct ItemDescription {
    var category: ItemCategory
    var anchors: [BodyPoint: SIMD2<Double>]
    var imageFile: String?
    var size: SIMD2<Int>?
    var layer: Int?

    /// Parses and checks the JSON (anchor names against the category are checked later by
    /// `TryOnItem`).
    /// - Throws: `TryOnError.invalidItem` saying which field is wrong.
    init(json bytes: [UInt8], id: String, defaultCategory: ItemCategory? = nil) throws {
        func bad(_ reason: String) -> TryOnError { .invalidItem(id: id, reason: reason) }
        let root: TryOnJSON
        switch TryOnJSON.parse(bytes) {
        case .success(let value): root = value
        case .failure(let failure): throw bad("\(id).json: \(failure.reason)")
        }
        guard root.object != nil else { throw bad("\(id).json must hold an object") }

        let names = ItemCategory.allCases.map(\.rawValue).joined(separator: ", ")
        if let value = root["category"] {
            guard let categoryName = value.string, let category = ItemCategory(name: categoryName) else {
                throw bad("unknown category '\(value.string ?? "(not a string)")'; known: \(names)")
            }
            self.category = category
        } else if let defaultCategory {
            self.category = defaultCategory
        } else {
            throw bad("\(id).json has no \"category\" (one of \(names))")
        }

        if let image = root["image"] {
            guard let name = image.string, !name.isEmpty, !name.contains("/"), !name.contains("\\"),
                !name.hasPrefix("."), name.utf8.count <= 128
            else {
                throw bad("\"image\" must be a plain file name in the catalogue folder")
            }
            imageFile = name
        }
        if let size = root["size"] {
            guard let pair = size.array, pair.count == 2, let w = pair[0].number, let h = pair[1].number,
                w.isFinite, h.isFinite, w >= 1, h >= 1, w <= 65536, h <= 65536, w == w.rounded(), h == h.rounded()
            else { throw bad("\"size\" must be [width, height] in pixels") }
            self.size = SIMD2(Int(w), Int(h))
        }

        if let layer = root["layer"] {
            guard let n = layer.number, n.isFinite, n == n.rounded(), abs(n) <= 1_000_000 else {
                throw bad("\"layer\" must be an integer")
            }
            self.layer = Int(n)
        }

        guard let anchorsValue = root["anchors"] else { throw bad("\(id).json has no \"anchors\"") }
        var anchors: [BodyPoint: SIMD2<Double>] = [:]
        var entries: [(String, TryOnJSON)] = []
        if let object = anchorsValue.object {
            entries = object.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        } else if let list = anchorsValue.array {
            for (i, entry) in list.enumerated() {
                guard let name = entry["name"]?.string else { throw bad("anchors[\(i)] has no \"name\"") }
                entries.append((name, entry))
            }
        } else {
            throw bad("\"anchors\" must be an object or a list")
        }
        for (name, value) in entries {
            guard let point = BodyPoint(rawValue: name) else {
                let known = category.knownAnchors.map(\.rawValue).joined(separator: ", ")
                throw bad("unknown anchor name '\(name)'; \(category.rawValue) items know: \(known)")
            }
            guard anchors[point] == nil else { throw bad("anchor '\(name)' appears twice") }
            let x: Double?
            let y: Double?
            if let pair = value.array, pair.count == 2 {
                (x, y) = (pair[0].number, pair[1].number)
            } else {
                (x, y) = (value["x"]?.number, value["y"]?.number)
            }
            guard let x, let y, x.isFinite, y.isFinite else {
                throw bad("anchor '\(name)' must be [x, y] or {\"x\": .., \"y\": ..} with finite numbers")
            }
            anchors[point] = SIMD2(x, y)
        }
        self.anchors = anchors
    }
}
