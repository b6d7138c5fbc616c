import Foundation

/// How a 3D accessory sits in front of the photo's camera: the model-to-camera transform and
/// a pinhole camera matching the photo.
///
/// A photo does not say its focal length; the camera assumed has a focal length of
/// `focalFactor` times the photo's longer side (about 45° across it, a phone's portrait
/// lens) and its principal point at the photo's centre. The accessory is placed at the
/// distance where its eye anchors are as far apart as the photo's eyes, turned by the head's
/// roll and yaw, then nudged (a few fixed-point steps on distance, roll and position) until
/// its projected eye anchors are on the photo's eyes to a small fraction of a pixel.
struct AccessoryPlacement {
    /// Model (metres) to camera (OpenGL: x right, y up, looking down -z).
    var view: Matrix4
    /// Focal length in photo pixels.
    var focal: Double
    /// Principal point in photo pixels.
    var centre: SIMD2<Double>
    /// Distance of the eye anchors' midpoint from the camera, metres.
    var depth: Double
    /// Rotation and translation in double precision, for projecting anchors.
    var rotation: (SIMD3<Double>, SIMD3<Double>, SIMD3<Double>)
    var translation: SIMD3<Double>

    /// Focal length in units of the photo's longer side.
    static let focalFactor = 1.2

    init(accessory: Accessory3D, pose: HeadPose, width: Int, height: Int) {
        focal = Self.focalFactor * Double(max(width, height))
        centre = SIMD2(Double(width), Double(height)) / 2
        let leftModel = accessory.anchors[.leftEye] ?? .zero
        let rightModel = accessory.anchors[.rightEye] ?? .zero
        let eyeModel = (leftModel + rightModel) / 2
        var roll = pose.roll
        var depth = focal / pose.pixelsPerMetre
        var aim = pose.eyeCentre
        rotation = (.zero, .zero, .zero)
        translation = .zero
        self.depth = depth
        view = .identity
        for _ in 0..<6 {
            set(roll: roll, yaw: pose.yaw, depth: depth, aim: aim, eyeModel: eyeModel)
            let l = project(leftModel)
            let r = project(rightModel)
            let seen = l - r
            let wanted = pose.leftEye - pose.rightEye
            let ratio = (seen * seen).sum().squareRoot() / max((wanted * wanted).sum().squareRoot(), 1e-9)
            guard ratio.isFinite, ratio > 0 else { break }
            depth *= ratio
            roll += atan2(wanted.y, wanted.x) - atan2(seen.y, seen.x)
            aim += pose.eyeCentre - (l + r) / 2
        }
        set(roll: roll, yaw: pose.yaw, depth: depth, aim: aim, eyeModel: eyeModel)
    }

    /// Sets the transform: rotation `Rz(-roll) Ry(yaw)` (image roll is y-down), the eye anchors'
    /// midpoint on the ray through pixel `aim` at `depth`.
    private mutating func set(roll: Double, yaw: Double, depth: Double, aim: SIMD2<Double>, eyeModel: SIMD3<Double>) {
        self.depth = depth
        let (cr, sr) = (cos(-roll), sin(-roll))
        let (cy, sy) = (cos(yaw), sin(yaw))
        // Rows of Rz * Ry.
        let r0 = SIMD3(cr * cy, -sr, cr * sy)
        let r1 = SIMD3(sr * cy, cr, sr * sy)
        let r2 = SIMD3(-sy, 0, cy)
        rotation = (r0, r1, r2)
        let p = SIMD3((aim.x - centre.x) * depth / focal, -(aim.y - centre.y) * depth / focal, -depth)
        let e = SIMD3((r0 * eyeModel).sum(), (r1 * eyeModel).sum(), (r2 * eyeModel).sum())
        translation = p - e
        view = Matrix4(rows: [
            [r0.x, r0.y, r0.z, translation.x], [r1.x, r1.y, r1.z, translation.y], [r2.x, r2.y, r2.z, translation.z],
            [0, 0, 0, 1],
        ])
    }

    /// A model point in camera space.
    func camera(_ p: SIMD3<Double>) -> SIMD3<Double> {
        SIMD3((rotation.0 * p).sum(), (rotation.1 * p).sum(), (rotation.2 * p).sum()) + translation
    }

    /// A model point in photo pixels (continuous, y down).
    func project(_ p: SIMD3<Double>) -> SIMD2<Double> {
        let c = camera(p)
        let w = max(-c.z, 1e-9)
        return SIMD2(centre.x + focal * c.x / w, centre.y - focal * c.y / w)
    }

    /// The OpenGL projection that shows the photo region `x0..<x0 + w`, `y0..<y0 + h` (pixels)
    /// of this camera across the whole frame.
    func projection(x0: Double, y0: Double, w: Double, h: Double, near: Double, far: Double) -> Matrix4 {
        let a = -(far + near) / (far - near)
        let b = -2 * far * near / (far - near)
        return Matrix4(rows: [
            [2 * focal / w, 0, 1 - 2 * (centre.x - x0) / w, 0],
            [0, 2 * focal / h, 2 * (centre.y - y0) / h - 1, 0],
            [0, 0, a, b],
            [0, 0, -1, 0],
        ])
    }
}

extension Accessory3D {
    /// Renders the accessory for `pose` with the 3D renderer and composites it over the canvas
    /// (straight alpha "over", the occlusion mask keeping the photo in front).
    /// - Parameters:
    ///   - pose: the head.
    ///   - canvas: the photo being composed.
    ///   - mask: optional occlusion plane at canvas size (255 = the photo stays in front).
    ///   - renderer: the 3D renderer.
    ///   - environment: its light.
    ///   - samples: anti-aliasing samples per pixel.
    /// - Throws: `TryOnError.degenerateWarp` if the renderer refuses the frame.
    func draw(
        pose: HeadPose, into canvas: CanvasView, mask: UnsafePointer<UInt8>?, renderer: Renderer,
        environment: Environment, samples: Int = 4
    ) throws {
        let placement = AccessoryPlacement(accessory: self, pose: pose, width: canvas.width, height: canvas.height)
        // The photo region the model can cover: its bounds' corners projected, plus a margin.
        var lo = SIMD2(Double.infinity, .infinity)
        var hi = -lo
        for k in 0..<8 {
            let corner = SIMD3(
                Double(k & 1 == 0 ? bounds.min.x : bounds.max.x), Double(k & 2 == 0 ? bounds.min.y : bounds.max.y),
                Double(k & 4 == 0 ? bounds.min.z : bounds.max.z))
            guard placement.camera(corner).z < -1e-6 else { return }
            let p = placement.project(corner)
            lo = pointwiseMin(lo, p)
            hi = pointwiseMax(hi, p)
        }
        guard lo.x.isFinite, lo.y.isFinite, hi.x.isFinite, hi.y.isFinite else { return }
        // Clamped to the canvas before converting, so that a corner near the camera plane
        // (projected very far away) cannot overflow.
        let size = SIMD2(Double(canvas.width), Double(canvas.height))
        let first = (lo - 2).clamped(lowerBound: .zero, upperBound: size).rounded(.down)
        let last = (hi + 2).clamped(lowerBound: .zero, upperBound: size).rounded(.up)
        let x0 = Int(first.x)
        let y0 = Int(first.y)
        let x1 = Int(last.x)
        let y1 = Int(last.y)
        guard x0 < x1, y0 < y1 else { return }
        let w = x1 - x0
        let h = y1 - y0
        let q = min(1, Double(Renderer.maxSide) / Double(max(w, h)))
        var options = RenderOptions()
        options.width = max(1, Int(Double(w) * q))
        options.height = max(1, Int(Double(h) * q))
        options.samples = samples
        options.shadow = false
        options.background = .transparent
        options.camera = .matrices(
            view: placement.view,
            projection: placement.projection(
                x0: Double(x0), y0: Double(y0), w: Double(w), h: Double(h), near: placement.depth * 0.5,
                far: placement.depth + 1))
        var image: RGBA8Image
        do {
            image = try renderer.render(scene(yaw: pose.yaw), environment: environment, options: options).image
        } catch {
            throw TryOnError.degenerateWarp(item: id, reason: "the 3D renderer refused the frame: \(error)")
        }
        if image.width != w || image.height != h { image = PhotoResampler.resize(image, width: w, height: h) }
        Self.over(image, x0: x0, y0: y0, canvas: canvas, mask: mask)
    }

    /// Straight-alpha `image` over the canvas at `(x0, y0)`, rounded to nearest; where the mask
    /// is set the photo stays in front.
    static func over(_ image: RGBA8Image, x0: Int, y0: Int, canvas: CanvasView, mask: UnsafePointer<UInt8>?) {
        image.pixels.withUnsafeBufferPointer { src in
            for y in 0..<image.height {
                let row = canvas.pixels + (y0 + y) * canvas.width + x0
                let maskRow = mask.map { $0 + (y0 + y) * canvas.width + x0 }
                for x in 0..<image.width {
                    let s = 4 * (y * image.width + x)
                    var a = UInt32(src[s + 3])
                    if let maskRow { a = (a * (255 - UInt32(maskRow[x])) + 127) / 255 }
                    guard a > 0 else { continue }
                    let d = row[x]
                    var out: UInt32 = 0
                    for c in 0..<3 {
                        let sc = UInt32(src[s + c])
                        let dc = (d >> (8 * UInt32(c))) & 0xFF
                        out |= ((sc * a + dc * (255 - a) + 127) / 255) << (8 * UInt32(c))
                    }
                    let da = d >> 24
                    out |= (a + (da * (255 - a) + 127) / 255) << 24
                    row[x] = out
                }
            }
        }
    }
}
