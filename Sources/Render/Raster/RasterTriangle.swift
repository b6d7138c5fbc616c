/// One triangle ready for the tile rasterizer: snapped window vertices wound so that the edge
/// functions are positive inside, its pixel bounds, the top-left rule per edge and a depth
/// plane. 52 bytes.
///
/// Edge `i` runs from vertex `i` to vertex `i + 1`. For an edge `a -> b` and a point `P` (all in
/// 1/256 pixel, y down), `E(P) = A * (P.x - a.x) + B * (P.y - a.y)` with `A = a.y - b.y`,
/// `B = b.x - a.x`; `P` is inside when every `E(P) > 0`, or `E(P) == 0` on a top or left edge.
struct RasterTriangle: Sendable {
    var x0: Int32, y0: Int32
    var x1: Int32, y1: Int32
    var x2: Int32, y2: Int32
    /// Inclusive pixel bounds of the samples the triangle may cover, inside the image.
    var minX: Int16, minY: Int16, maxX: Int16, maxY: Int16
    /// Bit `i`: edge `i` is a top or left edge (samples exactly on it are covered).
    var topLeft: UInt8
    /// ``RasterTriangle/backFace``, ``RasterTriangle/alphaMask``.
    var flags: UInt8
    var reserved: UInt16 = 0
    /// Window depth at vertex 0 and its gradients per pixel in x and y.
    var z0: Float, dzdx: Float, dzdy: Float
    /// The scene triangle this one comes from (a clipped triangle gives several).
    var triangle: UInt32

    /// The back face is visible (the material is double-sided).
    static let backFace: UInt8 = 1
    /// The material is alpha-tested (`MASK`): coverage depends on alpha per sample.
    static let alphaMask: UInt8 = 2
}

/// Turns window-space triangles into ``RasterTriangle`` records: culling, winding, bounds,
/// fill rule and depth plane.
struct TriangleSetup: Sendable {
    /// Image size in pixels.
    let width: Int32
    let height: Int32
    /// Sample offsets range inside a pixel, 1/256 pixel.
    let sampleMinX: Int32, sampleMaxX: Int32
    let sampleMinY: Int32, sampleMaxY: Int32

    init(width: Int, height: Int, pattern: SamplePattern) {
        self.width = Int32(width)
        self.height = Int32(height)
        sampleMinX = pattern.xRange256.lowerBound
        sampleMaxX = pattern.xRange256.upperBound
        sampleMinY = pattern.yRange256.lowerBound
        sampleMaxY = pattern.yRange256.upperBound
    }

    /// Sets up a triangle from snapped window vertices (1/256 pixel, y down) and depths.
    ///
    /// Front faces are counter-clockwise as seen on screen (glTF's rule, in NDC with y up); in
    /// window coordinates (y down) their doubled signed area `(x1-x0)(y2-y0) - (x2-x0)(y1-y0)`
    /// is therefore negative.
    /// - Parameters:
    ///   - doubleSided: keep back faces (flagged ``RasterTriangle/backFace``).
    ///   - flags: extra flags to store (e.g. ``RasterTriangle/alphaMask``).
    /// - Returns: the record, or `nil` when the triangle is culled, degenerate or covers no
    ///   sample position of the image.
    @inline(__always)
    func setup(
        _ a: (Int32, Int32, Float), _ b: (Int32, Int32, Float), _ c: (Int32, Int32, Float),
        triangle: UInt32, doubleSided: Bool, flags: UInt8
    ) -> RasterTriangle? {
        let area = Int64(b.0 - a.0) * Int64(c.1 - a.1) - Int64(c.0 - a.0) * Int64(b.1 - a.1)
        guard area != 0 else { return nil }
        let v0 = a
        var v1 = b
        var v2 = c
        var recordFlags = flags
        if area < 0 {
            // Front face: swap to make the edge functions positive inside.
            v1 = c
            v2 = b
        } else {
            guard doubleSided else { return nil }
            recordFlags |= RasterTriangle.backFace
        }
        // Pixel bounds: pixel p has sample x positions p * 256 + offset, offset in
        // [sampleMinX, sampleMaxX]; keep the pixels where one can fall inside [minX, maxX].
        let minX = min(v0.0, v1.0, v2.0)
        let maxX = max(v0.0, v1.0, v2.0)
        let minY = min(v0.1, v1.1, v2.1)
        let maxY = max(v0.1, v1.1, v2.1)
        let px0 = max(0, Self.ceilDiv256(minX - sampleMaxX))
        let px1 = min(width - 1, (maxX - sampleMinX) >> 8)
        let py0 = max(0, Self.ceilDiv256(minY - sampleMaxY))
        let py1 = min(height - 1, (maxY - sampleMinY) >> 8)
        guard px0 <= px1, py0 <= py1 else { return nil }
        // Top-left rule in window coordinates (y down): a top edge is horizontal with the
        // inside below it (A == 0, B > 0), a left edge has the inside to its right (A > 0).
        var topLeft: UInt8 = 0
        if Self.isTopLeft(v0, v1) { topLeft |= 1 }
        if Self.isTopLeft(v1, v2) { topLeft |= 2 }
        if Self.isTopLeft(v2, v0) { topLeft |= 4 }
        // Depth plane through the snapped vertices, in double precision, per pixel.
        let dx1 = Double(v1.0 - v0.0) / 256
        let dy1 = Double(v1.1 - v0.1) / 256
        let dx2 = Double(v2.0 - v0.0) / 256
        let dy2 = Double(v2.1 - v0.1) / 256
        let dz1 = Double(v1.2) - Double(v0.2)
        let dz2 = Double(v2.2) - Double(v0.2)
        let det = dx1 * dy2 - dx2 * dy1
        let dzdx = (dz1 * dy2 - dz2 * dy1) / det
        let dzdy = (dx1 * dz2 - dx2 * dz1) / det
        return RasterTriangle(
            x0: v0.0, y0: v0.1, x1: v1.0, y1: v1.1, x2: v2.0, y2: v2.1,
            minX: Int16(px0), minY: Int16(py0), maxX: Int16(px1), maxY: Int16(py1),
            topLeft: topLeft, flags: recordFlags, z0: v0.2, dzdx: Float(dzdx), dzdy: Float(dzdy),
            triangle: triangle)
    }

    @inline(__always)
    static func isTopLeft(_ a: (Int32, Int32, Float), _ b: (Int32, Int32, Float)) -> Bool {
        let edgeA = a.1 - b.1
        let edgeB = b.0 - a.0
        return edgeA > 0 || (edgeA == 0 && edgeB > 0)
    }

    /// `ceil(v / 256)` for any sign.
    @inline(__always)
    static func ceilDiv256(_ v: Int32) -> Int32 { (v + 255) >> 8 }
}
