/// A 2D polyline built from lines, arcs and cubic curves: lathe profiles, outlines, paths.
public struct ProfilePath: Sendable {
    /// The points so far.
    public private(set) var points: [SIMD2<Float>]

    /// Starts at `start`.
    public init(start: SIMD2<Float>) { points = [start] }

    /// The last point.
    public var end: SIMD2<Float> { points[points.count - 1] }

    /// A straight line to `p` in `segments` steps.
    public mutating func line(to p: SIMD2<Float>, segments: Int = 1) {
        let a = end
        for k in 1...max(segments, 1) { points.append(a + (p - a) * (Float(k) / Float(max(segments, 1)))) }
    }

    /// A circular arc about `center` from the current point's angle to `toDegrees`
    /// (0° = +x, 90° = +y), in `segments` steps. The arc starts where the path is.
    public mutating func arc(center: SIMD2<Float>, toDegrees: Float, segments: Int) {
        let d = end - center
        let radius = simdLength(d)
        let from = DMath.atan2(Double(d.y), Double(d.x))
        let to = Double(toDegrees) * DMath.pi / 180
        // Go the short way unless the caller passed an angle more than half a turn away.
        var delta = to - from
        while delta > DMath.pi * 1.0001 { delta -= 2 * DMath.pi }
        while delta < -DMath.pi * 1.0001 { delta += 2 * DMath.pi }
        for k in 1...max(segments, 1) {
            let a = from + delta * Double(k) / Double(max(segments, 1))
            points.append(center + SIMD2(Float(DMath.cos(a)), Float(DMath.sin(a))) * radius)
        }
    }

    /// A cubic Bézier to `p` with control points `c1`, `c2`, in `segments` steps.
    public mutating func cubic(to p: SIMD2<Float>, _ c1: SIMD2<Float>, _ c2: SIMD2<Float>, segments: Int) {
        let p0 = end
        for k in 1...max(segments, 1) {
            let t = Float(k) / Float(max(segments, 1))
            let u = 1 - t
            points.append(p0 * (u * u * u) + c1 * (3 * u * u * t) + c2 * (3 * u * t * t) + p * (t * t * t))
        }
    }

    /// Total length.
    public var length: Float {
        var l: Float = 0
        for k in 1..<points.count { l += simdLength(points[k] - points[k - 1]) }
        return l
    }
}
