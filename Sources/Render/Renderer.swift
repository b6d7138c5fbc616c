/// The renderer: turns a ``PreparedScene`` and ``RenderOptions`` into a ``Frame``.
///
/// A renderer owns a persistent pool of `threads` worker threads (created once, the calling
/// thread being one of them) and the scratch memory its frames reuse. It is `Sendable` and
/// `render` may be called from several threads at once: frames take the whole pool **in
/// turn**, first come first served (a ticket lock), so each frame runs at full width and the
/// memory held never grows with the number of callers. A server that wants frames to run side
/// by side instead creates one renderer per worker, each with `threads: 1`.
///
/// Output bytes depend only on the scene and the options, never on `threads` or on timing.
///
/// ```swift
/// let renderer = Renderer(threads: 2)
/// var options = RenderOptions()
/// options.camera = .orbit(OrbitCamera(yawDegrees: 30))
/// let frame = try renderer.render(prepared, options: options)
/// ```
public final class Renderer: Sendable {
    /// Largest width or height accepted.
    public static let maxSide = 4096
    /// Threads used per frame.
    public let threads: Int
    private let pool: WorkerPool
    private let lease = FrameLease()
    private let scratch: RendererScratch

    /// Creates a renderer and starts its worker threads.
    /// - Parameter threads: threads per frame, at least 1 (values below are raised to 1).
    public init(threads: Int) {
        self.threads = max(1, threads)
        pool = WorkerPool(threads: self.threads)
        scratch = RendererScratch(threads: self.threads)
    }

    /// Frames waiting for the pool or rendering.
    public var queueLength: Int { lease.queueLength }

    /// Renders one frame.
    /// - Parameters:
    ///   - scene: the prepared scene.
    ///   - environment: the image-based light (and background, with ``Background/environment``).
    ///   - options: size, samples, camera, variant, shading and presentation.
    /// - Returns: the picture and its timings.
    /// - Throws: ``RenderError`` for options the scene or the renderer cannot satisfy (unknown
    ///   variant, camera or scene index out of range, size or sample count not allowed).
    public func render(_ scene: PreparedScene, environment: Environment, options: RenderOptions) throws -> Frame {
        try Self.validate(options)
        return try lease.withLease {
            try FrameRenderer(scene: scene, environment: environment, options: options, pool: pool, scratch: scratch)
                .render()
        }
    }

    /// Renders one frame under the built-in studio environment (``Environment/studio()``).
    /// - Throws: as ``render(_:environment:options:)``.
    public func render(_ scene: PreparedScene, options: RenderOptions) throws -> Frame {
        try render(scene, environment: .studio(), options: options)
    }

    /// Checks the options that do not depend on the scene.
    static func validate(_ options: RenderOptions) throws {
        guard (1...maxSide).contains(options.width), (1...maxSide).contains(options.height) else {
            throw RenderError.invalidSize(width: options.width, height: options.height, maxSide: maxSide)
        }
        guard SamplePattern.supportedCounts.contains(options.samples) else {
            throw RenderError.unsupportedSampleCount(options.samples, supported: SamplePattern.supportedCounts)
        }
    }
}
