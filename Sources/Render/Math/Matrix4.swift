import Foundation

/// A 4x4 single-precision matrix, column-major, for column vectors (`p' = M * p`), as glTF
/// stores it.
///
/// `columns.0` is the first column. glTF's 16-number `matrix` arrays are column-major and load
/// with ``init(columnMajor:)``.
public struct Matrix4: Hashable, Sendable {
    /// The four columns.
    public var c0, c1, c2, c3: SIMD4<Float>

    /// Builds a matrix from four columns.
    @inlinable
    public init(_ c0: SIMD4<Float>, _ c1: SIMD4<Float>, _ c2: SIMD4<Float>, _ c3: SIMD4<Float>) {
        self.c0 = c0
        self.c1 = c1
        self.c2 = c2
        self.c3 = c3
    }

    /// The identity matrix.
    public static let identity = Matrix4(
        SIMD4(1, 0, 0, 0), SIMD4(0, 1, 0, 0), SIMD4(0, 0, 1, 0), SIMD4(0, 0, 0, 1))

    /// Builds a matrix from 16 numbers in column-major order (glTF `node.matrix`).
    /// - Precondition: `values.count == 16`.
    public init(columnMajor values: [Float]) {
        precondition(values.count == 16, "a 4x4 matrix needs 16 values")
        self.init(
            SIMD4(values[0], values[1], values[2], values[3]),
            SIMD4(values[4], values[5], values[6], values[7]),
            SIMD4(values[8], values[9], values[10], values[11]),
            SIMD4(values[12], values[13], values[14], values[15]))
    }

    /// Builds a matrix from rows, `rows[r][c]` (the layout of the reference camera JSON files).
    /// - Precondition: 4 rows of 4 values.
    public init(rows: [[Double]]) {
        precondition(rows.count == 4 && rows.allSatisfy { $0.count == 4 }, "a 4x4 matrix needs 4 rows of 4")
        func col(_ c: Int) -> SIMD4<Float> {
            SIMD4(Float(rows[0][c]), Float(rows[1][c]), Float(rows[2][c]), Float(rows[3][c]))
        }
        self.init(col(0), col(1), col(2), col(3))
    }

    /// Element at row `r`, column `c`.
    @inlinable
    public subscript(r: Int, c: Int) -> Float {
        get {
            switch c {
            case 0: return c0[r]
            case 1: return c1[r]
            case 2: return c2[r]
            default: return c3[r]
            }
        }
        set {
            switch c {
            case 0: c0[r] = newValue
            case 1: c1[r] = newValue
            case 2: c2[r] = newValue
            default: c3[r] = newValue
            }
        }
    }

    /// Matrix product `a * b`.
    @inlinable
    public static func * (a: Matrix4, b: Matrix4) -> Matrix4 {
        Matrix4(a * b.c0, a * b.c1, a * b.c2, a * b.c3)
    }

    /// Transforms a homogeneous vector.
    @inlinable
    public static func * (m: Matrix4, v: SIMD4<Float>) -> SIMD4<Float> {
        // Written as separate multiplies and adds (no FMA contraction in Swift), so the
        // result is the same on every build.
        let x = m.c0 * v.x
        let y = m.c1 * v.y
        let z = m.c2 * v.z
        let w = m.c3 * v.w
        return (x + y) + (z + w)
    }

    /// Transforms a point (w = 1) and returns the homogeneous result.
    @inlinable
    public func transformPoint(_ p: SIMD3<Float>) -> SIMD4<Float> {
        self * SIMD4(p.x, p.y, p.z, 1)
    }

    /// Transforms a point (w = 1), dropping w (affine matrices).
    @inlinable
    public func transformAffinePoint(_ p: SIMD3<Float>) -> SIMD3<Float> {
        let r = transformPoint(p)
        return SIMD3(r.x, r.y, r.z)
    }

    /// Transforms a direction (w = 0).
    @inlinable
    public func transformDirection(_ d: SIMD3<Float>) -> SIMD3<Float> {
        let r = self * SIMD4(d.x, d.y, d.z, 0)
        return SIMD3(r.x, r.y, r.z)
    }

    /// The transpose.
    public var transposed: Matrix4 {
        Matrix4(
            SIMD4(c0.x, c1.x, c2.x, c3.x), SIMD4(c0.y, c1.y, c2.y, c3.y),
            SIMD4(c0.z, c1.z, c2.z, c3.z), SIMD4(c0.w, c1.w, c2.w, c3.w))
    }

    /// Determinant of the upper-left 3x3 block; negative for a mirroring transform.
    public var upperDeterminant: Float {
        let a = SIMD3(c0.x, c0.y, c0.z)
        let b = SIMD3(c1.x, c1.y, c1.z)
        let c = SIMD3(c2.x, c2.y, c2.z)
        return (a * cross(b, c)).sum()
    }

    /// The inverse, computed in double precision by Gauss-Jordan elimination with partial
    /// pivoting, or `nil` when the matrix is singular or not finite.
    public var inverse: Matrix4? {
        var a = [[Double]](repeating: [Double](repeating: 0, count: 8), count: 4)
        for r in 0..<4 {
            for c in 0..<4 { a[r][c] = Double(self[r, c]) }
            a[r][4 + r] = 1
        }
        for col in 0..<4 {
            var pivot = col
            for r in (col + 1)..<4 where abs(a[r][col]) > abs(a[pivot][col]) { pivot = r }
            let p = a[pivot][col]
            guard p != 0, p.isFinite else { return nil }
            a.swapAt(col, pivot)
            for c in 0..<8 { a[col][c] /= p }
            for r in 0..<4 where r != col {
                let f = a[r][col]
                if f != 0 { for c in 0..<8 { a[r][c] -= f * a[col][c] } }
            }
        }
        var out = Matrix4.identity
        for r in 0..<4 {
            for c in 0..<4 {
                let v = Float(a[r][4 + c])
                guard v.isFinite else { return nil }
                out[r, c] = v
            }
        }
        return out
    }

    /// A translation-rotation-scale matrix, `T * R * S`, as glTF composes node transforms.
    /// - Parameters:
    ///   - translation: the translation.
    ///   - rotation: a unit quaternion `(x, y, z, w)`.
    ///   - scale: the scale per axis.
    public static func trs(translation: SIMD3<Float>, rotation: SIMD4<Float>, scale: SIMD3<Float>) -> Matrix4 {
        let (x, y, z, w) = (rotation.x, rotation.y, rotation.z, rotation.w)
        let r0 = SIMD3<Float>(1 - 2 * (y * y + z * z), 2 * (x * y + z * w), 2 * (x * z - y * w))
        let r1 = SIMD3<Float>(2 * (x * y - z * w), 1 - 2 * (x * x + z * z), 2 * (y * z + x * w))
        let r2 = SIMD3<Float>(2 * (x * z + y * w), 2 * (y * z - x * w), 1 - 2 * (x * x + y * y))
        let a = r0 * scale.x
        let b = r1 * scale.y
        let c = r2 * scale.z
        return Matrix4(
            SIMD4(a.x, a.y, a.z, 0), SIMD4(b.x, b.y, b.z, 0), SIMD4(c.x, c.y, c.z, 0),
            SIMD4(translation.x, translation.y, translation.z, 1))
    }

    /// A right-handed view matrix looking from `eye` at `target` (OpenGL convention: the
    /// camera looks down -Z, +Y up).
    public static func lookAt(eye: SIMD3<Float>, target: SIMD3<Float>, up: SIMD3<Float>) -> Matrix4 {
        let f = normalize(target - eye)
        let s = normalize(cross(f, up))
        let u = cross(s, f)
        return Matrix4(
            SIMD4(s.x, u.x, -f.x, 0), SIMD4(s.y, u.y, -f.y, 0), SIMD4(s.z, u.z, -f.z, 0),
            SIMD4(-dot(s, eye), -dot(u, eye), dot(f, eye), 1))
    }

    /// An OpenGL perspective projection (NDC z in [-1, 1]).
    /// - Parameters:
    ///   - yfov: vertical field of view in radians.
    ///   - aspect: width / height.
    ///   - near: distance to the near plane (> 0).
    ///   - far: distance to the far plane (> near).
    public static func perspective(yfov: Float, aspect: Float, near: Float, far: Float) -> Matrix4 {
        let f = 1 / Foundation.tan(yfov / 2)
        return Matrix4(
            SIMD4(f / aspect, 0, 0, 0), SIMD4(0, f, 0, 0),
            SIMD4(0, 0, (far + near) / (near - far), -1),
            SIMD4(0, 0, 2 * far * near / (near - far), 0))
    }
}
