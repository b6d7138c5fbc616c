/// Homogeneous (clip-space) clipping of one triangle against the near and far planes and the
/// guard band (Sutherland-Hodgman, Blinn & Newell 1978), before the perspective divide.
///
/// The result is a convex polygon of at most 9 vertices. A new vertex on an edge is always
/// computed from the edge's inside end toward its outside end, so the two triangles that share
/// an edge produce bit-identical clipped vertices and stay watertight.
struct Clipper {
    /// Up to 9 vertices (3 + one per plane).
    var vertices:
        (
            SIMD4<Float>, SIMD4<Float>, SIMD4<Float>, SIMD4<Float>, SIMD4<Float>, SIMD4<Float>,
            SIMD4<Float>, SIMD4<Float>, SIMD4<Float>
        ) = (.zero, .zero, .zero, .zero, .zero, .zero, .zero, .zero, .zero)
    /// Number of valid ``vertices``.
    var count = 0

    /// Smallest w kept: the plane `w = minW` stops divisions by zero for projections without
    /// a near plane in front of the eye.
    static let minW: Float = 1e-7

    /// Clips the triangle `a b c` and leaves the polygon in ``vertices``.
    mutating func clip(_ a: SIMD4<Float>, _ b: SIMD4<Float>, _ c: SIMD4<Float>, guardX: Float, guardY: Float) {
        var poly = [a, b, c]
        poly.reserveCapacity(9)
        var next: [SIMD4<Float>] = []
        next.reserveCapacity(9)
        for plane in 0..<7 {
            next.removeAll(keepingCapacity: true)
            let n = poly.count
            for i in 0..<n {
                let p = poly[i]
                let q = poly[(i + 1) % n]
                let dp = Self.distance(p, plane: plane, guardX: guardX, guardY: guardY)
                let dq = Self.distance(q, plane: plane, guardX: guardX, guardY: guardY)
                if dp >= 0 { next.append(p) }
                if (dp >= 0) != (dq >= 0) {
                    // Interpolate from the inside end toward the outside end (canonical order).
                    let (inside, outside, dIn, dOut) = dp >= 0 ? (p, q, dp, dq) : (q, p, dq, dp)
                    let t = dIn / (dIn - dOut)
                    next.append(inside + (outside - inside) * t)
                }
            }
            swap(&poly, &next)
            if poly.count < 3 { break }
        }
        count = poly.count >= 3 ? poly.count : 0
        withUnsafeMutableBytes(of: &vertices) { raw in
            let out = raw.bindMemory(to: SIMD4<Float>.self)
            for i in 0..<count { out[i] = poly[i] }
        }
    }

    /// Vertex `i` of the clipped polygon.
    func vertex(_ i: Int) -> SIMD4<Float> {
        withUnsafeBytes(of: vertices) { $0.bindMemory(to: SIMD4<Float>.self)[i] }
    }

    /// Signed distance of `v` to a plane of the clipping volume; >= 0 is inside.
    @inline(__always)
    static func distance(_ v: SIMD4<Float>, plane: Int, guardX: Float, guardY: Float) -> Float {
        switch plane {
        case 0: return v.w + v.z  // near
        case 1: return v.w - v.z  // far
        case 2: return v.x + guardX * v.w  // left
        case 3: return guardX * v.w - v.x  // right
        case 4: return guardY * v.w - v.y  // top (NDC y up)
        case 5: return v.y + guardY * v.w  // bottom
        default: return v.w - minW  // in front of the eye
        }
    }
}
