import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Render

/// `POST /v1/tryon`: a shopper's photo with garments put on it (`TryOnRenderer.compose`), and
/// `GET /v1/garments`: the items it may name.
///
/// The body is either `multipart/form-data` with the parts `photo` (PNG or JPEG), `keypoints`
/// (JSON), one or more `garment` (item ids; a part may also hold a comma-separated list), and
/// optional `mask`, `format` (`jpeg`|`png`), `quality` (1...100), `w`, `h` (largest output
/// size); or `application/json` naming a photo uploaded with `POST /v1/photos`
/// (``JSONTryOn``). The photo is decoded in memory on a worker and never cached, written or
/// logged; the answer is `Cache-Control: no-store`. `package` (with ``read(_:)``) for the
/// multipart fuzz harness.
///
/// At most `workers + queueLimit` posts are read or wait for a worker at once (the most the
/// pool could take); one more is answered `503` with `Retry-After` before its body is read.
package struct TryOnController<Context: RequestContext>: Sendable {
    let services: ServiceContext
    /// Posts being read, waiting or composing.
    let admission: AdmissionGate

    init(services: ServiceContext) {
        self.services = services
        admission = AdmissionGate(limit: services.configuration.workers + services.configuration.queueLimit)
    }

    /// Most bytes of one `garment` part (8 item ids and their commas are far less). Split
    /// before this check, a 64 MiB part of commas became 32 million strings: GBs of memory for
    /// one request (finding 4 in RELIABILITY.md).
    static var maxGarmentBytes: Int { 1024 }

    /// Field names accepted in the form.
    static var fieldNames: [String] { ["photo", "keypoints", "garment", "mask", "format", "quality", "w", "h"] }

    func addRoutes(to router: Router<Context>) {
        router.post("/v1/tryon") { request, context in try await tryOn(request, context) }
        router.get("/v1/garments") { _, _ in try garments() }
    }

    /// One item of `GET /v1/garments`.
    struct Garment: Codable, Sendable, Equatable {
        var id: String
        var category: String
        /// `image` (a flat garment picture) or `model` (a 3D accessory).
        var kind: String
        var layer: Int
        /// The photo keypoints the item needs (COCO-17 names); the others are estimated.
        var keypoints: [String]
    }

    /// The body of `GET /v1/garments`.
    struct GarmentList: Codable, Sendable {
        var garments: [Garment]
    }

    /// The try-on items, sorted by id (an empty list when try-on is not set up).
    private func garments() throws -> Response {
        let catalogue = services.tryOn?.catalogue
        let list = (catalogue?.ids ?? []).compactMap { id -> Garment? in
            if let item = catalogue?.items[id] {
                return Garment(
                    id: id, category: item.category.rawValue, kind: "image", layer: item.layer,
                    keypoints: Self.photoKeypoints(item.category))
            }
            if let accessory = catalogue?.accessories[id] {
                return Garment(
                    id: id, category: accessory.category.rawValue, kind: "model", layer: accessory.layer,
                    keypoints: Self.photoKeypoints(accessory.category))
            }
            return nil
        }
        return try .json(GarmentList(garments: list), headers: [.cacheControl: "public, max-age=60"])
    }

    /// The photo keypoints an item of `category` cannot do without: the shoulders and hips
    /// place clothes, the eyes place glasses and hats (the top of the head is estimated).
    static func photoKeypoints(_ category: ItemCategory) -> [String] {
        category.requiredAnchors.filter { $0 != .headTop }.map(\.rawValue)
    }

    private func tryOn(_ request: Request, _ context: Context) async throws -> Response {
        guard let renderer = services.tryOn else {
            throw HTTPError(.notFound, message: "try-on is not set up: no garments folder (<assets>/garments)")
        }
        guard admission.tryEnter() else {
            services.metrics.poolRejected()
            throw PoolError.overloaded(retryAfterSeconds: services.configuration.retryAfterSeconds)
        }
        defer { admission.leave() }
        let contentType = request.headers[.contentType]
        let timeout = Duration.seconds(services.configuration.bodyTimeoutSeconds)
        let (photo, keypoints, items, mask, options): ([UInt8], [UInt8], [String], [UInt8]?, TryOnOptions)
        if let boundary = MultipartForm.boundary(contentType: contentType) {
            let body = try await request.collectBody(
                upTo: services.configuration.maxUploadBytes, within: timeout, what: "try-on body")
            (photo, keypoints, items, mask, options) = try Self.read(
                MultipartForm(Array(body.readableBytesView), boundary: boundary))
        } else if JSONTryOn.accepts(contentType: contentType) {
            let body = try await request.collectBody(upTo: JSONTryOn.maxBodyBytes, within: timeout, what: "try-on body")
            (photo, keypoints, items, mask, options) = try JSONTryOn(Array(body.readableBytesView))
                .resolve(in: services.photos)
        } else {
            throw HTTPError(
                .unsupportedMediaType,
                message: "send the photo as multipart/form-data, or application/json naming a photo id "
                    + "from POST /v1/photos")
        }
        let result = try await services.pool.run(priority: request.priority(default: .interactive)) {
            try renderer.compose(photo: photo, keypoints: keypoints, items: items, mask: mask, options: options)
        }
        var headers: HTTPFields = [.cacheControl: "no-store"]
        if !result.warnings.isEmpty {
            // Keypoint names and reasons only: never photo content.
            headers[HTTPField.Name("X-Vitrine-Warnings")!] = String(
                result.warnings.joined(separator: " | ").unicodeScalars.filter { $0.isASCII && $0.value >= 0x20 }
                    .prefix(1024).map(Character.init))
        }
        let type = result.format == .png ? "image/png" : "image/jpeg"
        return .bytes(result.encoded, contentType: type, headers: headers)
    }

    /// The inputs of `compose` from the form.
    /// - Throws: ``ParameterError`` naming the field.
    package static func read(_ form: MultipartForm) throws -> (
        photo: [UInt8], keypoints: [UInt8], items: [String], mask: [UInt8]?, options: TryOnOptions
    ) {
        for part in form.parts where !fieldNames.contains(part.name) {
            throw ParameterError.invalid(
                name: String(part.name.prefix(64)), value: "", expected: "fields " + fieldNames.joined(separator: ", "))
        }
        guard let photo = form.first("photo"), !photo.bytes.isEmpty else {
            throw ParameterError.invalid(name: "photo", value: "", expected: "a PNG or JPEG photo part")
        }
        guard let keypoints = form.first("keypoints"), !keypoints.bytes.isEmpty else {
            throw ParameterError.invalid(name: "keypoints", value: "", expected: "a keypoints JSON part")
        }
        for part in form.all("garment") where part.bytes.count > maxGarmentBytes {
            throw ParameterError.invalid(
                name: "garment", value: "\(part.bytes.count) bytes",
                expected: "at most \(maxGarmentBytes) bytes of comma-separated item ids")
        }
        let items = form.all("garment").flatMap { String(decoding: $0.bytes, as: UTF8.self).split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        try TryOnFields.checkItemCount(items, field: "garment")
        var fields: [(String, String)] = []
        for name in TryOnFields.optionNames {
            if let part = form.first(name) {
                fields.append((name, String(decoding: part.bytes.prefix(64), as: UTF8.self)))
            }
        }
        let mask = form.first("mask").map(\.bytes).flatMap { $0.isEmpty ? nil : $0 }
        return (photo.bytes, keypoints.bytes, items, mask, try TryOnFields.options(fields))
    }
}
