/// A run of consecutive scene triangles drawn with the same raster state, in draw order.
///
/// A frame's opaque pass is one range per opaque or masked primitive; its blended pass is one
/// range per blended triangle, sorted back to front.
struct DrawRange: Sendable {
    /// First scene triangle.
    var first: UInt32
    /// Number of triangles.
    var count: UInt32
    /// Back faces are drawn (and flagged) instead of culled.
    var doubleSided: Bool
    /// Flags copied into every record (``RasterTriangle/alphaMask``).
    var flags: UInt8

    init(first: UInt32, count: UInt32, doubleSided: Bool, flags: UInt8 = 0) {
        self.first = first
        self.count = count
        self.doubleSided = doubleSided
        self.flags = flags
    }
}
