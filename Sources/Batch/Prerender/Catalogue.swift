import Foundation

/// A catalogue for `vitrine prerender`: presets (how to render) and assets (what to render
/// with which presets and colourways). The format is in docs/batch.md; `samples/catalogue.json`
/// is an example.
///
/// ```swift
/// let catalogue = try Catalogue(contentsOf: URL(fileURLWithPath: "samples/catalogue.json"))
/// let plan = PrerenderPlan(catalogue: catalogue)
/// ```
public struct Catalogue: Sendable {
    /// A named way to render: picture settings, the turntable (frames per pitch row) and whether
    /// a sprite sheet is written.
    public struct Preset: Sendable, Equatable {
        /// `[a-z0-9-]+`, unique in the catalogue.
        public var id: String
        /// Size, samples, background, light, format...
        public var settings: RenderSettings
        /// Yaw steps per pitch row, evenly over 360° from the product's front.
        public var frames: Int
        /// Camera elevations in degrees, one row each.
        public var pitch: [Float]
        /// Whether a sprite sheet (row = pitch, column = yaw) is written too.
        public var sprite: Bool
    }

    /// Which colourways (`KHR_materials_variants`) of an asset are rendered.
    public enum Variants: Sendable, Equatable {
        /// The default materials only.
        case defaultOnly
        /// Every variant in the file.
        case all
        /// These variants, by name.
        case named([String])
    }

    /// A product to render.
    public struct Asset: Sendable, Equatable {
        /// `[a-z0-9-]+`, unique in the catalogue: the first folder of its output.
        public var id: String
        /// The model file (`.glb`, `.gltf`, `.obj`).
        public var url: URL
        /// Preset ids, in the order they are rendered.
        public var presets: [String]
        /// Colourways.
        public var variants: Variants
    }

    /// The catalogue file.
    public var file: URL
    /// Free-form name.
    public var name: String?
    /// Presets by definition order.
    public var presets: [Preset]
    /// Assets in file order (the work order).
    public var assets: [Asset]

    /// The preset with this id.
    public func preset(_ id: String) -> Preset? { presets.first { $0.id == id } }
}
