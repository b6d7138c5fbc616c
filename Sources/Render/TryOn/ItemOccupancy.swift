/// Which parts of an item image have any alpha, for skipping empty mesh cells: a summed-area
/// table over 4x4-texel blocks (a block counts when any of its texels has alpha > 0).
struct ItemOccupancy: Sendable {
    /// Texels per block side.
    static let block = 4
    private let blocksX: Int
    private let blocksY: Int
    /// `(blocksX + 1) * (blocksY + 1)` prefix sums, row-major, first row and column zero.
    private let sums: [Int32]

    /// Builds the table from a straight-alpha image.
    init(_ image: RGBA8Image) {
        let b = Self.block
        let blocksX = (image.width + b - 1) / b
        let blocksY = (image.height + b - 1) / b
        self.blocksX = blocksX
        self.blocksY = blocksY
        var flags = [Int32](repeating: 0, count: blocksX * blocksY)
        image.pixels.withUnsafeBufferPointer { px in
            for y in 0..<image.height {
                let row = y * image.width * 4
                for x in 0..<image.width where px[row + 4 * x + 3] != 0 {
                    flags[(y / b) * blocksX + x / b] = 1
                }
            }
        }
        let stride = blocksX + 1
        var s = [Int32](repeating: 0, count: stride * (blocksY + 1))
        for y in 0..<blocksY {
            var run: Int32 = 0
            for x in 0..<blocksX {
                run += flags[y * blocksX + x]
                s[(y + 1) * stride + x + 1] = s[y * stride + x + 1] + run
            }
        }
        sums = s
    }

    /// Whether any texel in the rectangle (item pixels, continuous, clamped to the image) may
    /// have alpha > 0 (block granularity: may say yes for a transparent corner of a block).
    func anyOpaque(minX: Double, minY: Double, maxX: Double, maxY: Double) -> Bool {
        let b = Double(Self.block)
        let x0 = min(max(Int((minX / b).rounded(.down)), 0), blocksX)
        let y0 = min(max(Int((minY / b).rounded(.down)), 0), blocksY)
        let x1 = min(max(Int((maxX / b).rounded(.up)), 0), blocksX)
        let y1 = min(max(Int((maxY / b).rounded(.up)), 0), blocksY)
        guard x1 > x0, y1 > y0 else { return false }
        let stride = blocksX + 1
        let count = sums[y1 * stride + x1] - sums[y0 * stride + x1] - sums[y1 * stride + x0] + sums[y0 * stride + x0]
        return count > 0
    }
}
