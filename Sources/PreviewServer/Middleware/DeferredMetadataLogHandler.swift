import Logging

/// A log handler that keeps its own metadata and hands it to the wrapped handler only when a
/// line is written.
///
/// Hummingbird sets `hb.request.id` on the application's logger for every request, and
/// swift-log's `StreamLogHandler` formats its whole metadata each time metadata is set,
/// written or not. Behind this wrapper a request whose lines are all below the log level
/// formats nothing; the lines that are written carry the same metadata as before.
struct DeferredMetadataLogHandler: LogHandler {
    /// The handler that writes (its own metadata is left empty).
    private var base: any LogHandler
    /// Metadata set on this logger, merged under each line's own metadata.
    var metadata: Logger.Metadata

    /// Wraps `base`; its metadata moves into the wrapper.
    init(_ base: any LogHandler) {
        self.metadata = base.metadata
        var base = base
        base.metadata = [:]
        self.base = base
    }

    var logLevel: Logger.Level {
        get { base.logLevel }
        set { base.logLevel = newValue }
    }

    var metadataProvider: Logger.MetadataProvider? {
        get { base.metadataProvider }
        set { base.metadataProvider = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var event = event
        if !metadata.isEmpty {
            event.metadata = metadata.merging(event.metadata ?? [:]) { _, explicit in explicit }
        }
        base.log(event: event)
    }
}

extension Logger {
    /// This logger behind a ``DeferredMetadataLogHandler`` (same label, level and metadata).
    var deferringMetadata: Logger {
        if handler is DeferredMetadataLogHandler { return self }
        let handler = self.handler
        return Logger(label: label) { _ in DeferredMetadataLogHandler(handler) }
    }
}
