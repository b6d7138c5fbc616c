import Foundation

/// Automatic framing of a product, like model-viewer and the llvmpipe peer: the camera orbits
/// the centre of the bounding box at the distance where the bounding sphere fits the field of
/// view with a 5% margin.
///
/// With `R` half the box diagonal and `yfov` the vertical field of view, the distance is
/// `d = 1.05 R / sin(yfov / 2) / zoom`; the eye sits at
/// `centre + d (cos(pitch) sin(yaw), sin(pitch), cos(pitch) cos(yaw))` looking at the centre
/// with +Y up, and the depth range is `znear = max(d - 1.1 R, d / 1000)`, `zfar = d + 1.1 R`.
/// The numbers are computed in double precision, as the peer does, then rounded to `Float`.
public enum OrbitFraming {
    /// Margin around the bounding sphere.
    public static let margin = 1.05
    /// Pitch is kept within ±89.9° so the view never looks straight along +Y.
    public static let maxPitchDegrees = 89.9

    /// The camera for an orbit around `bounds`.
    /// - Parameters:
    ///   - bounds: the product's world-space bounds.
    ///   - orbit: yaw, pitch, field of view and zoom.
    ///   - width: image width, for the aspect ratio.
    ///   - height: image height.
    public static func camera(bounds: BoundingBox, orbit: OrbitCamera, width: Int, height: Int) -> FrameCamera {
        let lo = SIMD3<Double>(bounds.min)
        let hi = SIMD3<Double>(bounds.max)
        let centre = (lo + hi) * 0.5
        let diagonal = hi - lo
        let radius = max(0.5 * (diagonal * diagonal).sum().squareRoot(), 1e-6)
        let fov = Double(orbit.fovDegrees) * .pi / 180
        let zoom = Double(orbit.zoom)
        let distance = margin * radius / Foundation.sin(fov / 2) / zoom
        let yaw = Double(orbit.yawDegrees) * .pi / 180
        let pitchDegrees = min(max(Double(orbit.pitchDegrees), -maxPitchDegrees), maxPitchDegrees)
        let pitch = pitchDegrees * .pi / 180
        let direction = SIMD3<Double>(
            Foundation.cos(pitch) * Foundation.sin(yaw), Foundation.sin(pitch),
            Foundation.cos(pitch) * Foundation.cos(yaw))
        let eye = centre + distance * direction
        let near = max(distance - 1.1 * radius, 1e-3 * distance)
        let far = distance + 1.1 * radius
        let view = lookAt(eye: eye, target: centre, up: SIMD3(0, 1, 0))
        let aspect = Double(width) / Double(height)
        let projection = perspective(yfov: fov, aspect: aspect, near: near, far: far)
        return FrameCamera(view: view, projection: projection, width: width, height: height)
    }

    /// A right-handed look-at view matrix in double precision (camera looks down -Z).
    static func lookAt(eye: SIMD3<Double>, target: SIMD3<Double>, up: SIMD3<Double>) -> Matrix4 {
        func norm(_ v: SIMD3<Double>) -> SIMD3<Double> { v / (v * v).sum().squareRoot() }
        func cross(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> SIMD3<Double> {
            SIMD3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
        }
        let f = norm(target - eye)
        let s = norm(cross(f, up))
        let u = cross(s, f)
        let rows: [[Double]] = [
            [s.x, s.y, s.z, -(s * eye).sum()],
            [u.x, u.y, u.z, -(u * eye).sum()],
            [-f.x, -f.y, -f.z, (f * eye).sum()],
            [0, 0, 0, 1],
        ]
        return Matrix4(rows: rows)
    }

    /// An OpenGL perspective projection in double precision.
    static func perspective(yfov: Double, aspect: Double, near: Double, far: Double) -> Matrix4 {
        let f = 1 / Foundation.tan(yfov / 2)
        let rows: [[Double]] = [
            [f / aspect, 0, 0, 0],
            [0, f, 0, 0],
            [0, 0, (far + near) / (near - far), 2 * far * near / (near - far)],
            [0, 0, -1, 0],
        ]
        return Matrix4(rows: rows)
    }
}
