import Render

/// The mug body's textures: u around (0.5 = front, +Z), v down from the rim (0) to the foot (1).
///
/// Everything is a function of (u, v) so that the colour, roughness and normal maps agree at
/// any resolution: a cream glaze with iron speckles, dipped (raw toasted clay below a wavy
/// line with a few runs), and a two-line logo screen-printed in the inside's blue.
struct MugTextures {
    static let cream = Color.hex(0xEEE6D6)
    static let blueGlaze = Color.hex(0x2B4A6C)
    static let clay = Color.hex(0xB99675)
    static let ink = Color.hex(0x284566)

    /// Colour texture size.
    static let colorSize = (width: 1024, height: 384)

    private let noise = Noise(seed: 0x6D75_6731)

    // MARK: - Masks in (u, v)

    /// How much glaze covers (u, v): 1 above the dip line, 0 on the raw clay below it.
    func glaze(_ u: Float, _ v: Float, texel: Float) -> Float {
        // The dip line, 20 % up the arc, wobbling a little with a few runs of glaze.
        var edge: Float = 0.80 + 0.012 * noise.fbm(u * 6, 0.5, octaves: 3, period: 6)
        let runs: [(centre: Float, width: Float, length: Float)] = [
            (0.17, 0.006, 0.07), (0.41, 0.004, 0.04), (0.66, 0.007, 0.09), (0.88, 0.005, 0.05),
        ]
        for run in runs {
            var d = abs(u - run.centre)
            d = min(d, 1 - d)
            // A run: narrow, with a rounded bead at its end (a wider ellipse at the tip).
            let stem = max(0, 1 - (d / run.width) * (d / run.width))
            edge += run.length * stem.squareRoot() * (0.85 + 0.15 * stem)
        }
        return 1 - Color.smoothstep(edge - texel, edge + texel, v)
    }

    /// Speckle darkness at (u, v) for a canvas of `width x height` (0 = none).
    func speckle(_ u: Float, _ v: Float, width: Int, height: Int, seed: Int, density: Float) -> Float {
        // Cells ~2.5 mm across; each may hold one speckle. Cells wrap around u.
        let cells = 96
        let cu = u * Float(cells)
        let cv = v * Float(cells) * Float(height) / Float(width)
        let ix = Int(cu.rounded(.down))
        let iy = Int(cv.rounded(.down))
        var dark: Float = 0
        for dy in -1...1 {
            for dx in -1...1 {
                let cx = ((ix + dx) % cells + cells) % cells
                let cy = iy + dy
                guard noise.random(cx * 7 + seed, cy * 13) < density else { continue }
                let px = Float(ix + dx) + noise.random(cx + seed, cy + 991)
                let py = Float(cy) + noise.random(cx + 577 + seed, cy)
                // Mostly fine specks, now and then a larger iron spot.
                let size = noise.random(cx * 3 + seed, cy * 5 + 1)
                let radius = 0.035 + 0.06 * size * size + (size > 0.93 ? 0.07 : 0)
                let ddx = (cu - px)
                let ddy = (cv - py)
                let d = (ddx * ddx + ddy * ddy).squareRoot()
                let texelCells = Float(cells) / Float(width)
                let s = 1 - Color.smoothstep(radius - texelCells, radius + texelCells, d)
                dark = max(dark, s * (0.5 + 0.5 * noise.random(cx + seed, cy * 3)))
            }
        }
        return dark
    }

    /// The logo as a path in a canvas of the given width (the height follows the aspect).
    static func logoPath(canvasWidth: Int) -> Path2D {
        let s = Float(canvasWidth) / Float(colorSize.width)
        var path = Path2D()
        let cx: Float = 512
        let top: Float = 92
        // A round badge: ring, two peaks with a sun between them.
        let r: Float = 46
        let c = SIMD2(cx, top + r)
        path.addCircle(center: c, radius: r)
        path.addCircle(center: c, radius: r - 5, hole: true)
        path.addCircle(center: c + SIMD2(-15, -17), radius: 7)
        path.addPolygon([
            c + SIMD2(-34, 22), c + SIMD2(-12, -4), c + SIMD2(-3, 6), c + SIMD2(14, -20), c + SIMD2(36, 22),
        ])
        path.addStroke([c + SIMD2(-38, 26), c + SIMD2(38, 26)], width: 4)
        // The name under the badge, then a small line.
        let name = "MORNING"
        let capName: Float = 24
        path.append(
            StrokeFont.centred(
                name, centreX: cx, baseline: top + 2 * r + 40, capHeight: capName, weight: 0.15, tracking: 0.16))
        let sub = "COFFEE & CO"
        let capSub: Float = 10
        path.append(
            StrokeFont.centred(
                sub, centreX: cx, baseline: top + 2 * r + 62, capHeight: capSub, weight: 0.13, tracking: 0.5))
        return path.mapped { $0 * s }
    }

    // MARK: - Maps

    func baseColor() -> RGBA8Image {
        let (w, h) = Self.colorSize
        var canvas = Canvas(width: w, height: h)
        canvas.apply { x, y, _ in
            let u = (Float(x) + 0.5) / Float(w)
            let v = (Float(y) + 0.5) / Float(h)
            let g = glaze(u, v, texel: 1.2 / Float(h))
            // Glaze: cream, a soft mottling, thinner (browner) towards the dip line.
            let mottle = noise.fbm(u * 12, v * 4.5, octaves: 4, period: 12)
            var glazeColor = Color.mix(Self.cream, Color.hex(0xE2D5BE), 0.5 + 0.5 * mottle)
            let nearEdge = 1 - glaze(u, v + 0.035, texel: 0.03)
            glazeColor = Color.mix(glazeColor, Color.hex(0xC9AE8A), nearEdge * 0.45)
            let spot = speckle(u, v, width: w, height: h, seed: 17, density: 0.3)
            glazeColor = Color.mix(glazeColor, Color.hex(0x5A4030), spot * 0.85)
            // Clay: toasted, fine grain and dense dark specks.
            let grain = noise.fbm(u * 160, v * 60, octaves: 2, period: 160)
            var clayColor = Color.shade(Self.clay, 1 + 0.06 * grain)
            clayColor = Color.mix(
                clayColor, Color.hex(0x4B3325), speckle(u, v, width: w, height: h, seed: 5, density: 0.6) * 0.8)
            return Color.mix(clayColor, glazeColor, g)
        }
        // Screen print: ink slightly uneven, as printed on a glaze.
        let logo = Self.logoPath(canvasWidth: w)
        canvas.fill(logo) { x, y in
            let n = noise.fbm(Float(x) * 0.35, Float(y) * 0.35, octaves: 2)
            return SIMD4(Self.ink.x, Self.ink.y, Self.ink.z, 0.94 + 0.05 * n)
        }
        return canvas.image()
    }

    /// Roughness in G (metalness 0 in B): glossy glaze, matte clay, satin ink.
    func roughness() -> RGBA8Image {
        let w = Self.colorSize.width / 2
        let h = Self.colorSize.height / 2
        var canvas = Canvas(width: w, height: h)
        canvas.apply { x, y, _ in
            let u = (Float(x) + 0.5) / Float(w)
            let v = (Float(y) + 0.5) / Float(h)
            let g = glaze(u, v, texel: 1.2 / Float(h))
            let r = g * (0.1 + 0.03 * noise.fbm(u * 20, v * 8, octaves: 3, period: 20)) + (1 - g) * 0.82
            return SIMD4(1, r, 0, 1)
        }
        canvas.fill(Self.logoPath(canvasWidth: w), color: SIMD4(1, 0.3, 0, 1))
        return canvas.image()
    }

    /// Normal map: the glaze's thickness step at the dip line, a gentle waviness, clay grain.
    func normal() -> RGBA8Image {
        let w = Self.colorSize.width / 2
        let h = Self.colorSize.height / 2
        return NormalMap.fromHeights(width: w, height: h, strength: 1, wrapX: true, wrapY: false) { uv, _ in
            let g = glaze(uv.x, uv.y, texel: 2 / Float(h))
            let wave = noise.fbm(uv.x * 10, uv.y * 4, octaves: 3, period: 10)
            let grain = noise.fbm(uv.x * 200, uv.y * 75, octaves: 2, period: 200)
            return g * (1.2 + 0.8 * wave) + (1 - g) * 0.35 * grain
        }
    }
}
