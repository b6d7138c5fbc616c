import Foundation
import Hummingbird

/// The browser side: `GET /` (an index of assets), `GET /viewer/{id}` (the 360° viewer page),
/// `GET /embed.js` (the `<vitrine-spin>` custom element), `GET /tryon` (the try-on page, a
/// client of `GET /v1/garments` and `POST /v1/tryon`) and `GET /openapi.json`.
///
/// The files live in `Sources/PreviewServer/Resources/` and are read once at start-up.
struct PageController<Context: RequestContext>: Sendable {
    let services: ServiceContext
    let resources: PageResources

    func addRoutes(to router: Router<Context>) {
        router.get("/") { _, _ in try index() }
        router.get("/viewer/:id") { _, context in try await viewer(context) }
        router.get("/tryon") { _, _ in
            Response.bytes(
                resources.tryOnPage, contentType: "text/html; charset=utf-8", headers: [.cacheControl: "no-cache"])
        }
        router.get("/embed.js") { _, _ in
            Response.bytes(
                resources.embedScript, contentType: "text/javascript; charset=utf-8",
                headers: [.cacheControl: "public, max-age=300"])
        }
        let openAPI = OpenAPIDocument.specialised(
            resources.openAPI, maxSide: services.configuration.maxFrameSide,
            environments: services.frames.backend.environmentNames)
        router.get("/openapi.json") { _, _ in
            Response.bytes(
                openAPI, contentType: "application/json; charset=utf-8",
                headers: [.cacheControl: "public, max-age=300"])
        }
    }

    private func index() throws -> Response {
        let items = services.catalogue.list().map { record in
            let id = Self.escapeHTML(record.id)
            return "<li><a href=\"/viewer/\(id)\">\(id)</a> <small>\(Self.escapeHTML(record.relativePath))</small></li>"
        }
        let html = resources.indexPage.replacingOccurrences(of: "{{assets}}", with: items.joined(separator: "\n"))
        return .bytes(Array(html.utf8), contentType: "text/html; charset=utf-8", headers: [.cacheControl: "no-cache"])
    }

    private func viewer(_ context: Context) async throws -> Response {
        let record = try services.catalogue.record(try context.parameters.require("id"))
        var sheet = try TurntableRequest(
            query: QueryReader([], allowed: []), maxSide: services.configuration.maxFrameSide,
            maxSheetPixels: services.configuration.maxSheetPixels,
            environments: services.frames.backend.environmentNames, acceptedFormat: .png)
        sheet.base.width = min(768, services.configuration.maxFrameSide)
        sheet.base.height = sheet.base.width
        let manifest = FrameURL(signer: services.signer).turntable(
            id: record.id, sheet, layout: "json", version: record.contentHash)
        let html = resources.viewerPage
            .replacingOccurrences(of: "{{id}}", with: Self.escapeHTML(record.id))
            .replacingOccurrences(of: "{{manifest}}", with: Self.escapeHTML(manifest))
        return .bytes(Array(html.utf8), contentType: "text/html; charset=utf-8", headers: [.cacheControl: "no-cache"])
    }

    /// Escapes text for HTML content and attribute values.
    static func escapeHTML(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}

/// The static files served by ``PageController``, loaded from the module's resources.
public struct PageResources: Sendable {
    let indexPage: String
    let viewerPage: String
    let tryOnPage: [UInt8]
    let embedScript: [UInt8]
    /// The OpenAPI 3.1 document of the API.
    public let openAPI: [UInt8]

    /// Loads the files from the module bundle.
    /// - Throws: when a file is missing from the build.
    public static func load() throws -> PageResources {
        func read(_ name: String) throws -> Data {
            guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources") else {
                throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: name])
            }
            return try Data(contentsOf: url)
        }
        return PageResources(
            indexPage: String(decoding: try read("index.html"), as: UTF8.self),
            viewerPage: String(decoding: try read("viewer.html"), as: UTF8.self),
            tryOnPage: Array(try read("tryon.html")),
            embedScript: Array(try read("embed.js")),
            openAPI: Array(try read("openapi.json")))
    }
}
