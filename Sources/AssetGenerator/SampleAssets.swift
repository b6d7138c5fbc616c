/// The sample assets the project generates itself (`vitrine make-assets`), so that the
/// commands and tests work without `../shared`.
///
/// ```swift
/// for file in try SampleAssets.generate([.products]) {
///     try Data(file.bytes).write(to: assets.appendingPathComponent(file.path))
/// }
/// ```
///
/// Generation is deterministic: the same code gives the same bytes on every machine (no
/// dates, ordered JSON keys, the generator's own elementary functions).
public enum SampleAssets {
    /// `asset.generator` of every generated glTF file. Bump the number when the output changes
    /// on purpose, and regenerate.
    public static let generator = "Vitrine make-assets 1"

    /// Groups of assets, each a folder under `assets/`.
    public enum Group: String, CaseIterable, Sendable {
        /// `products/*.glb`: mug, sneaker, bottle, chair.
        case products
        /// `garments/*.png` + `*.json`: try-on items.
        case garments
        /// `accessories/*`: the 3D sunglasses and their anchors.
        case accessories
    }

    /// One generated file.
    public struct File: Sendable, Equatable {
        /// Path relative to the assets folder, e.g. `products/mug.glb`.
        public var path: String
        /// The file's bytes.
        public var bytes: [UInt8]
    }

    /// Generates the files of the given groups, in a fixed order.
    /// - Throws: ``AssetError`` when a texture cannot be encoded.
    public static func generate(_ groups: [Group] = Group.allCases) throws -> [File] {
        var files: [File] = []
        for group in Group.allCases where groups.contains(group) {
            switch group {
            case .products:
                files.append(File(path: "products/mug.glb", bytes: GLBWriter.write(try Mug.document())))
                files.append(File(path: "products/bottle.glb", bytes: GLBWriter.write(try Bottle.document())))
                files.append(File(path: "products/chair.glb", bytes: GLBWriter.write(try Chair.document())))
                files.append(File(path: "products/sneaker.glb", bytes: GLBWriter.write(try Shoe.document())))
            case .garments, .accessories:
                break
            }
        }
        return files
    }
}
