import Logging
import NIOConcurrencyHelpers

/// A log handler that keeps every line in memory, so a test can read what the service logged.
///
/// ```swift
/// let log = CapturedLog()
/// try await TestServer.run(config, backend: backend, logger: log.logger()) { ... }
/// #expect(log.lines.contains { $0.contains("disk tier off") })
/// ```
final class CapturedLog: Sendable {
    private let stored = NIOLockedValueBox<[String]>([])

    /// Every line logged so far: `level message key=value ...`.
    var lines: [String] { stored.withLockedValue { $0 } }

    /// A logger writing here, at `level` and above.
    func logger(level: Logger.Level = .warning) -> Logger {
        var logger = Logger(label: "vitrine-test") { _ in Handler(log: self) }
        logger.logLevel = level
        return logger
    }

    fileprivate func append(_ line: String) { stored.withLockedValue { $0.append(line) } }

    private struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .warning

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let fields = metadata.merging(event.metadata ?? [:]) { $1 }
                .sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            log.append(([event.level.rawValue, "\(event.message)"] + fields).joined(separator: " "))
        }
    }
}
