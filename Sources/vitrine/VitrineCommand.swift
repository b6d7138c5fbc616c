import ArgumentParser
import Render

/// The `vitrine` command line: one subcommand per job.
@main
struct VitrineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vitrine",
        abstract: "Render 3D products and try-on pictures for online shops, on the CPU.",
        version: RendererVersion.string,
        subcommands: [
            VersionCommand.self, InspectCommand.self, DiffCommand.self, ServeCommand.self, SignCommand.self,
            RenderCommand.self, TurntableCommand.self, MakeAssetsCommand.self, TryOnCommand.self,
            PrerenderCommand.self, GoldenCommand.self,
        ]
    )
}
