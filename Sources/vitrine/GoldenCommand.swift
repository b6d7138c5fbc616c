import ArgumentParser
import Batch
import Foundation

/// `vitrine golden record|verify SUITE`: visual regression over a suite of renders.
struct GoldenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "golden",
        abstract: "Record or verify a suite of approved renders (visual regression).",
        discussion: """
            verify renders every case, compares it with its approved picture by the pixelmatch \
            method of `vitrine diff`, writes <report>/index.html (worst first) and <report>/junit.xml, \
            and exits 1 when a case fails. record renders every case and writes its approved picture. \
            See docs/batch.md.
            """)

    /// What to do.
    enum Mode: String, ExpressibleByArgument, CaseIterable {
        case record, verify
    }

    @Argument(help: "record or verify.")
    var mode: Mode

    @Argument(help: "The suite file (JSON).")
    var suite: String

    @Option(help: "Report folder (verify).")
    var report: String = "golden-report"

    @Option(help: "Cases rendered side by side (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Only the cases whose name contains this text.")
    var filter: String?

    func validate() throws {
        guard (1...256).contains(jobs) else { throw ValidationError("--jobs must be in 1...256") }
    }

    func run() throws {
        let url = URL(fileURLWithPath: suite)
        var loaded = try GoldenSuite(contentsOf: url)
        if let filter {
            loaded.cases = loaded.cases.filter { $0.name.contains(filter) }
            guard !loaded.cases.isEmpty else { throw ValidationError("no case name contains \"\(filter)\"") }
        }
        let runner = GoldenRunner(suite: loaded, jobs: jobs)
        let results = mode == .record ? runner.record() : runner.verify()
        for r in results {
            print(
                "\(r.status.rawValue.uppercased().padding(toLength: 8, withPad: " ", startingAt: 0)) \(r.name): \(r.message)"
            )
        }
        let bad = results.filter { !$0.ok }.count
        if mode == .verify {
            let folder = URL(fileURLWithPath: report, isDirectory: true)
            try GoldenReport(results: results, suiteName: url.lastPathComponent).write(to: folder)
            print(
                "\(results.count - bad) of \(results.count) passed; report: \(folder.appendingPathComponent("index.html").path)"
            )
        } else {
            print("\(results.count - bad) of \(results.count) recorded")
        }
        if bad > 0 { throw ExitCode(1) }
    }
}
