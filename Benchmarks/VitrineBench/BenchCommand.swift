import ArgumentParser

/// `vitrine-bench`: reproducible benchmarks, one subcommand per area. Built only with
/// `VITRINE_BENCHMARKS=1` (see Benchmarks/README.md).
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vitrine-bench",
        abstract: "Vitrine benchmarks (release builds only).",
        subcommands: [EncodeBench.self, ImportBench.self, ShadingBench.self, TryOnBench.self, RenderBench.self]
    )
}
