import Foundation

extension Catalogue {
    /// Reads and validates a catalogue file (JSON).
    /// - Throws: ``BatchFileError`` naming the file and the JSON path of the first problem.
    public init(contentsOf url: URL) throws {
        let data = try JSONObject.read(url)
        try self.init(data: data, file: url)
    }

    /// Parses a catalogue; relative asset paths are resolved against `file`'s folder.
    /// - Throws: ``BatchFileError``.
    public init(data: Data, file: URL) throws {
        let root = try JSONObject.parse(data, file: file.path)
        try root.checkKeys(["version", "name", "defaults", "presets", "assets"])
        guard try root.int("version", in: 1...1) == 1 else { throw root.error("version", "is required and must be 1") }
        let presetKeys = RenderSettings.keys.union(["frames", "pitch", "sprite"])
        var defaults = Preset(id: "", settings: RenderSettings(), frames: 36, pitch: [15], sprite: true)
        if let d = try root.object("defaults") {
            try d.checkKeys(presetKeys)
            defaults = try Self.preset(d, base: defaults)
        }
        guard let presetObjects = try root.objects("presets"), !presetObjects.isEmpty else {
            throw root.error("presets", "at least one preset is required")
        }
        var presets: [Preset] = []
        for object in presetObjects {
            try object.checkKeys(presetKeys.union(["id"]))
            var preset = try Self.preset(object, base: defaults)
            try preset.settings.validate(at: object)
            preset.id = try object.identifier("id")
            guard !presets.contains(where: { $0.id == preset.id }) else {
                throw object.error("id", "preset \"\(preset.id)\" is defined twice")
            }
            presets.append(preset)
        }
        guard let assetObjects = try root.objects("assets"), !assetObjects.isEmpty else {
            throw root.error("assets", "at least one asset is required")
        }
        let folder = file.deletingLastPathComponent()
        var assets: [Asset] = []
        for object in assetObjects {
            try object.checkKeys(["id", "path", "presets", "variants"])
            let id = try object.identifier("id")
            guard !assets.contains(where: { $0.id == id }) else {
                throw object.error("id", "asset \"\(id)\" is listed twice")
            }
            guard let path = try object.string("path"), !path.isEmpty else { throw object.error("path", "is required") }
            guard let ids = try object.strings("presets"), !ids.isEmpty else {
                throw object.error("presets", "list at least one preset id")
            }
            for presetID in ids where !presets.contains(where: { $0.id == presetID }) {
                throw object.error("presets", "unknown preset \"\(presetID)\"")
            }
            guard Set(ids).count == ids.count else { throw object.error("presets", "a preset is listed twice") }
            var variants = Variants.defaultOnly
            if object.values["variants"] as? String == "all" {
                variants = .all
            } else if object.has("variants") {
                guard let names = try? object.strings("variants"), !names.isEmpty, Set(names).count == names.count
                else { throw object.error("variants", "must be \"all\" or a list of distinct variant names") }
                variants = .named(names)
            }
            assets.append(
                Asset(
                    id: id, url: URL(fileURLWithPath: path, relativeTo: folder).standardizedFileURL, presets: ids,
                    variants: variants))
        }
        self.init(file: file, name: try root.string("name"), presets: presets, assets: assets)
    }

    /// A preset's keys over `base`.
    private static func preset(_ object: JSONObject, base: Preset) throws -> Preset {
        var p = base
        p.settings = try base.settings.merging(object)
        if let frames = try object.int("frames", in: 1...360) { p.frames = frames }
        if let pitch = try object.numbers("pitch") {
            guard !pitch.isEmpty, pitch.count <= 9, pitch.allSatisfy({ abs($0) <= 89 && $0 == $0.rounded() }) else {
                throw object.error("pitch", "must list 1 to 9 whole degrees in -89...89")
            }
            guard Set(pitch).count == pitch.count else { throw object.error("pitch", "a pitch is listed twice") }
            p.pitch = pitch.map(Float.init)
        }
        if let sprite = try object.bool("sprite") { p.sprite = sprite }
        return p
    }
}
