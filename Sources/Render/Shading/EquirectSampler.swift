import Foundation

/// Bilinear lookups into an equirectangular image (see ``Environment`` for the orientation),
/// used once per environment to build the level-0 cube map. Values are sanitised: non-finite
/// or negative become 0, large ones are clamped to 65504.
struct EquirectSampler: Sendable {
    let width: Int
    let height: Int
    let pixels: [SIMD3<Float>]

    init(_ image: RGBFloatImage) {
        if image.width > 0 && image.height > 0 {
            width = image.width
            height = image.height
            pixels = image.pixels.map { p in
                let c = p.replacing(with: 0, where: .!(p .> 0))
                return c.replacing(with: 65504, where: c .> 65504)
            }
        } else {
            (width, height, pixels) = (1, 1, [.zero])
        }
    }

    /// Bilinear value in direction `d` (unit): wraps horizontally, clamps at the poles.
    func sample(_ d: SIMD3<Float>) -> SIMD3<Float> {
        let u = 0.5 + atan2(Double(d.z), Double(d.x)) / (2 * Double.pi)
        let v = acos(min(max(Double(d.y), -1), 1)) / Double.pi
        let x = u * Double(width) - 0.5
        let y = min(max(v * Double(height) - 0.5, 0), Double(height - 1))
        let xf = x.rounded(.down)
        let yf = y.rounded(.down)
        let fx = Float(x - xf)
        let fy = Float(y - yf)
        var x0 = Int(xf) % width
        if x0 < 0 { x0 += width }
        let x1 = (x0 + 1) % width
        let y0 = Int(yf)
        let y1 = min(y0 + 1, height - 1)
        let a = pixels[y0 * width + x0]
        let b = pixels[y0 * width + x1]
        let c = pixels[y1 * width + x0]
        let e = pixels[y1 * width + x1]
        let top = a + (b - a) * fx
        let bottom = c + (e - c) * fx
        return top + (bottom - top) * fy
    }

    /// Mean of a 2x2 grid of bilinear samples across the cube texel around `d` (a box filter
    /// matching the texel's footprint, so the cube map does not alias where the panorama is
    /// denser than the cube, near the poles).
    func supersampled(_ d: SIMD3<Float>, face: Int, faceSize: Int) -> SIMD3<Float> {
        let (_, st) = CubeMapChain.faceCoordinates(d)
        // Border texels lie outside [0, 1] on their own face; recover their face coordinates
        // from the direction itself on `face`.
        let local = Self.faceCoordinates(d, face: face) ?? st
        let h = 0.25 / Float(faceSize)
        var sum = SIMD3<Float>.zero
        for o in [SIMD2<Float>(-h, -h), SIMD2(h, -h), SIMD2(-h, h), SIMD2(h, h)] {
            sum += sample(normalize(CubeMapChain.direction(face: face, st: local + o)))
        }
        return sum * 0.25
    }

    /// Face coordinates of `d` projected on the plane of `face` (nil when `d` points away).
    static func faceCoordinates(_ d: SIMD3<Float>, face: Int) -> SIMD2<Float>? {
        // Inverse of CubeMapChain.direction: (a, b) with the face's major axis at 1.
        let (ma, a, b): (Float, Float, Float)
        switch face {
        case 0: (ma, a, b) = (d.x, -d.z, -d.y)
        case 1: (ma, a, b) = (-d.x, d.z, -d.y)
        case 2: (ma, a, b) = (d.y, d.x, d.z)
        case 3: (ma, a, b) = (-d.y, d.x, -d.z)
        case 4: (ma, a, b) = (d.z, d.x, -d.y)
        default: (ma, a, b) = (-d.z, -d.x, -d.y)
        }
        guard ma > 0 else { return nil }
        return SIMD2(a / ma * 0.5 + 0.5, b / ma * 0.5 + 0.5)
    }
}
