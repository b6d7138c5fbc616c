import Render

/// The outcome of one golden case.
public struct GoldenResult: Sendable {
    /// How the case ended.
    public enum Status: String, Sendable {
        /// Within `maxDiffPixels`.
        case passed
        /// More pixels differ than allowed, or the sizes differ.
        case failed
        /// No approved picture yet (`vitrine golden record` makes it).
        case missing
        /// The render itself failed (bad asset, unknown variant...).
        case error
        /// `record` wrote the approved picture.
        case recorded
    }

    /// The case.
    public var name: String
    /// Outcome.
    public var status: Status
    /// Pixelmatch count and pixels compared (0 when not compared).
    public var differingPixels = 0
    public var totalPixels = 0
    /// What happened, for reports.
    public var message: String
    /// Seconds to render and compare.
    public var seconds: Double = 0
    /// Pictures for the report.
    public var expected: RGBA8Image?
    public var actual: RGBA8Image?
    public var diff: RGBA8Image?

    /// Whether CI should stay green for this case.
    public var ok: Bool { status == .passed || status == .recorded }

    /// Differing pixels over compared pixels; 1 for missing and errors (they sort first).
    public var severity: Double {
        switch status {
        case .error, .missing: return 2
        case .failed where totalPixels == 0: return 1.5
        default: return totalPixels > 0 ? Double(differingPixels) / Double(totalPixels) : 0
        }
    }

    /// Worst first (errors and missing pictures, then by differing fraction), then by name.
    public static func worstFirst(_ results: [GoldenResult]) -> [GoldenResult] {
        results.sorted { ($0.severity, $1.name) > ($1.severity, $0.name) }
    }
}
