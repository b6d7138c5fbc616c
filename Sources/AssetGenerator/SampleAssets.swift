import Foundation

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
    ///
    /// Assets are made in parallel (one job per asset); each job's files land in its own
    /// slot, so the result does not depend on scheduling.
    /// - Throws: ``AssetError`` when a texture cannot be encoded.
    public static func generate(_ groups: [Group] = Group.allCases) throws -> [File] {
        let work = Group.allCases.filter { groups.contains($0) }.flatMap { jobs(for: $0) }
        let results = ResultSlots(count: work.count)
        DispatchQueue.concurrentPerform(iterations: work.count) { k in
            results.set(k, Result { try work[k]() })
        }
        return try results.values.flatMap { try $0.get() }
    }

    /// The work for one group, one closure per asset.
    static func jobs(for group: Group) -> [@Sendable () throws -> [File]] {
        switch group {
        case .products:
            return [
                { [File(path: "products/mug.glb", bytes: GLBWriter.write(try Mug.document()))] },
                { [File(path: "products/bottle.glb", bytes: GLBWriter.write(try Bottle.document()))] },
                { [File(path: "products/chair.glb", bytes: GLBWriter.write(try Chair.document()))] },
                { [File(path: "products/sneaker.glb", bytes: GLBWriter.write(try Shoe.document()))] },
            ]
        case .garments:
            return GarmentLibrary.jobs()
        case .accessories:
            return [
                {
                    [
                        File(path: "accessories/sunglasses.glb", bytes: GLBWriter.write(try Sunglasses.document())),
                        File(path: "accessories/sunglasses.json", bytes: Sunglasses.anchorsJSON()),
                    ]
                }
            ]
        }
    }
}

/// Results written by concurrent jobs, each into its own slot.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [Result<[SampleAssets.File], Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<[SampleAssets.File], Error>) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Result<[SampleAssets.File], Error>] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0 ?? .success([]) }
    }
}
