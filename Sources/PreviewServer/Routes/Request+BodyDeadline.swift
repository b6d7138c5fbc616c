import Hummingbird
import NIOCore

extension Request {
    /// The whole body, at most `limit` bytes, arriving within `timeout`.
    ///
    /// The idle timeout closes a connection that sends nothing, but a client that drips a byte
    /// a second keeps it alive: every byte counts as activity. A body must therefore arrive
    /// whole before a deadline (``ServerConfiguration/bodyTimeoutSeconds``).
    /// - Parameters:
    ///   - limit: the most bytes accepted.
    ///   - timeout: how long the whole body may take.
    ///   - what: the body's name in messages ("upload", "try-on body").
    /// - Throws: `413` over the limit, `408` (with `Connection: close`) past the deadline.
    func collectBody(upTo limit: Int, within timeout: Duration, what: String) async throws -> ByteBuffer {
        let body = self.body
        do {
            return try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
                group.addTask { try await body.collect(upTo: limit) }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let buffer = first else {
                    throw HTTPError(
                        .requestTimeout, headers: [.connection: "close"],
                        message: "the \(what) did not arrive within \(timeout.components.seconds) s")
                }
                return buffer
            }
        } catch is NIOTooManyBytesError {
            throw HTTPError(.contentTooLarge, message: "\(what) is over the limit of \(limit) bytes")
        }
    }
}
