import Foundation
import Render
import Testing
import VitrineTestSupport

/// Every model under `../shared/models/` (`.gltf`, `.glb`, `.obj`) rendered at 160² with the
/// default options into one contact sheet, kept as a CI artefact:
/// `.build/test-artifacts/contact-sheet/contact-sheet.png` (cells numbered) and `index.json`
/// (per cell: model, triangles, covered pixels, warnings, error).
@Suite struct ContactSheetTests {
    static let size = 160

    /// What one model gave.
    struct Entry: Codable, Sendable {
        var cell: Int
        var model: String
        var triangles = 0
        var opaquePixels = 0
        var milliseconds = 0
        var warnings: [String] = []
        /// Unsupported extensions the file uses (each must be named by a warning).
        var unsupportedExtensions: [String] = []
        var error: String?
    }

    /// Each model loads and renders without error, draws something (opaque pixels, not just
    /// its shadow), and every extension it uses that Vitrine does not implement is named by a
    /// ``SceneWarning`` (never a silent wrong picture).
    @Test(.enabled(if: Fixtures.hasShared, "needs ../shared/models"))
    func everySharedModelRendersIntoTheContactSheet() throws {
        let models = Self.modelFiles()
        #expect(models.count >= 30, "found only \(models.count) models under \(Fixtures.shared("models").path)")
        let results = Slots(count: models.count)
        let next = Slots(count: 0)
        let environment = Environment.studio()
        let workers = min(2, models.count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let renderer = Renderer(threads: 1)
            while let i = next.take(below: models.count) {
                results.set(i, Self.render(models[i], cell: i, renderer: renderer, environment: environment))
            }
        }
        let entries = results.entries
        #expect(entries.count == models.count)

        var sheet = ContactSheet(cell: Self.size, count: entries.count)
        for entry in entries {
            sheet.place(results.image(entry.cell), at: entry.cell)
            #expect(entry.error == nil, "\(entry.model): \(entry.error ?? "")")
            if entry.error == nil {
                #expect(entry.opaquePixels > 0, "\(entry.model): nothing drawn but the shadow")
            }
            for name in entry.unsupportedExtensions {
                #expect(
                    entry.warnings.contains { $0.contains(name) },
                    "\(entry.model) uses \(name), which no warning names")
            }
        }
        let folder = Fixtures.artifactDirectory("contact-sheet")
        try Data(try PNGCodec.encode(sheet.image)).write(to: folder.appendingPathComponent("contact-sheet.png"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(entries).write(to: folder.appendingPathComponent("index.json"))
    }

    /// Model files under `models/`, relative paths, sorted.
    static func modelFiles() -> [String] {
        let root = Fixtures.shared("models")
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var files: [String] = []
        while let path = walker.nextObject() as? String {
            if ["gltf", "glb", "obj"].contains((path as NSString).pathExtension.lowercased()) { files.append(path) }
        }
        return files.sorted()
    }

    /// Loads, prepares and renders one model with the default options (transparent background,
    /// shadow, studio light, 4x AA) at the sheet's cell size.
    static func render(_ model: String, cell: Int, renderer: Renderer, environment: Environment) -> (Entry, RGBA8Image?)
    {
        var entry = Entry(cell: cell, model: model)
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            let scene = try SceneLoader.load(contentsOf: Fixtures.shared("models").appendingPathComponent(model))
            entry.unsupportedExtensions = scene.extensionsUsed.filter { !GLTFImporter.supportedExtensions.contains($0) }
            let prepared = try PreparedScene(scene: scene)
            entry.warnings = prepared.warnings.map(\.description)
            entry.triangles = prepared.triangleCount()
            var options = RenderOptions()
            options.width = size
            options.height = size
            let frame = try renderer.render(prepared, environment: environment, options: options)
            entry.opaquePixels = stride(from: 3, to: frame.image.pixels.count, by: 4).count {
                frame.image.pixels[$0] == 255
            }
            entry.milliseconds = Int((DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
            return (entry, frame.image)
        } catch {
            entry.error = "\(error)"
            return (entry, nil)
        }
    }

    /// Work counter and per-model results shared by the workers.
    final class Slots: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [(Entry, RGBA8Image?)?]
        private var taken = 0

        init(count: Int) { results = Array(repeating: nil, count: count) }

        func take(below count: Int) -> Int? {
            lock.withLock {
                guard taken < count else { return nil }
                defer { taken += 1 }
                return taken
            }
        }

        func set(_ i: Int, _ result: (Entry, RGBA8Image?)) { lock.withLock { results[i] = result } }

        var entries: [Entry] { lock.withLock { results.compactMap { $0?.0 } } }

        func image(_ i: Int) -> RGBA8Image? { lock.withLock { results[i]?.1 } }
    }
}
