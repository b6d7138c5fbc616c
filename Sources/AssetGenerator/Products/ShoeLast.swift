/// The shape of the sneaker (a right shoe, toe towards +Z, lateral side at -X), as
/// functions of `t` (0 = back of the heel, 1 = tip of the toe) and, for the upper, the angle
/// `theta` from the sole (0) over to the ridge on top (π/2).
///
/// A shoemaker's last in miniature: the footprint, the sole's toe spring and thickness, the
/// ridge line over the instep and the collar/throat opening all come from small tables.
struct ShoeLast {
    static let length: Float = 0.29
    static let halfPi = Float(DMath.pi / 2)
    /// Where the lacing throat ends and the upper closes over the vamp.
    static let throatEnd: Float = 0.65

    /// Sides: lateral (outer, -X) and medial (inner, +X).
    enum Side: Sendable {
        case lateral, medial
        var sign: Float { self == .lateral ? -1 : 1 }
    }

    // MARK: - Tables

    static let tableT: [Float] = [0, 0.08, 0.18, 0.30, 0.42, 0.55, 0.68, 0.78, 0.88, 1]
    static let lateralWidth: [Float] = [0.030, 0.033, 0.035, 0.036, 0.039, 0.047, 0.051, 0.051, 0.048, 0.040]
    static let medialWidth: [Float] = [0.030, 0.033, 0.035, 0.032, 0.032, 0.044, 0.052, 0.052, 0.047, 0.038]
    static let ridgeT: [Float] = [0, 0.15, 0.30, 0.40, 0.50, 0.60, 0.70, 0.80, 0.90, 1]
    static let ridge: [Float] = [0.070, 0.076, 0.082, 0.082, 0.077, 0.069, 0.060, 0.051, 0.040, 0.024]
    static let collarT: [Float] = [0, 0.1, 0.2, 0.3, 0.4]
    static let collar: [Float] = [0.068, 0.061, 0.050, 0.055, 0.074]

    /// Smooth interpolation through a table (Catmull-Rom with clamped ends).
    static func interpolate(_ xs: [Float], _ ys: [Float], _ x: Float) -> Float {
        guard x > xs[0] else { return ys[0] }
        guard x < xs[xs.count - 1] else { return ys[ys.count - 1] }
        var k = 0
        while xs[k + 1] < x { k += 1 }
        let t = (x - xs[k]) / (xs[k + 1] - xs[k])
        let p0 = ys[max(k - 1, 0)]
        let p1 = ys[k]
        let p2 = ys[k + 1]
        let p3 = ys[min(k + 2, ys.count - 1)]
        let t2 = t * t
        let t3 = t2 * t
        return 0.5
            * ((2 * p1) + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2 + (-p0 + 3 * p1 - 3 * p2 + p3) * t3)
    }

    // MARK: - Footprint and sole

    /// z of a point `t` along the shoe.
    static func z(_ t: Float) -> Float { -length / 2 + length * t }

    /// How the outline closes around the heel and the toe (1 in between).
    static func endRounding(_ t: Float) -> Float {
        if t < 0.1 {
            let a = (0.1 - t) / 0.1
            return max(0, 1 - a * a).squareRoot()
        }
        if t > 0.84 {
            let a = (t - 0.84) / 0.16
            return max(0, 1 - a * a).squareRoot()
        }
        return 1
    }

    /// Half-width of the footprint on one side of the centre line.
    static func halfWidth(_ t: Float, _ side: Side) -> Float {
        let table = side == .lateral ? lateralWidth : medialWidth
        return interpolate(tableT, table, t) * endRounding(t)
    }

    /// x of the centre line (the toe turns a little inwards).
    static func centre(_ t: Float) -> Float { 0.004 * Color.smoothstep(0.4, 1, t) }

    /// Height of the sole's underside: toe spring at the front, a rounded heel at the back.
    static func base(_ t: Float) -> Float {
        let toe = Color.smoothstep(0.68, 1, t)
        let heel = 1 - Color.smoothstep(0, 0.1, t)
        return 0.017 * toe * toe + 0.004 * heel * heel
    }

    /// Sole thickness: 31 mm at the heel, 21 mm at the toe.
    static func soleThickness(_ t: Float) -> Float { 0.031 - 0.01 * t }

    /// Height where the upper meets the sole (a little below the sole's top edge).
    static func upperBase(_ t: Float) -> Float { base(t) + soleThickness(t) - 0.004 }

    /// A footprint outline point, pushed out by `offset` metres.
    static func footprint(_ t: Float, _ side: Side, offset: Float = 0) -> SIMD2<Float> {
        SIMD2(centre(t) + side.sign * (halfWidth(t, side) + offset * endRounding(t)), z(t))
    }

    // MARK: - Upper

    /// Height of the ridge over the upper's base.
    static func ridgeHeight(_ t: Float) -> Float { interpolate(ridgeT, ridge, t) }

    /// The largest `theta` the upper reaches at `t`: π/2 where it closes over the top, less
    /// around the collar (the foot's opening) and along the lacing throat.
    static func thetaMax(_ t: Float) -> Float {
        let throat: Float = 1.42
        if t >= throatEnd { return halfPi }
        if t >= throatEnd - 0.04 {
            let a = (t - (throatEnd - 0.04)) / 0.04
            return halfPi - (halfPi - throat) * max(0, 1 - a * a).squareRoot()
        }
        if t >= 0.38 { return throat }
        let e = min(interpolate(collarT, collar, t) / ridgeHeight(t), 1)
        let collarTheta = Float(asinApprox(DMath.pow(Double(e), 1 / 0.9)))
        let blend = Color.smoothstep(0.3, 0.38, t)
        return collarTheta + (throat - collarTheta) * blend
    }

    /// A point of the upper's outer surface (the closed shape, opening ignored).
    static func upper(_ t: Float, _ theta: Float, _ side: Side) -> SIMD3<Float> {
        let h = ridgeHeight(t)
        let c = Double(theta)
        // Sides fairly upright, rounding over to the ridge; a slight bulge at mid height.
        let across: Float =
            theta >= halfPi ? 0 : Float(DMath.pow(max(DMath.cos(c), 0), 0.6)) * (1 + 0.05 * Float(DMath.sin(2 * c)))
        let rise = theta <= 0 ? 0 : Float(DMath.pow(max(DMath.sin(c), 0), 0.9))
        let x = centre(t) + side.sign * halfWidth(t, side) * across
        let y = upperBase(t) + h * rise
        // The heel leans forward as it rises (Achilles curve); the toe's top is set back.
        let heel = 1 - Color.smoothstep(0, 0.15, t)
        let toe = Color.smoothstep(0.8, 1, t)
        let z = z(t) + 0.008 * rise * heel - 0.012 * rise * toe
        return SIMD3(x, y, z)
    }

    /// Arc sine for x in [0, 1], through the generator's deterministic arc tangent.
    static func asinApprox(_ x: Double) -> Double {
        let c = min(max(x, 0), 1)
        return DMath.atan2(c, (1 - c * c).squareRoot())
    }
}
