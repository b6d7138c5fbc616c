import Foundation
import Render

/// The report of a `vitrine golden verify` run: `index.html` (expected / actual / diff side by
/// side, worst first), `junit.xml` for CI systems, and the pictures under `images/`.
public struct GoldenReport: Sendable {
    /// Results in any order.
    public var results: [GoldenResult]
    /// The suite's name in the JUnit file (its file name).
    public var suiteName: String

    /// A report.
    public init(results: [GoldenResult], suiteName: String) {
        self.results = results
        self.suiteName = suiteName
    }

    /// Writes the report into `folder` (created if missing).
    /// - Throws: codec or write errors.
    public func write(to folder: URL) throws {
        let images = folder.appendingPathComponent("images", isDirectory: true)
        for result in results {
            for (kind, image) in [("expected", result.expected), ("actual", result.actual), ("diff", result.diff)] {
                guard let image, image.width > 0 else { continue }
                try AtomicFile.write(
                    try PNGCodec.encode(image), to: images.appendingPathComponent("\(result.name)-\(kind).png"))
            }
        }
        try AtomicFile.write(Array(html().utf8), to: folder.appendingPathComponent("index.html"))
        try AtomicFile.write(Array(junit().utf8), to: folder.appendingPathComponent("junit.xml"))
    }

    /// Counts per status.
    public var failures: Int { results.filter { $0.status == .failed || $0.status == .missing }.count }
    public var errors: Int { results.filter { $0.status == .error }.count }

    /// JUnit XML: one test case per render; `failure` for differences and missing pictures,
    /// `error` for renders that failed.
    public func junit() -> String {
        let total = results.reduce(0) { $0 + $1.seconds }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"vitrine golden\" tests=\"\(results.count)\" failures=\"\(failures)\" "
        xml += "errors=\"\(errors)\" time=\"\(Self.seconds(total))\">\n"
        xml += "  <testsuite name=\"\(Self.escape(suiteName))\" tests=\"\(results.count)\" failures=\"\(failures)\" "
        xml += "errors=\"\(errors)\" time=\"\(Self.seconds(total))\">\n"
        for r in results {
            xml += "    <testcase classname=\"\(Self.escape(suiteName))\" name=\"\(Self.escape(r.name))\" "
            xml += "time=\"\(Self.seconds(r.seconds))\""
            switch r.status {
            case .passed, .recorded:
                xml += " />\n"
            case .failed, .missing:
                xml += ">\n      <failure message=\"\(Self.escape(r.message))\" type=\"\(r.status.rawValue)\" />\n"
                xml += "    </testcase>\n"
            case .error:
                xml += ">\n      <error message=\"\(Self.escape(r.message))\" type=\"error\" />\n    </testcase>\n"
            }
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    /// The HTML page: a table, worst first, with the three pictures per case.
    public func html() -> String {
        let sorted = GoldenResult.worstFirst(results)
        let passed = results.filter(\.ok).count
        var page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Golden report: \(Self.escape(suiteName))</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 1.5em; }
            table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 6px; vertical-align: top; }
            img { max-width: 256px; image-rendering: pixelated; background: repeating-conic-gradient(#ddd 0 25%, #fff 0 50%) 0 0 / 16px 16px; }
            .passed { color: #176317; } .failed, .missing, .error { color: #b00020; font-weight: bold; }
            </style></head><body>
            <h1>Golden report: \(Self.escape(suiteName))</h1>
            <p>\(passed) of \(results.count) passed; \(failures) failed or missing, \(errors) errors. Worst first.</p>
            <table><tr><th>Case</th><th>Expected</th><th>Actual</th><th>Diff</th></tr>

            """
        for r in sorted {
            page += "<tr><td><b>\(Self.escape(r.name))</b><br><span class=\"\(r.status.rawValue)\">"
            page += "\(r.status.rawValue)</span><br>\(Self.escape(r.message))</td>"
            for (kind, image) in [("expected", r.expected), ("actual", r.actual), ("diff", r.diff)] {
                if image != nil {
                    page += "<td><img src=\"images/\(Self.escape(r.name))-\(kind).png\" alt=\"\(kind)\"></td>"
                } else {
                    page += "<td>-</td>"
                }
            }
            page += "</tr>\n"
        }
        page += "</table></body></html>\n"
        return page
    }

    /// XML/HTML escaping of text and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(c)
            }
        }
        return out
    }

    private static func seconds(_ s: Double) -> String { String(format: "%.3f", s) }
}
