import HTTPTypes
import Hummingbird
import Logging

/// One structured log line and the request metrics for every request, and the mapping of
/// thrown errors onto HTTP answers (``HTTPErrorMapping``).
///
/// The line holds the route template (not the query), the asset id, status, duration, bytes
/// and the cache tier. Never a body, never a photo's bytes or metadata.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Response header carrying where the answer came from.
    static var cacheHeader: HTTPField.Name { cacheHeaderName }

    let metrics: ServerMetrics
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let start = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            let httpError = HTTPErrorMapping.httpError(for: error)
            finish(request, context: context, status: Int(httpError.status.code), response: nil, start: start)
            throw httpError
        }
        finish(request, context: context, status: Int(response.status.code), response: response, start: start)
        return response
    }

    private func finish(
        _ request: Request, context: Context, status: Int, response: Response?, start: ContinuousClock.Instant
    ) {
        let duration = ContinuousClock.now - start
        let route = context.endpointPath ?? "unmatched"
        metrics.requestFinished(route: route, method: request.method.rawValue, status: status, duration: duration)
        // The line is built only when it is written (`--log-level error` costs no formatting).
        guard logger.logLevel <= .info else { return }
        var metadata: Logger.Metadata = [
            "route": "\(route)", "method": "\(request.method.rawValue)", "status": "\(status)",
            "duration_ms": "\(Double(duration.nanoseconds / 1000) / 1000)",
        ]
        if let id = context.parameters.get("id"), AssetID.isValid(id) { metadata["asset"] = "\(id)" }
        if let cache = response?.headers[Self.cacheHeader] { metadata["cache"] = "\(cache)" }
        logger.info("request", metadata: metadata)
    }
}

/// `X-Vitrine-Cache`, made once (a generic type cannot hold a stored static).
private let cacheHeaderName = HTTPField.Name("X-Vitrine-Cache")!
