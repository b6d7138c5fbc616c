import ArgumentParser
import AssetGenerator
import Foundation

/// `vitrine make-assets`: regenerates the procedural sample assets under `assets/`.
struct MakeAssetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make-assets",
        abstract: "Regenerate the sample products, garments and accessories (deterministic).")

    @Option(name: .long, help: "Output folder.")
    var out: String = "assets"

    @Option(name: .long, help: "Only one group: products, garments or accessories.")
    var only: SampleAssets.Group?

    func run() throws {
        let root = URL(fileURLWithPath: out, isDirectory: true)
        let files = try SampleAssets.generate(only.map { [$0] } ?? SampleAssets.Group.allCases)
        for file in files {
            let url = root.appendingPathComponent(file.path)
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                // Write to a temporary file and rename, so an interrupted run leaves no half file.
                let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
                try Data(file.bytes).write(to: temporary)
                if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
                try FileManager.default.moveItem(at: temporary, to: url)
            } catch {
                throw AssetError.writeFailed(path: url.path, reason: "\(error)")
            }
            print("\(file.path)  \(file.bytes.count) bytes")
        }
    }
}

extension SampleAssets.Group: ExpressibleByArgument {}
