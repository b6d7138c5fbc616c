import Batch
import Foundation
import Testing
import VitrineTestSupport

/// Small catalogues over the bundled products and helpers to read what `vitrine prerender`
/// wrote. Frames are 64-96 px with few yaw steps so the end-to-end tests stay fast.
enum PrerenderFixture {
    /// A fresh temporary folder.
    static func folder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-\(name)-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes a catalogue: a PNG preset with a sprite (two pitch rows) and a JPEG preset, over
    /// the given assets (`id`, absolute path, JSON of the `variants` value or nil).
    static func catalogue(
        in folder: URL, assets: [(id: String, path: String, variants: String?)], size: Int = 64, frames: Int = 6
    ) throws -> URL {
        let entries = assets.map { asset in
            "{\"id\": \"\(asset.id)\", \"path\": \"\(asset.path)\", \"presets\": [\"spin\", \"thumb\"]"
                + (asset.variants.map { ", \"variants\": \($0)" } ?? "") + "}"
        }
        let json = """
            {
              "version": 1,
              "defaults": {"samples": 2, "sprite": true},
              "presets": [
                {"id": "spin", "size": \(size), "frames": \(frames), "pitch": [10, 30], "format": "png"},
                {"id": "thumb", "size": \(size), "frames": 2, "pitch": [15], "format": "jpeg", "quality": 80,
                 "background": "#FFFFFF"}
              ],
              "assets": [\(entries.joined(separator: ",\n"))]
            }
            """
        let url = folder.appendingPathComponent("catalogue.json")
        try Data(json.utf8).write(to: url)
        return url
    }

    /// The bundled product `name` (`mug`, `bottle`, `sneaker`, `chair`).
    static func product(_ name: String) -> String { Fixtures.repo("assets/products/\(name).glb").path }

    /// Every file below `root` by relative path.
    static func files(_ root: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let base = root.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        else { return out }
        for case let url as URL in walker {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            out[String(path.dropFirst(base.count + 1))] = try Data(contentsOf: url)
        }
        return out
    }

    /// Content-addressed picture files (`name.<sha12>.png|jpg`) and whether each one's bytes
    /// hash to its name.
    static func pictures(_ files: [String: Data]) -> [(path: String, valid: Bool)] {
        files.compactMap { path, data in
            let name = (path as NSString).lastPathComponent
            let parts = name.split(separator: ".")
            guard parts.count == 3, ["png", "jpg"].contains(parts[2]), parts[1].count == 12 else { return nil }
            return (path, Checksum.sha256([UInt8](data)).hasPrefix(parts[1]))
        }
    }

    /// The `--json` summary printed on standard output.
    static func summary(_ result: VitrineBinary.Result) throws -> [String: Any] {
        let start = try #require(result.stdout.firstIndex(of: "{"), "no JSON in: \(result.stdout) \(result.stderr)")
        let data = Data(result.stdout[start...].utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
