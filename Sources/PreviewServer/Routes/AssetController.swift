import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// `GET /v1/assets`, `GET|PUT|DELETE /v1/assets/{id}`.
struct AssetController<Context: RequestContext>: Sendable {
    let services: ServiceContext

    /// What the API reports about an asset.
    struct AssetBody: Codable, Sendable {
        var id: String
        var path: String
        var contentHash: String
        var bytes: Int
        var triangles: Int?
        var bounds: Bounds?
        var materials: [String]?
        var variants: [String]?
        var error: String?
        var frameURL: String
        var turntableURL: String
        var viewerURL: String

        struct Bounds: Codable, Sendable {
            var min: [Float]
            var max: [Float]
        }
    }

    struct ListBody: Codable, Sendable {
        var assets: [AssetBody]
    }

    func addRoutes(to router: Router<Context>) {
        router.get("/v1/assets") { _, _ in try await list() }
        router.get("/v1/assets/:id") { _, context in try await show(context) }
        router.put("/v1/assets/:id") { request, context in try await upload(request, context) }
        router.delete("/v1/assets/:id") { request, context in try await delete(request, context) }
    }

    private func list() async throws -> Response {
        let catalogue = services.catalogue
        let bodies = catalogue.list().map { body($0, facts: nil) }
        return try .json(ListBody(assets: bodies), headers: [.cacheControl: "no-cache"])
    }

    private func show(_ context: Context) async throws -> Response {
        let record = try services.catalogue.record(try context.parameters.require("id"))
        let facts: AssetFacts?
        do {
            facts = try await services.catalogue.facts(record)
        } catch let error as CatalogueError {
            guard case .importFailed = error else { throw error }
            facts = nil
        }
        return try .json(body(record, facts: facts), headers: [.cacheControl: "no-cache"])
    }

    func body(_ record: AssetRecord, facts: AssetFacts?) -> AssetBody {
        let urls = FrameURL(signer: services.signer)
        var turntable = try? TurntableRequest(
            query: QueryReader([], allowed: []), maxSide: services.configuration.maxFrameSide,
            maxSheetPixels: services.configuration.maxSheetPixels, environments: ["studio"], acceptedFormat: .png)
        turntable?.layout = "json"
        return AssetBody(
            id: record.id, path: record.relativePath, contentHash: record.contentHash, bytes: record.fileBytes,
            triangles: facts?.triangles, bounds: facts.map { .init(min: $0.boundsMin, max: $0.boundsMax) },
            materials: facts?.materials, variants: facts?.variants,
            error: services.catalogue.failure(record),
            frameURL: urls.frame(id: record.id, FrameRequest(), version: record.contentHash),
            turntableURL: turntable.map {
                urls.turntable(id: record.id, $0, layout: "json", version: record.contentHash)
            } ?? "",
            viewerURL: "/viewer/\(record.id)")
    }

    // MARK: - Writes

    private func upload(_ request: Request, _ context: Context) async throws -> Response {
        try authorize(request)
        let id = try context.parameters.require("id")
        guard AssetID.isValid(id) else { throw CatalogueError.invalidID(id) }
        let limit = services.configuration.maxUploadBytes
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw HTTPError(.contentTooLarge, message: "upload of \(length) bytes is over the limit of \(limit) bytes")
        }
        let buffer = try await request.collectBody(
            upTo: limit, within: .seconds(services.configuration.bodyTimeoutSeconds), what: "upload")
        guard buffer.readableBytes > 0 else {
            throw CatalogueError.invalidUpload(message: "empty body; send the .glb file as the request body")
        }
        let (record, created) = try await services.catalogue.store(id: id, bytes: Array(buffer.readableBytesView))
        let facts = try? await services.catalogue.facts(record)
        return try .json(body(record, facts: facts), status: created ? .created : .ok)
    }

    private func delete(_ request: Request, _ context: Context) async throws -> Response {
        try authorize(request)
        try services.catalogue.delete(id: try context.parameters.require("id"))
        return Response(status: .noContent)
    }

    /// Checks `Authorization: Bearer <key>` or `X-API-Key: <key>` in constant time.
    /// - Throws: `401` when missing or wrong (or when no key is configured: writes disabled).
    private func authorize(_ request: Request) throws {
        let unauthorized = HTTPError(
            .unauthorized, headers: [.wwwAuthenticate: "Bearer realm=\"vitrine\""],
            message: "this route needs an API key (Authorization: Bearer <key> or X-API-Key)")
        guard let key = services.configuration.apiKey else { throw unauthorized }
        var given = request.headers[HTTPField.Name("X-API-Key")!]
        if given == nil, let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") {
            given = String(authorization.dropFirst(7))
        }
        guard let given else { throw unauthorized }
        // Compare digests so the time taken says nothing about the key.
        let a = Array(SHA256.hash(data: Array(given.utf8)))
        let b = Array(SHA256.hash(data: Array(key.utf8)))
        var difference: UInt8 = 0
        for i in 0..<a.count { difference |= a[i] ^ b[i] }
        guard difference == 0 else { throw unauthorized }
    }
}
