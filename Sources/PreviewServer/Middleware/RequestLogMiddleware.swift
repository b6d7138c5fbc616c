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
    static var cacheHeader: HTTPField.Name { HTTPField.Name("X-Vitrine-Cache")! }

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
            finish(request, context: context, status: Int(httpError.status.code), cache: nil, start: start)
            throw httpError
        }
        finish(
            request, context: context, status: Int(response.status.code),
            cache: response.headers[Self.cacheHeader], start: start)
        return response
    }

    private func finish(
        _ request: Request, context: Context, status: Int, cache: String?, start: ContinuousClock.Instant
    ) {
        let duration = ContinuousClock.now - start
        let route = context.endpointPath ?? "unmatched"
        metrics.requestFinished(route: route, method: request.method.rawValue, status: status, duration: duration)
        var metadata: Logger.Metadata = [
            "route": "\(route)", "method": "\(request.method.rawValue)", "status": "\(status)",
            "duration_ms": "\(Double(duration.nanoseconds / 1000) / 1000)",
        ]
        if let id = context.parameters.get("id"), AssetID.isValid(id) { metadata["asset"] = "\(id)" }
        if let cache { metadata["cache"] = "\(cache)" }
        logger.info("request", metadata: metadata)
    }
}
