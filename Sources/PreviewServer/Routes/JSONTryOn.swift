import Foundation
import Render

/// The `application/json` body of `POST /v1/tryon`: a photo uploaded before with
/// `POST /v1/photos`, named by its id, instead of the photo itself.
///
/// ```json
/// {"photo": "<id>", "keypoints": {"format": "coco17", "keypoints": [...]},
///  "garments": ["tshirt-stripes", "glasses-black"], "format": "png", "quality": 90, "w": 800, "h": 800,
///  "mask": "<id of an uploaded mask>"}
/// ```
///
/// `keypoints` is any layout the multipart form takes (an object or an array, or the same JSON
/// as a string); `garments` is an array of item ids (or one comma-separated string); `format`,
/// `quality`, `w`, `h` are optional, as numbers or strings; `mask` is optional, the id of a
/// second upload. Unknown fields are refused, like the form's.
struct JSONTryOn {
    /// The fields accepted.
    static let fieldNames = ["photo", "keypoints", "garments", "mask"] + TryOnFields.optionNames
    /// Largest body (keypoints and ids only: the photo is not in it).
    static let maxBodyBytes = 1 << 20

    /// The id of the photo.
    var photo: String
    /// The keypoints JSON, as `compose` reads it.
    var keypoints: [UInt8]
    /// The item ids.
    var items: [String]
    /// The id of an uploaded mask, if any.
    var mask: String?
    /// The output options as (name, text) pairs.
    var options: [(String, String)]

    /// Whether `contentType` is JSON (`application/json`, any parameters).
    static func accepts(contentType: String?) -> Bool {
        guard let type = contentType?.split(separator: ";").first else { return false }
        return type.trimmingCharacters(in: .whitespaces).lowercased() == "application/json"
    }

    /// Parses a body.
    /// - Throws: ``ParameterError`` naming the field that is missing or invalid.
    init(_ body: [UInt8]) throws {
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: Data(body))
        } catch {
            throw ParameterError.invalid(name: "body", value: "application/json", expected: "a JSON object")
        }
        guard let object = json as? [String: Any] else {
            throw ParameterError.invalid(name: "body", value: "application/json", expected: "a JSON object")
        }
        for name in object.keys.sorted() where !Self.fieldNames.contains(name) {
            throw ParameterError.invalid(
                name: String(name.prefix(64)), value: "", expected: "fields " + Self.fieldNames.joined(separator: ", "))
        }
        guard let photo = object["photo"] as? String, !photo.isEmpty else {
            throw ParameterError.invalid(name: "photo", value: "", expected: "the id answered by POST /v1/photos")
        }
        self.photo = photo
        self.keypoints = try Self.keypointBytes(object["keypoints"])
        self.items = try Self.itemIDs(object["garments"])
        try TryOnFields.checkItemCount(items, field: "garments")
        if let mask = object["mask"] {
            guard let id = mask as? String else {
                throw ParameterError.invalid(name: "mask", value: "", expected: "the id of an uploaded mask")
            }
            self.mask = id
        }
        self.options = try TryOnFields.optionNames.compactMap { name in
            try object[name].map { (name, try Self.text($0, name: name)) }
        }
    }

    /// The inputs of `compose`, with the photo (and mask) taken from `store`.
    /// - Throws: ``PhotoStoreError`` (unknown or expired id: `404`), ``ParameterError``.
    func resolve(in store: PhotoStore) throws -> (
        photo: [UInt8], keypoints: [UInt8], items: [String], mask: [UInt8]?, options: TryOnOptions
    ) {
        let options = try TryOnFields.options(self.options)
        let photo = try store.photo(self.photo)
        let mask = try self.mask.map { try store.photo($0) }
        return (photo, keypoints, items, mask, options)
    }

    private static func keypointBytes(_ value: Any?) throws -> [UInt8] {
        let expected = "keypoints as a JSON object or array (the layouts of docs/tryon.md)"
        switch value {
        case let text as String where !text.isEmpty:
            return Array(text.utf8)
        case let value? where value is [String: Any] || value is [Any]:
            return Array(try JSONSerialization.data(withJSONObject: value))
        default:
            throw ParameterError.invalid(name: "keypoints", value: "", expected: expected)
        }
    }

    private static func itemIDs(_ value: Any?) throws -> [String] {
        let list: [String]
        switch value {
        case let text as String: list = text.split(separator: ",").map(String.init)
        case let array as [Any]:
            list = try array.map { item in
                guard let id = item as? String else {
                    throw ParameterError.invalid(name: "garments", value: "", expected: "an array of item ids")
                }
                return id
            }
        default:
            throw ParameterError.invalid(name: "garments", value: "", expected: "an array of item ids")
        }
        return list.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// An option as text: a string as it is, a whole number without a fraction.
    private static func text(_ value: Any, name: String) throws -> String {
        if let text = value as? String { return String(text.prefix(64)) }
        if let number = value as? NSNumber, !(value is Bool) {
            let double = number.doubleValue
            if double.isFinite, double == double.rounded(), abs(double) < 1e9 { return String(Int(double)) }
            return number.stringValue
        }
        throw ParameterError.invalid(name: name, value: "", expected: "a number or a string")
    }
}
