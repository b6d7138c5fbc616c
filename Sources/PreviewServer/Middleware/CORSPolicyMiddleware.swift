import HTTPTypes
import Hummingbird

/// CORS for a configured list of origins (or `*`): adds `Access-Control-Allow-Origin` to
/// answers for allowed origins, exposes `ETag` and `X-Vitrine-Cache`, and answers preflight
/// `OPTIONS` requests with `204`.
struct CORSPolicyMiddleware<Context: RequestContext>: RouterMiddleware {
    let origins: [String]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard let origin = request.headers[.origin], let allowed = allowedOrigin(origin) else {
            return try await next(request, context)
        }
        if request.method == .options {
            return Response(
                status: .noContent,
                headers: [
                    .accessControlAllowOrigin: allowed, .vary: "Origin",
                    .accessControlAllowMethods: "GET, PUT, DELETE, OPTIONS",
                    .accessControlAllowHeaders: "Authorization, Content-Type, If-None-Match, X-API-Key",
                    .accessControlMaxAge: "600",
                ])
        }
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            var error = HTTPErrorMapping.httpError(for: error)
            error.headers[.accessControlAllowOrigin] = allowed
            throw error
        }
        response.headers[.accessControlAllowOrigin] = allowed
        response.headers[.accessControlExposeHeaders] = "ETag, X-Vitrine-Cache, Retry-After"
        if allowed != "*" { response.headers.append(HTTPField(name: .vary, value: "Origin")) }
        return response
    }

    private func allowedOrigin(_ origin: String) -> String? {
        if origins.contains("*") { return "*" }
        return origins.contains(origin) ? origin : nil
    }
}
