import Foundation
import Render

/// A golden suite for `vitrine golden record|verify`: renders (asset, camera, settings) and
/// where their approved pictures live, compared with the pixelmatch method of `vitrine diff`.
/// The format is in docs/batch.md; `samples/golden/products.json` is the project's own suite.
///
/// ```swift
/// let suite = try GoldenSuite(contentsOf: URL(fileURLWithPath: "samples/golden/products.json"))
/// let results = try GoldenRunner(suite: suite, jobs: 2).verify()
/// ```
public struct GoldenSuite: Sendable {
    /// One render and its approved picture.
    public struct Case: Sendable, Equatable {
        /// `[a-z0-9-]+`, unique: names the picture and the test case.
        public var name: String
        /// The model file.
        public var asset: URL
        /// Colourway, nil for the default materials.
        public var variant: String?
        /// Orbit camera angles in degrees.
        public var yaw: Float
        public var pitch: Float
        /// Size, samples, background, light (`format` and `quality` are ignored: approved
        /// pictures are lossless PNG).
        public var settings: RenderSettings
        /// The approved PNG.
        public var approved: URL
        /// Pixels allowed to differ (pixelmatch count).
        public var maxDiffPixels: Int
    }

    /// The suite file.
    public var file: URL
    /// Pixelmatch threshold and anti-aliasing handling for every case.
    public var pixelmatch: Pixelmatch.Options
    /// Cases in file order.
    public var cases: [Case]

    /// Reads and validates a suite (JSON). Relative paths are resolved against its folder.
    /// - Throws: ``BatchFileError`` naming the file and JSON path.
    public init(contentsOf url: URL) throws {
        let data = try JSONObject.read(url)
        let root = try JSONObject.parse(data, file: url.path)
        try root.checkKeys(["version", "name", "approved", "defaults", "compare", "renders"])
        guard try root.int("version", in: 1...1) == 1 else { throw root.error("version", "is required and must be 1") }
        let folder = url.deletingLastPathComponent()
        let approvedFolder = URL(fileURLWithPath: try root.string("approved") ?? "approved", relativeTo: folder)
        let caseKeys = RenderSettings.keys.union(["yaw", "pitch", "variant", "maxDiffPixels"])
        var defaults = Case(
            name: "", asset: folder, variant: nil, yaw: 30, pitch: 15, settings: RenderSettings(), approved: folder,
            maxDiffPixels: 0)
        defaults.settings.size = 128
        if let d = try root.object("defaults") {
            try d.checkKeys(caseKeys)
            defaults = try Self.merge(d, over: defaults)
        }
        var options = Pixelmatch.Options()
        if let compare = try root.object("compare") {
            try compare.checkKeys(["threshold", "includeAA"])
            if let t = try compare.number("threshold") {
                guard (0...1).contains(t) else { throw compare.error("threshold", "must be in 0...1") }
                options.threshold = t
            }
            if let aa = try compare.bool("includeAA") { options.includeAA = aa }
        }
        guard let objects = try root.objects("renders"), !objects.isEmpty else {
            throw root.error("renders", "at least one render is required")
        }
        var cases: [Case] = []
        for object in objects {
            try object.checkKeys(caseKeys.union(["name", "asset", "approved"]))
            var c = try Self.merge(object, over: defaults)
            c.name = try object.identifier("name")
            guard !cases.contains(where: { $0.name == c.name }) else {
                throw object.error("name", "\"\(c.name)\" is listed twice")
            }
            guard let asset = try object.string("asset"), !asset.isEmpty else {
                throw object.error("asset", "is required")
            }
            c.asset = URL(fileURLWithPath: asset, relativeTo: folder).standardizedFileURL
            let approved = try object.string("approved")
            c.approved =
                approved.map { URL(fileURLWithPath: $0, relativeTo: folder) }
                ?? approvedFolder.appendingPathComponent("\(c.name).png")
            c.approved = c.approved.standardizedFileURL
            cases.append(c)
        }
        self.file = url
        self.pixelmatch = options
        self.cases = cases
    }

    private static func merge(_ object: JSONObject, over base: Case) throws -> Case {
        var c = base
        c.settings = try base.settings.merging(object)
        c.settings.format = .png
        if let yaw = try object.number("yaw") { c.yaw = Float(yaw) }
        if let pitch = try object.number("pitch") {
            guard abs(pitch) <= 89 else { throw object.error("pitch", "must be in -89...89") }
            c.pitch = Float(pitch)
        }
        if let variant = try object.string("variant") { c.variant = variant }
        if let m = try object.int("maxDiffPixels", in: 0...Int(Int32.max)) { c.maxDiffPixels = m }
        return c
    }
}
