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

    /// The served document states this server's own bounds: `w`/`h` up to its max side, `env`
    /// one of its environments; everything else is the repository's document.
    @Test func theServedDocumentStatesTheServersMaxSideAndEnvironments() throws {
        let original = try PageResources.load().openAPI
        let served = OpenAPIDocument.specialised(original, maxSide: 1024, environments: ["studio", "sunset"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(served)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        for path in OpenAPIDocument.renderPaths {
            let get = try #require(paths[path]?["get"] as? [String: Any])
            let parameters = try #require(get["parameters"] as? [[String: Any]])
            func schema(_ name: String) -> [String: Any]? {
                parameters.first { $0["name"] as? String == name }?["schema"] as? [String: Any]
            }
            #expect(schema("w")?["maximum"] as? Int == 1024 && schema("h")?["maximum"] as? Int == 1024)
            #expect(schema("env")?["enum"] as? [String] == ["studio", "sunset"])
            let id = try #require(parameters.first { $0["name"] as? String == "id" })
            #expect(id["required"] as? Bool == true, "booleans stay booleans")
        }
        let originalObject = try #require(try JSONSerialization.jsonObject(with: Data(original)) as? [String: Any])
        #expect(Set(paths.keys) == Set((originalObject["paths"] as? [String: Any] ?? [:]).keys))
        #expect(
            OpenAPIDocument.specialised(Array("not json".utf8), maxSide: 1, environments: []) == Array("not json".utf8))
    }
}
