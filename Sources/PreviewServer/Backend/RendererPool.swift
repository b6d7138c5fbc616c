import NIOConcurrencyHelpers
import Render

/// Renderers lent to the workers, one per concurrent render: a `Renderer` runs one frame at a
/// time over its own threads, so workers that render side by side each need their own.
/// Renderers are made on first need and kept (at most the number of workers ever exist).
final class RendererPool: Sendable {
    /// Threads of each renderer.
    let threads: Int
    private let idle = NIOLockedValueBox<[Renderer]>([])

    /// Creates an empty pool of renderers of `threads` threads.
    init(threads: Int) {
        self.threads = threads
    }

    /// Runs `body` with a renderer nobody else is using.
    /// - Throws: what `body` throws.
    func withRenderer<T>(_ body: (Renderer) throws -> T) throws -> T {
        let renderer = idle.withLockedValue { $0.popLast() } ?? Renderer(threads: threads)
        defer { idle.withLockedValue { $0.append(renderer) } }
        return try body(renderer)
    }
}
