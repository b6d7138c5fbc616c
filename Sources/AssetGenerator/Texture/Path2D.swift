/// A 2D shape in pixel coordinates (x right, y down), as closed polygons ready to fill.
///
/// Curves are flattened when they are added. Filling uses the non-zero winding rule, so
/// shapes added with the same orientation unite (strokes, overlapping circles) and an inner
/// loop added in the opposite orientation cuts a hole (``addPolygon(_:reversed:)``).
public struct Path2D: Sendable {
    /// Closed polygons.
    public private(set) var polygons: [[SIMD2<Float>]] = []
    private var current: [SIMD2<Float>] = []

    /// An empty path.
    public init() {}

    // MARK: - Building by pen moves

    /// Starts a new sub-path at `p` (closing the current one).
    public mutating func move(to p: SIMD2<Float>) {
        close()
        current = [p]
    }

    /// A straight line to `p`.
    public mutating func line(to p: SIMD2<Float>) { current.append(p) }

    /// A quadratic Bézier to `p` with control point `c`.
    public mutating func quad(to p: SIMD2<Float>, control c: SIMD2<Float>) {
        guard let p0 = current.last else { return move(to: p) }
        let n = Self.steps(p0, c, p)
        for k in 1...n {
            let t = Float(k) / Float(n)
            let u = 1 - t
            current.append(p0 * (u * u) + c * (2 * u * t) + p * (t * t))
        }
    }

    /// A cubic Bézier to `p` with control points `c1`, `c2`.
    public mutating func cubic(to p: SIMD2<Float>, _ c1: SIMD2<Float>, _ c2: SIMD2<Float>) {
        guard let p0 = current.last else { return move(to: p) }
        let n = Self.steps(p0, (c1 + c2) / 2, p) + 4
        for k in 1...n {
            let t = Float(k) / Float(n)
            let u = 1 - t
            current.append(p0 * (u * u * u) + c1 * (3 * u * u * t) + c2 * (3 * u * t * t) + p * (t * t * t))
        }
    }

    /// Closes the current sub-path.
    public mutating func close() {
        if current.count >= 3 { polygons.append(current) }
        current = []
    }

    // MARK: - Shapes

    /// Adds a closed polygon; `reversed` flips its orientation (to cut a hole).
    public mutating func addPolygon(_ points: [SIMD2<Float>], reversed: Bool = false) {
        close()
        guard points.count >= 3 else { return }
        polygons.append(reversed ? points.reversed() : points)
    }

    /// Adds an ellipse. Like every shape built here it has a positive signed area in (x, y),
    /// so shapes unite; `hole` reverses it to cut a hole.
    public mutating func addEllipse(center: SIMD2<Float>, radii: SIMD2<Float>, rotation: Float = 0, hole: Bool = false)
    {
        let n = max(12, min(256, Int((radii.max() * 1.5).rounded(.up))))
        let (cr, sr) = (DMath.cos(rotation), DMath.sin(rotation))
        let pts: [SIMD2<Float>] = (0..<n).map { k in
            let a = 2 * DMath.pi * Double(k) / Double(n)
            let l = SIMD2(Float(DMath.cos(a)) * radii.x, Float(DMath.sin(a)) * radii.y)
            return center + SIMD2(l.x * cr - l.y * sr, l.x * sr + l.y * cr)
        }
        addPolygon(pts, reversed: hole)
    }

    /// Adds a circle.
    public mutating func addCircle(center: SIMD2<Float>, radius: Float, hole: Bool = false) {
        addEllipse(center: center, radii: SIMD2(radius, radius), hole: hole)
    }

    /// Adds a rectangle with rounded corners.
    public mutating func addRoundedRect(origin: SIMD2<Float>, size: SIMD2<Float>, radius: Float, hole: Bool = false) {
        let r = max(0, min(radius, size.min() / 2))
        var pts: [SIMD2<Float>] = []
        let corners: [(SIMD2<Float>, Double)] = [
            (origin + SIMD2(size.x - r, r), -DMath.pi / 2), (origin + SIMD2(size.x - r, size.y - r), 0),
            (origin + SIMD2(r, size.y - r), DMath.pi / 2), (origin + SIMD2(r, r), DMath.pi),
        ]
        let n = max(1, Int(r.rounded(.up)))
        for (c, start) in corners {
            for k in 0...n {
                let a = start + DMath.pi / 2 * Double(k) / Double(n)
                pts.append(c + SIMD2(Float(DMath.cos(a)), Float(DMath.sin(a))) * r)
            }
        }
        addPolygon(pts, reversed: hole)
    }

    /// Adds a thick line with round ends from `a` to `b`.
    public mutating func addCapsule(from a: SIMD2<Float>, to b: SIMD2<Float>, radius: Float) {
        let d = b - a
        let l = simdLength(d)
        guard l > 1e-6 else { return addCircle(center: a, radius: radius) }
        let t = d / l
        let angle = DMath.atan2(Double(t.y), Double(t.x))
        let n = max(6, Int((radius * 1.5).rounded(.up)))
        var pts: [SIMD2<Float>] = []
        for (c, start) in [(b, angle - DMath.pi / 2), (a, angle + DMath.pi / 2)] {
            for k in 0...n {
                let ang = start + DMath.pi * Double(k) / Double(n)
                pts.append(c + SIMD2(Float(DMath.cos(ang)), Float(DMath.sin(ang))) * radius)
            }
        }
        addPolygon(pts)
    }

    /// Adds a stroked polyline of the given width, with round joins and caps.
    public mutating func addStroke(_ points: [SIMD2<Float>], width: Float, closed: Bool = false) {
        guard points.count >= 2 else {
            if let p = points.first { addCircle(center: p, radius: width / 2) }
            return
        }
        let count = closed ? points.count : points.count - 1
        for k in 0..<count { addCapsule(from: points[k], to: points[(k + 1) % points.count], radius: width / 2) }
    }

    /// Adds dashes (capsules `width` wide) along a polyline: stitching, perforated lines.
    public mutating func addDashes(_ points: [SIMD2<Float>], dash: Float, gap: Float, width: Float) {
        var carried: Float = 0
        for k in 1..<max(points.count, 1) {
            let a = points[k - 1]
            let b = points[k]
            let l = simdLength(b - a)
            guard l > 0 else { continue }
            var s = carried
            while s < l {
                addCapsule(from: a + (b - a) * (s / l), to: a + (b - a) * (min(s + dash, l) / l), radius: width / 2)
                s += dash + gap
            }
            carried = s - l
        }
    }

    /// Adds every polygon of another path, moved by `offset` and scaled by `scale` about the origin.
    public mutating func append(_ other: Path2D, scale: Float = 1, offset: SIMD2<Float> = .zero) {
        close()
        for poly in other.polygons { polygons.append(poly.map { $0 * scale + offset }) }
    }

    /// The path with every point mapped by `transform`.
    public func mapped(_ transform: (SIMD2<Float>) -> SIMD2<Float>) -> Path2D {
        var out = Path2D()
        for poly in polygons { out.polygons.append(poly.map(transform)) }
        return out
    }

    /// Flattening steps for a curve spanning these points (about one every 2 px).
    private static func steps(_ a: SIMD2<Float>, _ b: SIMD2<Float>, _ c: SIMD2<Float>) -> Int {
        let l = simdLength(b - a) + simdLength(c - b)
        return max(4, min(200, Int((l / 2).rounded(.up))))
    }
}
