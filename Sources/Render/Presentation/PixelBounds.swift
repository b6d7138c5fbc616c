/// An inclusive rectangle of window pixels (possibly the whole image).
struct PixelBounds: Sendable, Equatable {
    var minX: Int
    var minY: Int
    var maxX: Int
    var maxY: Int

    /// Whether the `w` x `h` tile at (`x`, `y`) overlaps the rectangle.
    func intersects(x: Int, y: Int, w: Int, h: Int) -> Bool {
        x <= maxX && x + w - 1 >= minX && y <= maxY && y + h - 1 >= minY
    }

    /// The pixels a world-space polygon (convex, e.g. a floor rectangle) can cover in the
    /// camera's image: the bounds of its projected corners, one pixel larger, or the whole
    /// image when a corner is behind the eye (the projection is then unbounded).
    static func projecting(_ corners: [SIMD3<Float>], camera: FrameCamera) -> PixelBounds {
        let whole = PixelBounds(minX: 0, minY: 0, maxX: camera.width - 1, maxY: camera.height - 1)
        let vp = camera.viewProjection
        var lo = SIMD2<Float>(repeating: .infinity)
        var hi = SIMD2<Float>(repeating: -.infinity)
        for p in corners {
            let c = vp.transformPoint(p)
            guard c.w > 1e-6 else { return whole }
            let x = (c.x / c.w + 1) * Float(camera.width) / 2
            let y = (1 - c.y / c.w) * Float(camera.height) / 2
            lo = pointwiseMin(lo, SIMD2(x, y))
            hi = pointwiseMax(hi, SIMD2(x, y))
        }
        guard lo.x.isFinite, lo.y.isFinite, hi.x.isFinite, hi.y.isFinite else { return whole }
        func clampX(_ v: Float) -> Int { Int(min(max(v, -1), Float(camera.width))) }
        func clampY(_ v: Float) -> Int { Int(min(max(v, -1), Float(camera.height))) }
        return PixelBounds(
            minX: clampX(lo.x.rounded(.down)) - 1, minY: clampY(lo.y.rounded(.down)) - 1,
            maxX: clampX(hi.x.rounded(.up)) + 1, maxY: clampY(hi.y.rounded(.up)) + 1)
    }
}
