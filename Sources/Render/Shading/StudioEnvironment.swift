import Foundation

/// Vitrine's default light: a photo studio generated in code, deterministic (plain arithmetic,
/// no randomness), so no asset file is needed.
///
/// A dim neutral room (darker floor, lighter ceiling, a soft horizon) with four rectangular
/// softboxes, each a flat emitting panel with soft edges seen through a gnomonic projection:
/// a large key front-left and above the product, a fill front-right, a strip rim light behind,
/// and an overhead panel. The camera's default side is +Z (yaw 0 looks down -Z).
public enum StudioEnvironment {
    /// A rectangular emitting panel.
    struct Softbox {
        /// Unit direction of the panel's centre.
        var center: SIMD3<Double>
        /// Half extents as tangents of the half angles (width along the horizontal axis).
        var halfTan: SIMD2<Double>
        /// Linear radiance.
        var radiance: SIMD3<Double>
    }

    /// The panels (radiances chosen so a white diffuse surface facing the camera reflects about
    /// 0.9, like a unit white light, keeping PBR Neutral's base colours true).
    static let softboxes: [Softbox] = [
        Softbox(center: unit(-0.65, 0.55, 0.55), halfTan: SIMD2(tan(0.38), tan(0.30)), radiance: SIMD3(6.0, 5.9, 5.7)),
        Softbox(center: unit(0.8, 0.25, 0.55), halfTan: SIMD2(tan(0.28), tan(0.36)), radiance: SIMD3(2.2, 2.2, 2.3)),
        Softbox(center: unit(0.35, 0.45, -0.85), halfTan: SIMD2(tan(0.07), tan(0.45)), radiance: SIMD3(7.0, 7.0, 7.0)),
        Softbox(center: unit(0.0, 1.0, 0.05), halfTan: SIMD2(tan(0.40), tan(0.40)), radiance: SIMD3(2.0, 2.0, 2.0)),
    ]

    private static func unit(_ x: Double, _ y: Double, _ z: Double) -> SIMD3<Double> {
        let v = SIMD3(x, y, z)
        return v / (v * v).sum().squareRoot()
    }

    /// The studio as an equirectangular image (default 1024 x 512).
    public static func image(width: Int = 1024, height: Int = 512) -> RGBFloatImage {
        var pixels = [SIMD3<Float>](repeating: .zero, count: width * height)
        for y in 0..<height {
            // Row centre: v = (y + 0.5) / height, theta = v * pi from the zenith.
            let theta = (Double(y) + 0.5) / Double(height) * Double.pi
            for x in 0..<width {
                let phi = ((Double(x) + 0.5) / Double(width) - 0.5) * 2 * Double.pi
                let d = SIMD3(sin(theta) * cos(phi), cos(theta), sin(theta) * sin(phi))
                pixels[y * width + x] = SIMD3<Float>(radiance(d))
            }
        }
        return RGBFloatImage(width: width, height: height, pixels: pixels)
    }

    /// Radiance seen in unit direction `d`.
    static func radiance(_ d: SIMD3<Double>) -> SIMD3<Double> {
        // Room: floor 0.10 rising to 0.22 at the horizon, walls to 0.30, ceiling 0.36.
        let e = d.y
        let room: Double
        if e < 0 {
            room = 0.10 + 0.12 * smoothstep(-0.35, 0, e)
        } else {
            room = 0.22 + 0.08 * smoothstep(0, 0.25, e) + 0.06 * smoothstep(0.4, 1, e)
        }
        var c = SIMD3(repeating: room)
        for box in softboxes {
            let cosAngle = (d * box.center).sum()
            guard cosAngle > 0.05 else { continue }
            // Panel axes: horizontal (perpendicular to up) and the panel's up.
            let up = abs(box.center.y) > 0.99 ? SIMD3<Double>(0, 0, -1) : SIMD3<Double>(0, 1, 0)
            let right = normalized(cross3(up, box.center))
            let panelUp = cross3(box.center, right)
            let px = (d * right).sum() / cosAngle / box.halfTan.x
            let py = (d * panelUp).sum() / cosAngle / box.halfTan.y
            // Soft edges over the outer 12% of each half extent; slightly brighter centre.
            let w = (1 - smoothstep(0.88, 1.0, abs(px))) * (1 - smoothstep(0.88, 1.0, abs(py)))
            guard w > 0 else { continue }
            let falloff = 1 - 0.15 * (px * px + py * py) / 2
            c += box.radiance * (w * falloff)
        }
        return c
    }

    private static func smoothstep(_ a: Double, _ b: Double, _ x: Double) -> Double {
        let t = min(max((x - a) / (b - a), 0), 1)
        return t * t * (3 - 2 * t)
    }

    private static func cross3(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> SIMD3<Double> {
        SIMD3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
    }

    private static func normalized(_ v: SIMD3<Double>) -> SIMD3<Double> { v / (v * v).sum().squareRoot() }
}

extension Environment {
    private static let studioShared = Environment(equirect: StudioEnvironment.image())

    /// The built-in studio (see ``StudioEnvironment``), prepared on first use and cached for the
    /// life of the process.
    public static func studio() -> Environment { studioShared }
}
