/// A rendered frame: the picture and where the time went.
public struct Frame: Sendable {
    /// The picture, straight (not premultiplied) alpha, sRGB (or raw values in the unlit
    /// reference mode).
    public var image: RGBA8Image
    /// Time per stage.
    public var timings: FrameTimings
    /// Counters of the frame's work.
    public var statistics: FrameStatistics

    /// Creates a frame.
    public init(image: RGBA8Image, timings: FrameTimings, statistics: FrameStatistics = .init()) {
        self.image = image
        self.timings = timings
        self.statistics = statistics
    }
}

/// Milliseconds per stage of a frame (wall clock).
///
/// Rasterization, shading and presentation run tile by tile, interleaved on the worker threads;
/// their wall time is split between ``raster``, ``shade`` and ``present`` in proportion to the
/// thread time each took, so the stages add up to ``total``.
public struct FrameTimings: Sendable, Equatable {
    /// Camera, materials for the variant, vertex transform.
    public var setup: Double = 0
    /// Triangle setup, clipping, culling and binning into tiles.
    public var bin: Double = 0
    /// Coverage, depth test and visibility buffer.
    public var raster: Double = 0
    /// Attribute interpolation, materials, lighting, blending.
    public var shade: Double = 0
    /// Resolve, contact shadow, background, tone mapping and 8-bit encode.
    public var present: Double = 0
    /// The whole frame, waiting for the worker pool excluded.
    public var total: Double = 0

    /// Zero timings.
    public init() {}

    /// A one-line summary, e.g. `setup 0.21 ms, bin 1.30 ms, ...`.
    public var summary: String {
        func f(_ v: Double) -> String {
            let scaled = (v * 100).rounded() / 100
            return "\(scaled)"
        }
        return "setup \(f(setup)) ms, bin \(f(bin)) ms, raster \(f(raster)) ms, shade \(f(shade)) ms, "
            + "present \(f(present)) ms, total \(f(total)) ms"
    }
}

/// What a frame drew.
public struct FrameStatistics: Sendable, Equatable {
    /// Scene triangles submitted.
    public var triangles = 0
    /// Triangle records that survived culling and clipping.
    public var rasterTriangles = 0
    /// Shading evaluations (one per pixel and visible triangle).
    public var shadedSamples = 0

    /// Zero counters.
    public init() {}
}
