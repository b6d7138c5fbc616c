/// Maps a window position to the point of the floor plane `y = floorY` seen through it: a
/// 3x3 homography, the inverse of the floor-to-window projection, computed once per frame in
/// double precision so that each pixel costs three dot products and a division.
struct FloorProjection: Sendable {
    /// Rows of the window-to-floor homography: `(X w, Z w, w) = H (px, py, 1)`.
    let r0: SIMD3<Float>
    let r1: SIMD3<Float>
    let r2: SIMD3<Float>
    /// Third row of the floor-to-window map: clip w of a floor point `(X, Z, 1)`.
    let clipW: SIMD3<Float>

    /// The projection for a camera, or `nil` when the eye is not above the floor (the floor is
    /// then seen from below and gets no shadow) or the map is singular.
    init?(camera: FrameCamera, floorY: Float) {
        guard camera.eye.y > floorY else { return nil }
        let vp = camera.viewProjection
        let w = Double(camera.width) / 2
        let h = Double(camera.height) / 2
        func col(_ c: SIMD4<Float>) -> SIMD4<Double> { SIMD4<Double>(c) }
        let c0 = col(vp.c0)
        let c2 = col(vp.c2)
        let q = col(vp.c1) * Double(floorY) + col(vp.c3)
        let g: [[Double]] = [
            [(c0.x + c0.w) * w, (c2.x + c2.w) * w, (q.x + q.w) * w],
            [(c0.w - c0.y) * h, (c2.w - c2.y) * h, (q.w - q.y) * h],
            [c0.w, c2.w, q.w],
        ]
        guard let inv = Self.invert(g) else { return nil }
        r0 = SIMD3(Float(inv[0][0]), Float(inv[0][1]), Float(inv[0][2]))
        r1 = SIMD3(Float(inv[1][0]), Float(inv[1][1]), Float(inv[1][2]))
        r2 = SIMD3(Float(inv[2][0]), Float(inv[2][1]), Float(inv[2][2]))
        clipW = SIMD3(Float(c0.w), Float(c2.w), Float(q.w))
    }

    /// The floor point (x, z) seen at window position (`x`, `y`), or `nil` when the ray does
    /// not meet the floor in front of the eye.
    @inline(__always)
    func floorPoint(x: Float, y: Float) -> SIMD2<Float>? {
        let p = SIMD3(x, y, 1)
        let d = (r2 * p).sum()
        guard d != 0 else { return nil }
        let fx = (r0 * p).sum() / d
        let fz = (r1 * p).sum() / d
        guard (clipW * SIMD3(fx, fz, 1)).sum() > 0 else { return nil }
        return SIMD2(fx, fz)
    }

    /// Inverse of a 3x3 matrix (adjugate over determinant), `nil` when singular.
    static func invert(_ m: [[Double]]) -> [[Double]]? {
        let a = m[0][0], b = m[0][1], c = m[0][2]
        let d = m[1][0], e = m[1][1], f = m[1][2]
        let g = m[2][0], h = m[2][1], i = m[2][2]
        let A = e * i - f * h
        let B = -(d * i - f * g)
        let C = d * h - e * g
        let det = a * A + b * B + c * C
        guard det != 0, det.isFinite else { return nil }
        let s = 1 / det
        return [
            [A * s, -(b * i - c * h) * s, (b * f - c * e) * s],
            [B * s, (a * i - c * g) * s, -(a * f - c * d) * s],
            [C * s, -(a * h - b * g) * s, (a * e - b * d) * s],
        ]
    }
}
