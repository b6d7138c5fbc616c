import ArgumentParser
import Render

/// `vitrine version`: prints the renderer version (part of every cache key).
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version", abstract: "Print the renderer version.")

    func run() throws {
        print("vitrine \(RendererVersion.string)")
    }
}
