/// Soft shading of a garment: creases (darker) and ridges (lighter) along segments, plus
/// the gentle darkening towards a body's sides, as a brightness factor per pixel.
struct FoldField: Sendable {
    /// One fold: a segment, its half-width in pixels and its strength (negative = crease).
    struct Fold: Sendable {
        var from: SIMD2<Float>
        var to: SIMD2<Float>
        var width: Float
        var strength: Float
    }

    var folds: [Fold] = []

    /// Adds a fold.
    mutating func add(_ from: SIMD2<Float>, _ to: SIMD2<Float>, width: Float, strength: Float) {
        folds.append(Fold(from: from, to: to, width: width, strength: strength))
    }

    /// Adds a fold and its mirror image about `cx`.
    mutating func addMirrored(_ from: SIMD2<Float>, _ to: SIMD2<Float>, cx: Float, width: Float, strength: Float) {
        add(from, to, width: width, strength: strength)
        add(SIMD2(2 * cx - from.x, from.y), SIMD2(2 * cx - to.x, to.y), width: width, strength: strength)
    }

    /// Brightness factor at a pixel (1 = unchanged).
    func factor(_ p: SIMD2<Float>) -> Float {
        var f: Float = 1
        for fold in folds {
            let d = fold.to - fold.from
            let l2 = (d * d).sum()
            let s = l2 > 0 ? min(max(((p - fold.from) * d).sum() / l2, 0), 1) : 0
            let q = p - (fold.from + d * s)
            let r2 = (q * q).sum() / (fold.width * fold.width)
            guard r2 < 1 else { continue }
            // A smooth bump across the fold, tapering towards both ends.
            let across = (1 - r2) * (1 - r2)
            let taper = min(1, s * 4) * min(1, (1 - s) * 3)
            f += fold.strength * across * taper
        }
        return f
    }
}

/// Helpers for drawing symmetric garments.
enum GarmentShape {
    /// A closed outline from its right half (image right = the wearer's left), given from
    /// the top centre clockwise down to the bottom centre, mirrored about `cx`.
    static func mirrored(_ rightHalf: [SIMD2<Float>], cx: Float) -> [SIMD2<Float>] {
        let left = rightHalf.reversed().dropFirst().dropLast().map { SIMD2(2 * cx - $0.x, $0.y) }
        return rightHalf + left
    }

    /// A point mirrored about `cx`.
    static func mirror(_ p: SIMD2<Float>, cx: Float) -> SIMD2<Float> { SIMD2(2 * cx - p.x, p.y) }

    /// Integer anchor nearest to `p`.
    static func anchor(_ p: SIMD2<Float>) -> SIMD2<Int> { SIMD2(Int(p.x.rounded()), Int(p.y.rounded())) }

    /// Offsets a polyline sideways by `distance` (positive = to the right of its direction in
    /// image coordinates): hems and stitch lines parallel to an edge.
    static func offset(_ points: [SIMD2<Float>], by distance: Float) -> [SIMD2<Float>] {
        points.indices.map { k in
            let a = points[max(k - 1, 0)]
            let b = points[min(k + 1, points.count - 1)]
            let d = normalize2(b - a)
            return points[k] + SIMD2(-d.y, d.x) * distance
        }
    }

    /// Points of a cubic Bézier (for seams and edges drawn as polylines).
    static func cubic(
        _ p0: SIMD2<Float>, _ c1: SIMD2<Float>, _ c2: SIMD2<Float>, _ p1: SIMD2<Float>, steps: Int = 24
    ) -> [SIMD2<Float>] {
        var path = ProfilePath(start: p0)
        path.cubic(to: p1, c1, c2, segments: steps)
        return path.points
    }
}
