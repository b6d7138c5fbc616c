import Foundation
import HTTPTypes
import Hummingbird

/// `GET /v1/assets/{id}/frame` and `GET /v1/assets/{id}/turntable`.
///
/// Order of checks: signature (`403`), asset id (`400`/`404`), parameters (`400`), then
/// `If-None-Match` (`304` without rendering), then the cache, then a render on the pool
/// (`503` + `Retry-After` when full).
struct FrameController<Context: RequestContext>: Sendable {
    let services: ServiceContext

    func addRoutes(to router: Router<Context>) {
        router.get("/v1/assets/:id/frame") { request, context in try await frame(request, context) }
        router.get("/v1/assets/:id/turntable") { request, context in try await turntable(request, context) }
    }

    private func frame(_ request: Request, _ context: Context) async throws -> Response {
        try checkSignature(request)
        let record = try services.catalogue.record(try context.parameters.require("id"))
        let query = try QueryReader(request.queryPairs, allowed: FrameRequest.parameterNames)
        let frameRequest = try FrameRequest(
            query: query, maxSide: services.configuration.maxFrameSide, defaultSide: 512,
            environments: services.frames.backend.environmentNames,
            acceptedFormat: AcceptNegotiation.format(for: request.headers[.accept]))
        try await services.frames.validate(variant: frameRequest.variant, of: record)
        let key = services.frames.key(record, frameRequest)
        let headers = cachingHeaders(
            key: key, versioned: query.string("v") == record.contentHash, varyAccept: query.string("format") == nil)
        if request.matches(etag: key.etag) { return Response(status: .notModified, headers: headers) }
        if let hit = services.frames.cached(key) { return answer(hit.0, source: hit.1, headers: headers) }
        let priority = request.priority(default: .interactive)
        return try await untilClientLeaves(request, headers: headers) {
            try await services.frames.render(record, frameRequest, priority: priority)
        }
    }

    private func turntable(_ request: Request, _ context: Context) async throws -> Response {
        try checkSignature(request)
        let record = try services.catalogue.record(try context.parameters.require("id"))
        let query = try QueryReader(request.queryPairs, allowed: TurntableRequest.parameterNames)
        let sheet = try TurntableRequest(
            query: query, maxSide: services.configuration.maxFrameSide,
            maxSheetPixels: services.configuration.maxSheetPixels,
            environments: services.frames.backend.environmentNames,
            acceptedFormat: AcceptNegotiation.format(for: request.headers[.accept]))
        try await services.frames.validate(variant: sheet.base.variant, of: record)
        let versioned = query.string("v") == record.contentHash
        if sheet.layout == "json" { return try manifest(record, sheet, versioned: versioned) }
        let key = services.frames.key(record, sheet)
        let headers = cachingHeaders(key: key, versioned: versioned, varyAccept: query.string("format") == nil)
        if request.matches(etag: key.etag) { return Response(status: .notModified, headers: headers) }
        if let hit = services.frames.cached(key) { return answer(hit.0, source: hit.1, headers: headers) }
        let priority = request.priority(default: .batch)
        return try await untilClientLeaves(request, headers: headers) {
            try await services.frames.renderSheet(record, sheet, priority: priority)
        }
    }

    // MARK: - Manifest

    /// A turntable described as JSON: the sheet's URL and one URL per frame, row by row.
    struct Manifest: Codable, Sendable {
        var asset: String
        var version: String
        var frames: Int
        var rows: Int
        var width: Int
        var height: Int
        var format: String
        var sheet: String
        var urls: [[String]]
    }

    private func manifest(_ record: AssetRecord, _ sheet: TurntableRequest, versioned: Bool) throws -> Response {
        let urls = FrameURL(signer: services.signer)
        let rows = (0..<sheet.rows).map { row in
            (0..<sheet.frames).map { column in
                urls.frame(id: record.id, sheet.cell(column: column, row: row), version: record.contentHash)
            }
        }
        let body = Manifest(
            asset: record.id, version: record.contentHash, frames: sheet.frames, rows: sheet.rows,
            width: sheet.base.width, height: sheet.base.height, format: sheet.base.format.rawValue,
            sheet: urls.turntable(id: record.id, sheet, layout: "image", version: record.contentHash), urls: rows)
        return try .json(body, headers: [.cacheControl: versioned ? Self.immutable : Self.shortLived])
    }

    // MARK: - Helpers

    static var immutable: String { "public, max-age=31536000, immutable" }
    static var shortLived: String { "public, max-age=60" }

    private func cachingHeaders(key: CacheKey, versioned: Bool, varyAccept: Bool) -> HTTPFields {
        var headers: HTTPFields = [.eTag: key.etag, .cacheControl: versioned ? Self.immutable : Self.shortLived]
        if varyAccept { headers[.vary] = "Accept" }
        return headers
    }

    private func answer(_ frame: CachedFrame, source: FrameService.Source, headers: HTTPFields) -> Response {
        var headers = headers
        headers[RequestLogMiddleware<Context>.cacheHeader] = source.rawValue
        headers[.contentType] = frame.contentType
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: frame.buffer))
    }

    /// With a signing key: `403` unless the URL carries a valid `sig`.
    private func checkSignature(_ request: Request) throws {
        guard let signer = services.signer else { return }
        guard signer.isValid(path: request.uri.path, rawQuery: request.uri.query ?? "") else {
            throw HTTPError(.forbidden, message: "missing or invalid URL signature (sig)")
        }
    }

    /// Renders with `operation` and answers the frame, cancelling the render if the client closes
    /// its connection meanwhile: a queued render whose client has gone is then never started.
    ///
    /// Watching for the close consumes the connection's inbound stream, so Hummingbird closes the
    /// connection after this answer. The answer (or the error thrown, e.g. a `503`) therefore says
    /// `Connection: close`: a keep-alive client or proxy (nginx upstream keep-alive) must not send
    /// its next request into a connection that is about to close.
    private func untilClientLeaves(
        _ request: Request, headers: HTTPFields,
        _ operation: () async throws -> (CachedFrame, FrameService.Source)
    ) async throws -> Response {
        do {
            let (frame, source) = try await request.body.consumeWithCancellationOnInboundClose { _ in
                try await operation()
            }
            var response = answer(frame, source: source, headers: headers)
            response.headers[.connection] = "close"
            return response
        } catch {
            var httpError = HTTPErrorMapping.httpError(for: error)
            httpError.headers[.connection] = "close"
            throw httpError
        }
    }
}
