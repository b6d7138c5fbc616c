/// The camera of one frame, resolved from ``CameraSelection``: view and projection matrices
/// (OpenGL conventions: column vectors, camera looking down -Z, NDC z in [-1, 1]) and the image
/// size.
public struct FrameCamera: Sendable, Equatable {
    /// World to camera.
    public var view: Matrix4
    /// Camera to clip space.
    public var projection: Matrix4
    /// Image width in pixels.
    public var width: Int
    /// Image height in pixels.
    public var height: Int

    /// Creates a camera from matrices.
    public init(view: Matrix4, projection: Matrix4, width: Int, height: Int) {
        self.view = view
        self.projection = projection
        self.width = width
        self.height = height
    }

    /// `projection * view`.
    public var viewProjection: Matrix4 { projection * view }

    /// The eye position in world space (the view matrix's inverse translation), or the origin
    /// when the view matrix is singular.
    public var eye: SIMD3<Float> {
        guard let inv = view.inverse else { return .zero }
        return SIMD3(inv.c3.x, inv.c3.y, inv.c3.z)
    }
}

/// Turns a window position into a world-space ray (for environment backgrounds and the floor
/// under the product), through the inverse of `projection * view`.
struct PixelRays: Sendable {
    /// Inverse of `projection * view`.
    let inverse: Matrix4
    /// Image size.
    let width: Float
    let height: Float

    init?(camera: FrameCamera) {
        guard let inv = camera.viewProjection.inverse else { return nil }
        inverse = inv
        width = Float(camera.width)
        height = Float(camera.height)
    }

    /// The ray through window position (`x`, `y`) (pixels, y down): origin on the near plane
    /// and unit direction.
    @inline(__always)
    func ray(x: Float, y: Float) -> (origin: SIMD3<Float>, direction: SIMD3<Float>) {
        let nx = 2 * x / width - 1
        let ny = 1 - 2 * y / height
        let near = inverse * SIMD4(nx, ny, -1, 1)
        let far = inverse * SIMD4(nx, ny, 1, 1)
        let p0 = SIMD3(near.x, near.y, near.z) / near.w
        let p1 = SIMD3(far.x, far.y, far.z) / far.w
        return (p0, normalize(p1 - p0))
    }
}
