import Render

/// The chair's textures: a tileable basket-weave upholstery fabric (1.25 cm a tile, near-white
/// so that each colourway's factor tints it) and oiled oak with the grain along v.
struct ChairTextures {
    static let fabricSize = 256
    /// Threads across one tile.
    static let threads = 16

    private let noise = Noise(seed: 0x6368_6169)

    /// Height and brightness of the weave at a pixel: 2x2 basket weave of rounded yarns.
    func weave(_ x: Int, _ y: Int) -> (height: Float, shade: Float) {
        let n = Self.fabricSize
        let t = Float(n) / Float(Self.threads)
        let fx = (Float(x) + 0.5) / t
        let fy = (Float(y) + 0.5) / t
        let i = Int(fx.rounded(.down))
        let j = Int(fy.rounded(.down))
        let lx = fx - Float(i)
        let ly = fy - Float(j)
        let warpOnTop = ((i / 2) + (j / 2)) % 2 == 0
        // Yarn cross-section (round hump) and a dip where it dives under the crossing yarn.
        let across = warpOnTop ? lx : ly
        let along = warpOnTop ? fy : fx
        let hump = max(0, 1 - (2 * across - 1) * (2 * across - 1)).squareRoot()
        let pair = along / 2 - (along / 2).rounded(.down)  // position within the 2-thread float
        let arch = 1 - 0.35 * (2 * pair - 1) * (2 * pair - 1)
        let yarn = warpOnTop ? i : j + 1000
        let u = (Float(x) + 0.5) / Float(n)
        let v = (Float(y) + 0.5) / Float(n)
        // Fibres: fine noise stretched along the yarn.
        let fibre =
            warpOnTop
            ? noise.fbm(u * 128, v * 16, octaves: 2, period: 128) : noise.fbm(u * 16, v * 128, octaves: 2, period: 16)
        let height = hump * arch + 0.08 * fibre
        let shade = 0.9 + 0.05 * (noise.random(yarn, 7) - 0.5) * 2 + 0.05 * fibre + 0.05 * (hump * arch - 0.5)
        return (height, shade)
    }

    func fabricColor() -> RGBA8Image {
        let n = Self.fabricSize
        var canvas = Canvas(width: n, height: n)
        canvas.apply { x, y, _ in
            let s = weave(x, y).shade
            // A heathered yarn: a touch warm in the light fibres.
            return SIMD4(min(s * 1.01, 1), min(s, 1), min(s * 0.98, 1), 1)
        }
        return canvas.image()
    }

    func fabricNormal() -> RGBA8Image {
        let n = Self.fabricSize
        return NormalMap.fromHeights(width: n, height: n, strength: 1.5, wrapX: true, wrapY: true) { _, pixel in
            weave(pixel.x, pixel.y).height
        }
    }

    /// Oak grain: streaks along v with a slow figure, pores as short dark dashes.
    func grain(_ u: Float, _ v: Float) -> Float {
        let warp = noise.fbm(u * 3, v * 1.5, octaves: 3, period: 3)
        let streak = noise.fbm(u * 40 + warp * 2, v * 1.2, octaves: 4, period: 40)
        let rings = 0.5 + 0.5 * Float(DMath.sin(Double((u * 14 + warp * 1.6) * 6.283)))
        return 0.55 * streak + 0.45 * (rings - 0.5)
    }

    func woodColor() -> RGBA8Image {
        let n = 512
        var canvas = Canvas(width: n, height: n)
        let light = Color.hex(0xD2AC80)
        let dark = Color.hex(0x9B7148)
        canvas.apply { x, y, _ in
            let u = (Float(x) + 0.5) / Float(n)
            let v = (Float(y) + 0.5) / Float(n)
            let g = grain(u, v)
            let pores = noise.fbm(u * 180, v * 12, octaves: 2, period: 180)
            var c = Color.mix(light, dark, min(max(0.45 + g * 0.9, 0), 1))
            c = Color.shade(c, 1 - 0.12 * max(0, pores - 0.25))
            return c
        }
        return canvas.image()
    }

    func woodNormal() -> RGBA8Image {
        NormalMap.fromHeights(width: 512, height: 512, strength: 1.5, wrapX: true, wrapY: true) { uv, _ in
            0.6 * grain(uv.x, uv.y) - 0.4 * max(0, noise.fbm(uv.x * 180, uv.y * 12, octaves: 2, period: 180) - 0.25)
        }
    }
}
