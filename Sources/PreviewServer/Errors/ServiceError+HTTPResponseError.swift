import Hummingbird
import NIOCore
import Render

/// Maps the service's errors onto HTTP statuses with a JSON body `{"error": {"message": ...}}`.
/// Render and import errors are mapped here, never in `Render`.
enum HTTPErrorMapping {
    /// The HTTP error for any error thrown by a route.
    static func httpError(for error: any Error) -> HTTPError {
        switch error {
        case let error as HTTPError:
            return error
        case is NIOTooManyBytesError:
            return HTTPError(.contentTooLarge, message: "request body too large")
        case let error as ParameterError:
            return HTTPError(.badRequest, message: error.description)
        case let error as CatalogueError:
            switch error {
            case .invalidID: return HTTPError(.badRequest, message: error.description)
            case .notFound: return HTTPError(.notFound, message: error.description)
            case .importFailed: return HTTPError(.internalServerError, message: error.description)
            case .invalidUpload: return HTTPError(.unprocessableContent, message: error.description)
            case .notReplaceable: return HTTPError(.conflict, message: error.description)
            case .storeFailed:
                return HTTPError(.init(code: 507, reasonPhrase: "Insufficient Storage"), message: error.description)
            case .changedWhileLoading:
                return HTTPError(.serviceUnavailable, headers: [.retryAfter: "1"], message: error.description)
            }
        case let error as PoolError:
            return HTTPError(
                .serviceUnavailable, headers: [.retryAfter: String(error.retryAfterSeconds)],
                message: error.description)
        case let error as BackendError:
            switch error {
            case .unknownEnvironment: return HTTPError(.badRequest, message: error.description)
            case .notGLB: return HTTPError(.unprocessableContent, message: error.description)
            case .environmentUnreadable, .foreignAsset:
                return HTTPError(.internalServerError, message: error.description)
            }
        case let error as TryOnError:
            switch error {
            case .photoTooLarge, .keypointsTooLarge: return HTTPError(.contentTooLarge, message: error.description)
            case .unknownItem, .invalidOption: return HTTPError(.badRequest, message: error.description)
            case .invalidItem, .encodeFailed: return HTTPError(.internalServerError, message: error.description)
            default: return HTTPError(.unprocessableContent, message: error.description)
            }
        case let error as PhotoStoreError:
            switch error {
            case .unknown: return HTTPError(.notFound, message: error.description)
            case .malformedID: return HTTPError(.badRequest, message: error.description)
            case .tooLarge: return HTTPError(.contentTooLarge, message: error.description)
            }
        case is CancellationError:
            // The client went away; nobody reads this answer.
            return HTTPError(.init(code: 499, reasonPhrase: "Client Closed Request"))
        default:
            return HTTPError(.internalServerError, message: "render failed: \(error)")
        }
    }
}
