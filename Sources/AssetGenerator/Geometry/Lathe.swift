import Render

/// A surface of revolution about +Y: a mug body, a bottle, a lens rim's cross-section.
///
/// The profile is a polyline in the (radius, height) half-plane. A profile that runs upward
/// on the outside (or outward along a floor seen from below) faces outwards. Angle 0 is +Z
/// and angles grow towards +X. Texture u goes once around (the seam at `seamAngle`), v
/// follows the profile's arc length between `vRange`'s ends.
public struct Lathe: Sendable {
    /// One smooth run of the profile; consecutive segments meet at a crease (hard edge).
    public struct Segment: Sendable {
        /// `(radius, height)` points, at least two.
        public var points: [SIMD2<Float>]
        /// v at the first point.
        public var vStart: Float
        /// v at the last point.
        public var vEnd: Float

        /// Creates a segment.
        public init(points: [SIMD2<Float>], v: (start: Float, end: Float) = (0, 1)) {
            self.points = points
            self.vStart = v.start
            self.vEnd = v.end
        }
    }

    /// Number of quads around the axis.
    public var sides: Int
    /// The angle where u = 0 (and u = 1), in radians from +Z towards +X.
    public var seamAngle: Float

    /// Creates a lathe.
    public init(sides: Int, seamAngle: Float = Float(DMath.pi)) {
        self.sides = sides
        self.seamAngle = seamAngle
    }

    /// The mesh of one profile segment, with analytic normals from the profile's slope.
    public func mesh(_ segment: Segment) -> MeshData {
        let pts = segment.points
        precondition(pts.count >= 2, "a lathe segment needs two points")
        // Arc length along the profile for v.
        var arc: [Float] = [0]
        for k in 1..<pts.count { arc.append(arc[k - 1] + simdLength(pts[k] - pts[k - 1])) }
        let total = max(arc[arc.count - 1], 1e-9)
        // Profile normals: perpendicular to the central-difference tangent.
        let normals2D: [SIMD2<Float>] = pts.indices.map { k in
            let prev = pts[max(k - 1, 0)]
            let next = pts[min(k + 1, pts.count - 1)]
            let d = next - prev
            let n = SIMD2(d.y, -d.x)
            let l = simdLength(n)
            return l > 0 ? n / l : SIMD2(1, 0)
        }
        let angles: [(s: Float, c: Float)] = (0...sides).map { i in
            let a = Double(seamAngle) + 2 * DMath.pi * Double(i) / Double(sides)
            return (Float(DMath.sin(a)), Float(DMath.cos(a)))
        }
        let v0 = segment.vStart
        let dv = segment.vEnd - v0
        return MeshData.grid(
            columns: sides, rows: pts.count - 1,
            position: { i, j in SIMD3(pts[j].x * angles[i].s, pts[j].y, pts[j].x * angles[i].c) },
            normal: { i, j in SIMD3(normals2D[j].x * angles[i].s, normals2D[j].y, normals2D[j].x * angles[i].c) },
            uv: { i, j in SIMD2(Float(i) / Float(sides), v0 + dv * arc[j] / total) })
    }

    /// All segments of a profile in one mesh (creases between them).
    public func mesh(_ segments: [Segment]) -> MeshData {
        var out = MeshData()
        for s in segments { out.append(mesh(s)) }
        return out
    }
}

/// Length of a 2D vector.
@inline(__always)
func simdLength(_ v: SIMD2<Float>) -> Float { (v * v).sum().squareRoot() }
