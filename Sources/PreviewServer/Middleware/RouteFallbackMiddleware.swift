import HTTPTypes
import Hummingbird

/// Answers the requests no route takes: `405 Method Not Allowed` with an `Allow` header when the
/// path is a route's but the method is not (`TRACE /v1/assets`, `PATCH /v1/assets/chair`), and a
/// `404` with a JSON message otherwise (instead of an empty body).
///
/// Add it to the router after every route: a middleware added last wraps only the not-found
/// responder, so matched routes never pass through it.
struct RouteFallbackMiddleware<Context: RequestContext>: RouterMiddleware {
    /// One route template split into components (`{id}` matches any one component), and its methods.
    struct Template: Sendable {
        var components: [Substring]
        var methods: [HTTPRequest.Method]
    }

    private let templates: [Template]

    /// Builds the table from the router's routes (`router.routes`); `GET` routes also allow `HEAD`.
    init(routes: [(path: String, method: HTTPRequest.Method)]) {
        var table: [String: [HTTPRequest.Method]] = [:]
        for route in routes {
            table[route.path, default: []].append(route.method)
            if route.method == .get { table[route.path, default: []].append(.head) }
        }
        templates = table.map { path, methods in
            var unique: [HTTPRequest.Method] = []
            for method in methods where !unique.contains(method) { unique.append(method) }
            return Template(components: path.split(separator: "/"), methods: unique)
        }
    }

    /// The methods of the route whose template matches `path`, or nil when none does.
    func allowedMethods(path: String) -> [HTTPRequest.Method]? {
        let components = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        let parts = components.last?.isEmpty == true ? Array(components.dropLast()) : Array(components)
        for template in templates where template.components.count == parts.count {
            let matches = zip(template.components, parts).allSatisfy { pattern, part in
                pattern.hasPrefix("{") || pattern.hasPrefix(":") ? !part.isEmpty : pattern == part
            }
            if matches { return template.methods }
        }
        return nil
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound && error.body == nil {
            let path = request.uri.path
            if let methods = allowedMethods(path: path), !methods.contains(request.method) {
                let allow = methods.map(\.rawValue).joined(separator: ", ")
                throw HTTPError(
                    .methodNotAllowed, headers: [.allow: allow],
                    message: "method \(request.method.rawValue.prefix(16)) is not allowed here; allowed: \(allow)")
            }
            throw HTTPError(
                .notFound, message: "no route for \(request.method.rawValue.prefix(16)) \(path.prefix(128))")
        }
    }
}
