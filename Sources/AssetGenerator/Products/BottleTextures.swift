import Render

/// The bottle's textures: u around (0.5 = front), v down the coated body (0 = neck).
struct BottleTextures {
    static let sage = Color.hex(0x8DA594)
    static let ink = Color.hex(0xF6F5F0)
    static let size = 1024

    private let noise = Noise(seed: 0x626F_7474)

    /// The print: a peak-and-sun mark over a spaced wordmark, and the volume near the base.
    /// Drawn for a canvas `size` pixels wide (1024 is the reference).
    static func printPath(size: Int) -> Path2D {
        var path = Path2D()
        let cx: Float = 512
        // The body spans about 0.232 m around and 0.23 m down: ~0.22 mm a pixel at 1024.
        let markY: Float = 470
        path.addPolygon([
            SIMD2(cx - 30, markY), SIMD2(cx - 9, markY - 26), SIMD2(cx + 1, markY - 14), SIMD2(cx + 11, markY - 30),
            SIMD2(cx + 34, markY),
        ])
        path.addCircle(center: SIMD2(cx - 17, markY - 31), radius: 6)
        let word = "TRAILHEAD"
        let cap: Float = 40
        path.append(
            StrokeFont.centred(
                word, centreX: cx, baseline: markY + 64, capHeight: cap, weight: 0.14, tracking: 0.3))
        let line = "INSULATED STEEL"
        let cap2: Float = 11
        path.append(
            StrokeFont.centred(
                line, centreX: cx, baseline: markY + 92, capHeight: cap2, weight: 0.12, tracking: 0.55)
        )
        let volume = "750 ML"
        path.append(
            StrokeFont.centred(
                volume, centreX: cx, baseline: 930, capHeight: cap2, weight: 0.12, tracking: 0.4))
        let s = Float(size) / 1024
        return path.mapped { $0 * s }
    }

    func baseColor() -> RGBA8Image {
        let n = Self.size
        var canvas = Canvas(width: n, height: n)
        canvas.apply { x, y, _ in
            // Powder coat is very even; a faint shading variation keeps it from looking flat.
            let u = (Float(x) + 0.5) / Float(n)
            let v = (Float(y) + 0.5) / Float(n)
            return Color.shade(Self.sage, 1 + 0.015 * noise.fbm(u * 8, v * 8, octaves: 2, period: 8))
        }
        canvas.fill(Self.printPath(size: n), color: Self.ink)
        return canvas.image()
    }

    /// Orange-peel texture of powder coat: a 256-texel tile repeated 4 x 4 over the body.
    func normal() -> RGBA8Image {
        NormalMap.fromHeights(width: 256, height: 256, strength: 1, wrapX: true, wrapY: true) { uv, _ in
            0.25 * noise.fbm(uv.x * 32, uv.y * 32, octaves: 2, period: 32)
        }
    }

    /// Brushed steel: fine streaks running around the base.
    func brushed() -> RGBA8Image {
        NormalMap.fromHeights(width: 512, height: 128, strength: 0.8, wrapX: true, wrapY: false) { uv, _ in
            noise.fbm(uv.x * 4, uv.y * 160, octaves: 3, period: 4)
        }
    }
}
