import Logging
import NIOConcurrencyHelpers
import Testing

@testable import PreviewServer

@Suite struct DeferredMetadataLogHandlerTests {
    /// Keeps what it is asked to write.
    struct Recorder: LogHandler {
        let lines: NIOLockedValueBox<[(String, Logger.Metadata)]>
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { _, explicit in explicit }
            lines.withLockedValue { $0.append((event.message.description, merged)) }
        }
    }

    @Test func metadataSetOnTheLoggerReachesTheWrittenLinesOnly() {
        let lines = NIOLockedValueBox<[(String, Logger.Metadata)]>([])
        var base = Recorder(lines: lines)
        base.metadata = ["service": "vitrine"]
        var logger = Logger(label: "t") { _ in base }.deferringMetadata
        #expect(logger.handler is DeferredMetadataLogHandler)
        #expect(logger.deferringMetadata.handler is DeferredMetadataLogHandler)
        logger[metadataKey: "hb.request.id"] = "42"
        logger.debug("below the level")
        logger.info("written", metadata: ["route": "/x", "hb.request.id": "explicit"])
        logger.logLevel = .error
        logger.info("now below the level")
        let written = lines.withLockedValue { $0 }
        #expect(written.count == 1)
        #expect(written.first?.0 == "written")
        #expect(written.first?.1["service"] == "vitrine")
        #expect(written.first?.1["route"] == "/x")
        // A line's own metadata wins over the logger's, as with swift-log's own handlers.
        #expect(written.first?.1["hb.request.id"] == "explicit")
    }
}
