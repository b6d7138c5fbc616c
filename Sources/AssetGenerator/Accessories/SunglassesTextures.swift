import Render

/// Textures of the sunglasses: tortoiseshell acetate and a gradient lens tint.
struct SunglassesTextures {
    private let noise = Noise(seed: 0x746F_7274)

    /// Amber acetate with dark brown blotches, tileable.
    func tortoiseshell() -> RGBA8Image {
        let n = 512
        let amber = Color.hex(0xB8772F)
        let honey = Color.hex(0xD9A45A)
        let brown = Color.hex(0x4A2412)
        let dark = Color.hex(0x23100A)
        var canvas = Canvas(width: n, height: n)
        canvas.apply { x, y, _ in
            let u = (Float(x) + 0.5) / Float(n)
            let v = (Float(y) + 0.5) / Float(n)
            // Warp the blotch field so the spots stretch and merge like poured acetate.
            let wx = noise.fbm(u * 3, v * 3, octaves: 3, period: 3)
            let wy = noise.fbm(u * 3 + 5.2, v * 3 + 1.3, octaves: 3, period: 3)
            let f = noise.fbm(u * 6 + wx * 0.8, v * 6 + wy * 0.8, octaves: 4, period: 6)
            let spots = Color.smoothstep(-0.05, 0.25, f)
            let core = Color.smoothstep(0.2, 0.45, f)
            var c = Color.mix(honey, amber, Color.smoothstep(-0.5, 0.0, f))
            c = Color.mix(c, brown, spots)
            c = Color.mix(c, dark, core)
            return c
        }
        return canvas.image()
    }

    /// Green-grey tint, darker at the top (straight alpha: the lens's opacity).
    func lensGradient() -> RGBA8Image {
        let n = 512
        var canvas = Canvas(width: n, height: n)
        canvas.apply { _, y, _ in
            let v = (Float(y) + 0.5) / Float(n)
            let t = Color.smoothstep(0.15, 0.9, v)
            // Category 3 tint: 5 % of the light through at the top, 16 % at the bottom.
            let top = Color.hex(0x1E2620, alpha: 0.95)
            let bottom = Color.hex(0x3E4C42, alpha: 0.84)
            return Color.mix(top, bottom, t)
        }
        return canvas.image()
    }
}
