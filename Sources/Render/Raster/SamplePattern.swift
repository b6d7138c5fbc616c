/// Where a pixel's coverage samples sit, in 1/16 pixel from the pixel's top-left corner
/// (image coordinates, y down).
///
/// Every position is a multiple of 1/16 pixel, which is what lets the rasterizer drop four of
/// the eight sub-pixel bits exactly before its 32-bit SIMD edge tests (see ``TileRasterizer``).
/// - 1x: the pixel centre (0.5, 0.5).
/// - 2x: the Direct3D standard pattern (0.75, 0.75), (0.25, 0.25).
/// - 4x: the rotated grid llvmpipe and Direct3D use: (0.375, 0.125), (0.875, 0.375),
///   (0.125, 0.625), (0.625, 0.875).
/// - 8x: the Direct3D standard 8x pattern.
public struct SamplePattern: Sendable, Equatable {
    /// Number of samples per pixel.
    public let count: Int
    /// Sample x offsets in 1/16 pixel, `0..<16`.
    public let x16: [Int32]
    /// Sample y offsets in 1/16 pixel, `0..<16`.
    public let y16: [Int32]

    /// The pattern for a sample count, or `nil` when the count is not 1, 2, 4 or 8.
    public init?(count: Int) {
        switch count {
        case 1: (x16, y16) = ([8], [8])
        case 2: (x16, y16) = ([12, 4], [12, 4])
        case 4: (x16, y16) = ([6, 14, 2, 10], [2, 6, 10, 14])
        case 8: (x16, y16) = ([9, 7, 13, 5, 3, 1, 11, 15], [5, 11, 9, 3, 13, 7, 15, 1])
        default: return nil
        }
        self.count = count
    }

    /// The sample counts the renderer accepts.
    public static let supportedCounts = [1, 2, 4, 8]

    /// Sample `s`'s position inside its pixel, in pixels.
    public func offset(_ s: Int) -> SIMD2<Float> {
        SIMD2(Float(x16[s]), Float(y16[s])) / 16
    }

    /// The offsets as a table the kernels index without bounds checks: `x16` at `0..<count`,
    /// `y16` at `8..<8 + count` (allocated once per sample count, never freed).
    var table: UnsafePointer<Int32> {
        switch count {
        case 1: return Self.table1
        case 2: return Self.table2
        case 4: return Self.table4
        default: return Self.table8
        }
    }

    private static func makeTable(_ count: Int) -> UnsafePointer<Int32> {
        let p = UnsafeMutablePointer<Int32>.allocate(capacity: 16)
        p.initialize(repeating: 0, count: 16)
        let pattern = SamplePattern(count: count)!
        for s in 0..<count {
            p[s] = pattern.x16[s]
            p[8 + s] = pattern.y16[s]
        }
        return UnsafePointer(p)
    }

    private nonisolated(unsafe) static let table1 = makeTable(1)
    private nonisolated(unsafe) static let table2 = makeTable(2)
    private nonisolated(unsafe) static let table4 = makeTable(4)
    private nonisolated(unsafe) static let table8 = makeTable(8)

    /// Smallest and largest sample x offsets, in 1/256 pixel.
    var xRange256: ClosedRange<Int32> { x16.min()! * 16...x16.max()! * 16 }
    /// Smallest and largest sample y offsets, in 1/256 pixel.
    var yRange256: ClosedRange<Int32> { y16.min()! * 16...y16.max()! * 16 }
}
