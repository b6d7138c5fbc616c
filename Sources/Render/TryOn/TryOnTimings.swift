/// Wall time per stage of one try-on request, in seconds (for benchmarks and metrics).
public struct TryOnTimings: Sendable, Equatable {
    /// Options, item lookup, keypoints parsing, photo (and mask) decoding.
    public var decode: Double = 0
    /// Output resize and mask preparation.
    public var resize: Double = 0
    /// Body points, warps and meshes.
    public var fit: Double = 0
    /// Shading transfer (photo luma under each item).
    public var shading: Double = 0
    /// Drop shadows and drawing.
    public var draw: Double = 0
    /// Encoding.
    public var encode: Double = 0

    /// Sum of the stages.
    public var total: Double { decode + resize + fit + shading + draw + encode }

    /// Creates zero timings.
    public init() {}

    /// Measures consecutive laps.
    struct Stopwatch {
        private var last = ContinuousClock.now

        /// Seconds since the previous lap (or creation), and starts the next lap.
        @discardableResult
        mutating func lap() -> Double {
            let now = ContinuousClock.now
            let d = now - last
            last = now
            return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
    }
}
