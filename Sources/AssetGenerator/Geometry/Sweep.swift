import Render

/// A tube: a closed cross-section moved along a path (a mug handle, a lace, a frame rim).
///
/// The cross-section is a counter-clockwise loop in the path's (normal, binormal) plane.
/// Texture u runs around the cross-section, v along the path (`vPerMetre` a metre).
public struct Sweep: Sendable {
    /// How the cross-section is oriented along the path.
    public enum Frame: Sendable {
        /// Parallel transport from an initial normal direction (projected off the tangent).
        case transported(initialNormal: SIMD3<Float>)
        /// A fixed binormal (planar paths: the plane's normal), normal = binormal x tangent.
        case fixedBinormal(SIMD3<Float>)
    }

    /// Path points (at least two).
    public var path: [SIMD3<Float>]
    /// Whether the path is a loop (the last point connects to the first).
    public var closed: Bool
    /// The cross-section loop (at least three points), not repeated at the end.
    public var section: [SIMD2<Float>]
    /// Per path point scale of the cross-section (empty: 1 everywhere).
    public var scales: [SIMD2<Float>]
    /// Frame construction.
    public var frame: Frame
    /// Texture v per metre along the path.
    public var vPerMetre: Float
    /// Whether to close open ends with flat caps.
    public var capEnds: Bool

    /// Creates a sweep.
    public init(
        path: [SIMD3<Float>], closed: Bool = false, section: [SIMD2<Float>], scales: [SIMD2<Float>] = [],
        frame: Frame, vPerMetre: Float = 10, capEnds: Bool = false
    ) {
        self.path = path
        self.closed = closed
        self.section = section
        self.scales = scales
        self.frame = frame
        self.vPerMetre = vPerMetre
        self.capEnds = capEnds
    }

    /// The tube's mesh, normals averaged over the (welded) seam.
    public func mesh() -> MeshData {
        precondition(path.count >= 2 && section.count >= 3, "a sweep needs a path and a section")
        let count = path.count
        let tangents: [SIMD3<Float>] = (0..<count).map { k in
            let prev = closed ? path[(k + count - 1) % count] : path[max(k - 1, 0)]
            let next = closed ? path[(k + 1) % count] : path[min(k + 1, count - 1)]
            return normalize(next - prev)
        }
        var normals: [SIMD3<Float>] = []
        switch frame {
        case .fixedBinormal(let b):
            normals = tangents.map { normalize(cross(b, $0)) }
        case .transported(let initial):
            var n = normalize(initial - tangents[0] * dot(initial, tangents[0]))
            for t in tangents {
                n = normalize(n - t * dot(n, t))
                normals.append(n)
            }
        }
        let rings = closed ? count + 1 : count
        var arc: [Float] = [0]
        for k in 1..<rings { arc.append(arc[k - 1] + length(path[k % count] - path[(k - 1) % count])) }
        var perimeter: [Float] = [0]
        for i in 1...section.count {
            perimeter.append(perimeter[i - 1] + simdLength(section[i % section.count] - section[i - 1]))
        }
        let sides = section.count
        func point(_ i: Int, _ j: Int) -> SIMD3<Float> {
            let k = j % count
            let s = scales.isEmpty ? SIMD2<Float>(1, 1) : scales[k]
            let c = section[i % sides] * s
            let b = cross(tangents[k], normals[k])
            return path[k] + normals[k] * c.x + b * c.y
        }
        var mesh = MeshData.grid(
            columns: sides, rows: rings - 1,
            position: point,
            uv: { i, j in SIMD2(perimeter[i] / perimeter[sides], arc[j] * vPerMetre) })
        if capEnds && !closed {
            mesh.append(cap(ring: (0..<sides).map { point($0, 0) }, facing: -tangents[0]))
            mesh.append(cap(ring: (0..<sides).map { point($0, count - 1) }, facing: tangents[count - 1]))
        }
        return mesh
    }

    /// A flat fan over a ring, facing `direction`.
    private func cap(ring: [SIMD3<Float>], facing direction: SIMD3<Float>) -> MeshData {
        var mesh = MeshData()
        let centre = ring.reduce(SIMD3<Float>.zero, +) / Float(ring.count)
        let c = mesh.addVertex(centre, normal: direction, uv: SIMD2(0.5, 0.5))
        for p in ring { mesh.addVertex(p, normal: direction, uv: SIMD2(0.5, 0.5)) }
        for i in 0..<UInt32(ring.count) {
            let a = c + 1 + i
            let b = c + 1 + (i + 1) % UInt32(ring.count)
            let n = cross(mesh.positions[Int(a)] - centre, mesh.positions[Int(b)] - centre)
            if dot(n, direction) >= 0 { mesh.addTriangle(c, a, b) } else { mesh.addTriangle(c, b, a) }
        }
        return mesh
    }
}
