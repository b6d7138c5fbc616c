/// Memory a ``Renderer`` keeps from frame to frame: per-worker tile buffers, the transformed
/// vertices and the binners' records. Used by one frame at a time (the frame lease).
final class RendererScratch: @unchecked Sendable {
    /// One per pool thread.
    let workers: [WorkerScratch]
    /// Opaque and blended passes.
    let opaqueBinner = TriangleBinner()
    let blendBinner = TriangleBinner()
    /// Transformed vertices of the current frame.
    private(set) var vertices: UnsafeMutableBufferPointer<ScreenVertex> = .init(start: nil, count: 0)

    init(threads: Int) {
        workers = (0..<threads).map { _ in WorkerScratch(samples: 4) }
    }

    deinit { vertices.deallocate() }

    /// Makes room for `n` vertices; frees a much larger buffer left by an earlier big scene.
    func reserveVertices(_ n: Int) {
        if vertices.count < n || vertices.count > 4 * max(n, 65536) {
            vertices.deallocate()
            vertices = .allocate(capacity: max(n, 1024))
        }
    }
}
