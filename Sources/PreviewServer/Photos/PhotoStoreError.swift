/// Why an uploaded photo cannot be stored or found; mapped onto HTTP in `Errors/`.
public enum PhotoStoreError: Error, CustomStringConvertible, Equatable {
    /// No photo has this id, or it expired or was deleted (`404`).
    case unknown(String)
    /// The id is not 32 lower-case hex digits (`400`).
    case malformedID(String)
    /// The photo is larger than one photo may be (`413`).
    case tooLarge(limit: Int)

    public var description: String {
        switch self {
        case .unknown(let id):
            return "no photo '\(id)': it expired, was deleted or never existed; upload it again (POST /v1/photos)"
        case .malformedID(let id):
            return "parameter 'photo' = '\(id.prefix(80))' is invalid: expected a photo id (32 hex digits) "
                + "from POST /v1/photos"
        case .tooLarge(let limit):
            return "photo is over the limit of \(limit) bytes (VITRINE_PHOTO_MAX_MB)"
        }
    }
}
