import Foundation
import Hummingbird
import Logging
import Testing

@testable import PreviewServer

/// `openapi.json` (kept in the repository) describes exactly the router's routes, with the
/// parameters the handlers accept.
@Suite struct OpenAPIDocumentTests {
    private func document() throws -> [String: Any] {
        let data = Data(try PageResources.load().openAPI)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws {
        let assets = try TestAssets.folder(ids: [])
        let services = try buildServiceContext(
            TestServer.configuration(assets: assets), backend: TestBackend(), logger: Logger(label: "t"))
        let router = try buildRouter(services)
        let routes = Set(
            router.routes.map { route in
                let path = route.path.description.split(separator: "/").map { part in
                    part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
                }
                return "\(route.method.rawValue.lowercased()) /\(path.joined(separator: "/"))"
            })
        let paths = try #require(try document()["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0) \(path)" } })
        #expect(
            routes == documented,
            "in the router only: \(routes.subtracting(documented)); in the document only: \(documented.subtracting(routes))"
        )
    }

    @Test(arguments: [
        ("/v1/assets/{id}/frame", FrameRequest.parameterNames),
        ("/v1/assets/{id}/turntable", TurntableRequest.parameterNames),
    ])
    func queryParametersMatchTheHandlers(path: String, names: [String]) throws {
        let paths = try #require(try document()["paths"] as? [String: [String: Any]])
        let get = try #require(paths[path]?["get"] as? [String: Any])
        let parameters = try #require(get["parameters"] as? [[String: Any]])
        let query = Set(parameters.filter { $0["in"] as? String == "query" }.compactMap { $0["name"] as? String })
        #expect(query == Set(names))
    }
}
