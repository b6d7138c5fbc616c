/// How ``PNGCodec/encode(_:compression:)`` compresses.
///
/// Every setting writes a plain 8-bit RGBA PNG (IHDR, IDAT, IEND, no metadata) that any
/// decoder reads; they differ in speed and size. Figures are in `Benchmarks/encode/README.md`.
public enum PNGCompression: Sendable, Hashable {
    /// For serving frames: libdeflate at level 2 with the "up" filter. On rendered frames at
    /// 1024² about 3-4x faster than libpng at zlib level 1 (its default adaptive filtering),
    /// and about 20% smaller (libdeflate's level 2 beats its level 1 on flat backgrounds).
    case fast
    /// libdeflate at a level from 0 (stored) to 12 (slowest, smallest), with libpng's
    /// adaptive per-row filter choice.
    case level(Int)
    /// Through libpng and zlib at a level from 0 to 9 with libpng's default (adaptive)
    /// filtering: the classic encoder, kept for comparison.
    case libpng(level: Int)
    /// Full control, for benchmarks: engine, level and row filter.
    case tuned(engine: PNGEngine, level: Int, filter: PNGFilter)

    /// The engine, level and filter this setting stands for.
    public var settings: (engine: PNGEngine, level: Int, filter: PNGFilter) {
        switch self {
        case .fast: return (.libdeflate, 2, .up)
        case .level(let level): return (.libdeflate, level, .adaptive)
        case .libpng(let level): return (.libpng, level, .adaptive)
        case .tuned(let engine, let level, let filter): return (engine, level, filter)
        }
    }
}

/// The deflate implementation behind a PNG encode.
public enum PNGEngine: String, Sendable, Hashable, CaseIterable {
    /// libdeflate (whole-buffer, levels 0-12); chunks written by Vitrine.
    case libdeflate
    /// libpng + zlib (streaming, levels 0-9).
    case libpng
}

/// PNG row filters (PNG specification section 9).
public enum PNGFilter: Int32, Sendable, Hashable, CaseIterable {
    /// Raw bytes.
    case none = 0
    /// Difference with the pixel to the left.
    case sub = 1
    /// Difference with the pixel above.
    case up = 2
    /// Difference with the mean of left and above.
    case average = 3
    /// Difference with the Paeth predictor.
    case paeth = 4
    /// Per row, the filter with the smallest sum of absolute values (libpng's heuristic).
    case adaptive = 5
}
