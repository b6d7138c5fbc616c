/// Perspective-correct barycentrics of one scene triangle at any window position, rebuilt at
/// shading time from the triangle id and its clip-space vertices (the visibility buffer keeps
/// only ids).
///
/// With clip positions `c_i = (x_i, y_i, w_i)`, the 2D homogeneous edge functions
/// `f_i(n) = (c_j x c_k) . (n_x, n_y, 1)` (Olano & Greer, "Triangle Scan Conversion using 2D
/// Homogeneous Coordinates", 1997) give `b_i = f_i / (f_0 + f_1 + f_2)` for the NDC point `n`,
/// exact for perspective and valid for vertices behind the eye. Here they are rewritten as
/// affine functions of the window position, `f = A px + B py + C` (one lane per vertex).
struct TriangleInterpolant {
    /// Global vertex indices.
    let i0: Int, i1: Int, i2: Int
    /// Edge function coefficients, lane `i` for vertex `i`.
    let a: SIMD3<Float>
    let b: SIMD3<Float>
    let c: SIMD3<Float>
    /// `det(c_0, c_1, c_2) > 0`: the front (counter-clockwise in NDC) face is visible.
    let frontFacing: Bool

    /// Sets up the interpolant of scene triangle `triangle`.
    /// - Parameters:
    ///   - pixelToNDC: `(2 / W, 2 / H)`.
    @inline(__always)
    init(triangle: Int, indices: UnsafePointer<UInt32>, vertices: UnsafePointer<ScreenVertex>, pixelToNDC: SIMD2<Float>)
    {
        i0 = Int(indices[3 * triangle])
        i1 = Int(indices[3 * triangle + 1])
        i2 = Int(indices[3 * triangle + 2])
        let v0 = vertices[i0].clip
        let v1 = vertices[i1].clip
        let v2 = vertices[i2].clip
        let p0 = SIMD3(v0.x, v0.y, v0.w)
        let p1 = SIMD3(v1.x, v1.y, v1.w)
        let p2 = SIMD3(v2.x, v2.y, v2.w)
        let k0 = cross(p1, p2)
        let k1 = cross(p2, p0)
        let k2 = cross(p0, p1)
        frontFacing = dot(p0, k0) > 0
        // n_x = px * sx - 1, n_y = 1 - py * sy.
        let kx = SIMD3(k0.x, k1.x, k2.x)
        let ky = SIMD3(k0.y, k1.y, k2.y)
        let kz = SIMD3(k0.z, k1.z, k2.z)
        a = kx * pixelToNDC.x
        b = -ky * pixelToNDC.y
        c = kz - kx + ky
    }

    /// Barycentrics at window position (`x`, `y`) in pixels, and their derivatives per pixel
    /// step in x and y.
    @inline(__always)
    func barycentrics(x: Float, y: Float) -> (b: SIMD3<Float>, dx: SIMD3<Float>, dy: SIMD3<Float>) {
        let f = a * x + b * y + c
        let sum = f.sum()
        let inv = sum != 0 ? 1 / sum : 0
        let bary = f * inv
        // d(f / S) = (df * S - f * dS) / S^2 = (df - bary * dS) / S
        let dx = (a - bary * a.sum()) * inv
        let dy = (b - bary * b.sum()) * inv
        return (bary, dx, dy)
    }
}
