import Foundation
import Render

/// Everything a catalogue asks for, in work order, with each asset loaded once (to know its
/// colourways and content hash). A unit of work is one frame; unit `i` belongs to shard
/// `i % count`, so any number of shards covers every frame exactly once.
///
/// Work order: assets in file order, then their presets in the listed order, variants, pitch
/// rows, yaw steps.
public struct PrerenderPlan: Sendable {
    /// One preset x variant of an asset: a turntable of `preset.pitch.count` rows of
    /// `preset.frames` frames.
    public struct Group: Sendable {
        /// The preset.
        public var preset: Catalogue.Preset
        /// The variant name, nil for the default materials.
        public var variant: String?
        /// The variant's folder name (`default` for nil).
        public var slug: String
        /// Index of the group's first frame in the whole plan.
        public var firstUnit: Int
        /// Frames in the group.
        public var count: Int { preset.frames * preset.pitch.count }
        /// The folder of this group's files relative to the asset's hash folder.
        public var folder: String { "\(preset.id)/\(slug)" }

        /// Base name of frame `unit` (0-based within the group), e.g. `p15_f007`.
        public func stem(_ unit: Int) -> String {
            let (row, column) = unit.quotientAndRemainder(dividingBy: preset.frames)
            let column3 =
                String(column).count >= 3
                ? String(column) : String(repeating: "0", count: 3 - String(column).count) + String(column)
            return "p\(Int(preset.pitch[row]))_f\(column3)"
        }
    }

    /// One asset of the catalogue: either loaded, with its groups, or broken.
    public struct Asset: Sendable {
        /// The catalogue entry.
        public var entry: Catalogue.Asset
        /// The loaded scene, nil when broken.
        public var scene: Scene?
        /// 16 hex digits of SHA-256 over the file, the renderer version and the asset's presets
        /// and variants: the folder changes whenever anything that changes the pictures does.
        public var contentHash: String
        /// Why the asset cannot be rendered (unreadable file, unknown variant...), nil if fine.
        public var error: String?
        /// Presets x variants in work order (empty when broken before the variants are known).
        public var groups: [Group]
        /// Index of the first unit and number of units of the asset.
        public var units: Range<Int>
    }

    /// The catalogue.
    public var catalogue: Catalogue
    /// Assets in work order.
    public var assets: [Asset]
    /// Wall seconds spent loading the models.
    public var loadSeconds: Double = 0
    /// Frames in the whole plan.
    public var totalUnits: Int { assets.last?.units.upperBound ?? 0 }

    /// Loads every asset of the catalogue. An asset that cannot be read or does not have the
    /// variants asked for is kept with its ``Asset/error`` (the others still run); it counts
    /// one unit per frame it would have had (one variant when they are unknown).
    public init(catalogue: Catalogue) {
        self.catalogue = catalogue
        let start = DispatchTime.now().uptimeNanoseconds
        var assets: [Asset] = []
        var next = 0
        for entry in catalogue.assets {
            var asset = Self.load(entry, catalogue: catalogue, firstUnit: next)
            if asset.groups.isEmpty {
                // Broken before the variants were known: count one variant per preset.
                let frames = entry.presets.compactMap { catalogue.preset($0) }.reduce(0) {
                    $0 + $1.frames * $1.pitch.count
                }
                asset.units = next..<(next + frames)
            }
            next = asset.units.upperBound
            assets.append(asset)
        }
        self.assets = assets
        loadSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Loads one asset and lays out its groups.
    private static func load(_ entry: Catalogue.Asset, catalogue: Catalogue, firstUnit: Int) -> Asset {
        var asset = Asset(
            entry: entry, scene: nil, contentHash: "", error: nil, groups: [], units: firstUnit..<firstUnit)
        let bytes: [UInt8]
        let scene: Scene
        guard let data = FileManager.default.contents(atPath: entry.url.path) else {
            asset.error = "\(entry.url.path): no such file, or not readable"
            return asset
        }
        bytes = [UInt8](data)
        do {
            scene = try SceneLoader.load(contentsOf: entry.url)
        } catch {
            asset.error = "\(error)"
            return asset
        }
        var variants: [String?]
        switch entry.variants {
        case .defaultOnly: variants = [nil]
        case .all:
            guard !scene.variants.isEmpty else {
                asset.error = "\(entry.url.path): variants \"all\" but the file has no KHR_materials_variants"
                return asset
            }
            variants = scene.variants
        case .named(let names):
            if let unknown = names.first(where: { !scene.variants.contains($0) }) {
                asset.error =
                    "\(entry.url.path): unknown variant \"\(unknown)\" (the file has: "
                    + "\(scene.variants.isEmpty ? "none" : scene.variants.joined(separator: ", ")))"
                return asset
            }
            variants = names
        }
        let slugs = Self.slugs(variants)
        var next = firstUnit
        var fingerprint = "renderer=\(RendererVersion.string)\n"
        for presetID in entry.presets {
            guard let preset = catalogue.preset(presetID) else { continue }
            fingerprint += "preset=\(preset.id);\(preset.settings.fingerprint);frames=\(preset.frames);"
            fingerprint += "pitch=\(preset.pitch);sprite=\(preset.sprite)\n"
            for (variant, slug) in zip(variants, slugs) {
                let group = Group(preset: preset, variant: variant, slug: slug, firstUnit: next)
                asset.groups.append(group)
                next += group.count
            }
        }
        fingerprint += "variants=\(variants.map { $0 ?? "" })\n"
        asset.scene = scene
        asset.units = firstUnit..<next
        asset.contentHash = String(Checksum.sha256(parts: [bytes, Array(fingerprint.utf8)]).prefix(16))
        return asset
    }

    /// Folder names for variants: lower case, `-` for anything but letters and digits,
    /// `default` for the default materials, a numeric suffix on a clash.
    static func slugs(_ variants: [String?]) -> [String] {
        var used: Set<String> = []
        return variants.map { variant in
            guard let variant else { return "default" }
            var slug = ""
            for scalar in variant.lowercased().unicodeScalars {
                if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                    slug.unicodeScalars.append(scalar)
                } else if !slug.isEmpty && !slug.hasSuffix("-") {
                    slug += "-"
                }
            }
            while slug.hasSuffix("-") { slug.removeLast() }
            if slug.isEmpty { slug = "variant" }
            var candidate = slug
            var n = 2
            while used.contains(candidate) {
                candidate = "\(slug)-\(n)"
                n += 1
            }
            used.insert(candidate)
            return candidate
        }
    }
}
