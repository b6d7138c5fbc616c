import Logging
import Testing

@testable import PreviewServer

@Suite struct DeferredMetadataLogHandlerTests {
    @Test func metadataSetOnTheLoggerReachesTheWrittenLinesOnly() {
        let log = CapturedLog()
        var base = log.logger(level: .info)
        base[metadataKey: "service"] = "vitrine"
        var logger = base.deferringMetadata
        #expect(logger.handler is DeferredMetadataLogHandler)
        #expect(logger.deferringMetadata.handler is DeferredMetadataLogHandler)
        logger[metadataKey: "hb.request.id"] = "42"
        logger.debug("below the level")
        logger.info("written", metadata: ["route": "/x"])
        logger.info("explicit wins", metadata: ["hb.request.id": "7"])
        logger.logLevel = .error
        logger.info("now below the level")
        // The same line as the wrapped handler would write with the metadata set on it.
        #expect(
            log.lines == [
                "info written hb.request.id=42 route=/x service=vitrine",
                "info explicit wins hb.request.id=7 service=vitrine",
            ])
    }
}
