import ArgumentParser
import Batch
import Foundation

/// `vitrine prerender CATALOGUE --out DIR`: every frame, sprite sheet and manifest a catalogue
/// asks for, resumable and shardable.
struct PrerenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prerender",
        abstract: "Pre-render a catalogue into a folder a static host can serve.",
        discussion: """
            Output: <out>/<asset>/<content hash>/<preset>/<variant>/ frames named by their \
            checksum, sprite sheets, and <out>/<asset>/<content hash>/manifest.json. A rerun skips \
            verified files and renders missing or damaged ones. --shard I/N (or the environment \
            variables JOB_COMPLETION_INDEX and VITRINE_SHARD_COUNT, as in a Kubernetes Indexed Job) \
            takes the frames whose index modulo N is I. Exit status 1 when any frame or asset failed. \
            See docs/batch.md.
            """)

    @Argument(help: "The catalogue file (JSON).")
    var catalogue: String

    @Option(help: "Output folder (created if missing).")
    var out: String

    @Option(help: "This run's part of the work: I/N with 0 <= I < N.")
    var shard: String?

    @Option(help: "Frames rendered side by side (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Print the summary as JSON.")
    var json = false

    @Flag(help: "No progress output (the summary is still printed).")
    var quiet = false

    func validate() throws {
        guard (1...256).contains(jobs) else { throw ValidationError("--jobs must be in 1...256") }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard must be I/N with 0 <= I < N") }
    }

    /// `--shard`, else the environment, else everything.
    func resolvedShard(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Shard {
        if let shard, let parsed = Shard(shard) { return parsed }
        do {
            return try Shard.fromEnvironment(environment) ?? .all
        } catch {
            throw ValidationError("\(error)")
        }
    }

    func run() throws {
        let shard = try resolvedShard()
        let catalogue = try Catalogue(contentsOf: URL(fileURLWithPath: catalogue))
        let plan = PrerenderPlan(catalogue: catalogue)
        let runner = Prerenderer(
            plan: plan, output: PrerenderOutput(root: URL(fileURLWithPath: out, isDirectory: true)), shard: shard,
            jobs: jobs, progress: PrerenderProgress(style: quiet ? .quiet : nil))
        let summary = runner.run()
        print(json ? try summary.json() : summary.text)
        if !summary.succeeded { throw ExitCode(1) }
    }
}
