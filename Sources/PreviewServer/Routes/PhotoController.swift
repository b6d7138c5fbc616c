import Foundation
import HTTPTypes
import Hummingbird
import Render

/// `POST /v1/photos`: keeps a shopper's photo in memory (``PhotoStore``) for the JSON form of
/// `POST /v1/tryon`, and `DELETE /v1/photos/{photo}`: forgets it at once.
///
/// The body is the photo itself (`image/png`, `image/jpeg` or `application/octet-stream`) or a
/// `multipart/form-data` form with a `photo` part. Only its header is read here (format and
/// size); it is decoded when a try-on uses it. There is no route that gives a photo back.
struct PhotoController<Context: RequestContext>: Sendable {
    let services: ServiceContext

    func addRoutes(to router: Router<Context>) {
        router.post("/v1/photos") { request, _ in try await upload(request) }
        // The parameter is not called `id`, so the request log never takes it for an asset id.
        router.delete("/v1/photos/:photo") { _, context in
            try services.photos.remove(try context.parameters.require("photo"))
            return Response(status: .noContent, headers: [.cacheControl: "no-store"])
        }
    }

    /// The answer to an upload.
    struct Uploaded: Codable, Sendable, Equatable {
        /// The id to send as `photo` to `POST /v1/tryon`.
        var photo: String
        /// When the photo is forgotten (RFC 3339, UTC).
        var expires: String
        /// Seconds until then.
        var expiresIn: Int
        var width: Int
        var height: Int
        var bytes: Int
    }

    private func upload(_ request: Request) async throws -> Response {
        let store = services.photos
        let contentType = request.headers[.contentType]
        let timeout = Duration.seconds(services.configuration.bodyTimeoutSeconds)
        let photo: [UInt8]
        if let boundary = MultipartForm.boundary(contentType: contentType) {
            // Room for the form's own headers around the photo.
            let body = try await request.collectBody(
                upTo: store.maxPhotoBytes + 64 << 10, within: timeout, what: "photo")
            let form = try MultipartForm(Array(body.readableBytesView), boundary: boundary)
            for part in form.parts where part.name != "photo" {
                throw ParameterError.invalid(
                    name: String(part.name.prefix(64)), value: "", expected: "one part 'photo'")
            }
            guard let part = form.first("photo"), !part.bytes.isEmpty else {
                throw ParameterError.invalid(name: "photo", value: "", expected: "a PNG or JPEG photo part")
            }
            photo = part.bytes
        } else {
            let body = try await request.collectBody(upTo: store.maxPhotoBytes, within: timeout, what: "photo")
            photo = Array(body.readableBytesView)
        }
        guard photo.count <= store.maxPhotoBytes else { throw PhotoStoreError.tooLarge(limit: store.maxPhotoBytes) }
        let info = try Self.probe(photo)
        let receipt = try store.insert(photo)
        let expires = Date().addingTimeInterval(Double(receipt.expiresInSeconds))
        let body = Uploaded(
            photo: receipt.id, expires: expires.formatted(.iso8601), expiresIn: receipt.expiresInSeconds,
            width: info.width, height: info.height, bytes: photo.count)
        return try .json(body, status: .created, headers: [.cacheControl: "no-store"])
    }

    /// The photo's size from its header, within the try-on's pixel limit.
    /// - Throws: `TryOnError.invalidPhoto` (`422`) or `.photoTooLarge` (`413`).
    static func probe(_ photo: [UInt8]) throws -> ImageInfo {
        let info: ImageInfo
        do {
            info = try ImageCodec.probe(photo)
        } catch {
            throw TryOnError.invalidPhoto(reason: "not a PNG or JPEG image (\(error))")
        }
        let maxPixels = TryOnOptions().maxPixels
        guard info.width > 0, info.height > 0, info.width * info.height <= maxPixels else {
            throw TryOnError.photoTooLarge(width: info.width, height: info.height, maxPixels: maxPixels)
        }
        return info
    }
}
