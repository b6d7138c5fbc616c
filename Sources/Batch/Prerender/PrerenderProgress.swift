import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Progress on standard error: a bar redrawn in place on a terminal (frames done / total,
/// frames/s, ETA), one plain line per event otherwise (logs, CI), nothing when quiet.
public final class PrerenderProgress: @unchecked Sendable {
    /// How progress is shown.
    public enum Style: Sendable {
        case bar, lines, quiet
    }

    /// What happened to a frame.
    public enum Event: String, Sendable {
        case rendered, skipped, failed
    }

    private let style: Style
    private let lock = NSLock()
    private var total = 0
    private var done = 0
    private var rendered = 0
    private var start = DispatchTime.now().uptimeNanoseconds
    private var lastDraw: UInt64 = 0

    /// A reporter; `.bar` when standard error is a terminal, else `.lines`.
    public init(style: Style? = nil) {
        self.style = style ?? (isatty(STDERR_FILENO) == 1 ? .bar : .lines)
    }

    /// Starts counting `total` frames.
    public func begin(total: Int) {
        lock.withLock {
            self.total = total
            start = DispatchTime.now().uptimeNanoseconds
        }
    }

    /// One frame is done.
    public func frame(_ event: Event, _ label: String) {
        lock.withLock {
            done += 1
            if event == .rendered { rendered += 1 }
            switch style {
            case .quiet: break
            case .lines:
                if event != .skipped { write("\(event.rawValue) \(label) (\(done)/\(total), \(rateText()))\n") }
            case .bar:
                let now = DispatchTime.now().uptimeNanoseconds
                if now - lastDraw > 100_000_000 || done == total {
                    lastDraw = now
                    write("\r\(barText())")
                }
            }
        }
    }

    /// A message on its own line (errors, notes).
    public func note(_ message: String) {
        lock.withLock {
            guard style != .quiet else { return }
            write(style == .bar ? "\r\u{1B}[K\(message)\n\(barText())" : "\(message)\n")
        }
    }

    /// Ends the bar's line.
    public func finish() {
        lock.withLock {
            if style == .bar { write("\r\(barText())\n") }
        }
    }

    private func rateText() -> String {
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let rate = seconds > 0 ? Double(rendered) / seconds : 0
        let left = total - done
        let eta = rate > 0 ? Int((Double(left) / rate).rounded()) : -1
        let etaText = eta < 0 ? "--:--" : String(format: "%d:%02d", eta / 60, eta % 60)
        return String(format: "%.2f frames/s, ETA %@", rate, etaText)
    }

    private func barText() -> String {
        let width = 30
        let filled = total > 0 ? done * width / total : width
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        return "[\(bar)] \(done)/\(total) frames, \(rateText())\u{1B}[K"
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
