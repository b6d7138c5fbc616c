import Render

/// The sneaker's upper atlas (see ``ShoeUpper``): panels, a side mark, stitching, toe
/// perforations, eyelets and a tongue label, painted once per colourway, and one shared
/// normal map (leather grain, raised overlays, sunken stitches and holes).
struct ShoeTextures {
    /// What a texel belongs to; a palette maps each part to a colour or a height.
    enum Part: CaseIterable {
        case leather, overlay, collar, mark, heelTab, stitch, perforation, eyelet, eyeletHole, tongue, label, print
    }

    private let noise = Noise(seed: 0x7368_6F65)

    // MARK: - Layout

    /// Pixel position of (t, height fraction) on one side's block of a `size` texture.
    static func pixel(_ t: Float, _ hf: Float, _ side: ShoeLast.Side, size: Int) -> SIMD2<Float> {
        let s = Float(size)
        let y = (1 - hf) * 0.4 * s
        return side == .lateral ? SIMD2(t * s, y) : SIMD2((1 - t) * s, 0.4 * s + y)
    }

    /// Where the upper's edge is at `t`, as a height fraction (1 = closed).
    static func edge(_ t: Float) -> Float { ShoeLast.thetaMax(t) / ShoeLast.halfPi }

    /// The part under (t, hf), and how far inside it is (for soft edges), by region tests.
    func part(_ t: Float, _ hf: Float, texel: Float) -> (Part, Float) {
        func inside(_ d: Float) -> Float { Color.smoothstep(-texel, texel, d) }
        var result: (Part, Float) = (.leather, 1)
        let toe = inside(t - (0.78 + 0.08 * hf))
        let heel = inside((0.2 - 0.1 * Float(DMath.pow(Double(max(hf, 0)), 1.3))) - t)
        let overlay = max(toe, heel)
        if overlay > 0 { result = (.overlay, overlay) }
        if t < ShoeLast.throatEnd + 0.04 {
            let e = Self.edge(t)
            let throat = Color.smoothstep(0.33, 0.38, t)
            let band = 0.07 + 0.13 * throat
            let a = inside(hf - (e - band))
            if a > 0 { result = (throat > 0.5 ? .overlay : .collar, a) }
        }
        if t < 0.035 && hf > 0.5 { result = (.heelTab, inside(0.035 - t) * inside(hf - 0.5)) }
        return result
    }

    // MARK: - Paths drawn over the regions

    /// The side mark: a slanted band tapering towards the toe, with a rounded tail.
    static func markPath(_ side: ShoeLast.Side, size: Int) -> Path2D {
        var top: [SIMD2<Float>] = []
        var bottom: [SIMD2<Float>] = []
        for k in 0...24 {
            let s = Float(k) / 24
            let t = 0.66 - 0.39 * s
            let c = 0.13 + 0.13 * s + 0.03 * s * (1 - s)
            let half = 0.014 + 0.045 * s * s
            top.append(pixel(t, c + half, side, size: size))
            bottom.append(pixel(t, c - half * 0.7, side, size: size))
        }
        var path = Path2D()
        path.addPolygon(top + bottom.reversed())
        return path
    }

    /// Stitch dashes along a curve given in (t, hf).
    static func stitches(_ curve: [SIMD2<Float>], _ side: ShoeLast.Side, size: Int) -> Path2D {
        let scale = Float(size) / 1024
        var path = Path2D()
        path.addDashes(
            curve.map { pixel($0.x, $0.y, side, size: size) }, dash: 5 * scale, gap: 3.5 * scale, width: 1.8 * scale)
        return path
    }

    /// All stitch lines of one side.
    static func allStitches(_ side: ShoeLast.Side, size: Int) -> Path2D {
        var path = Path2D()
        let hfs = stride(from: Float(0.07), through: 1.0, by: 0.01).map { $0 }
        path.append(stitches(hfs.map { SIMD2(0.78 + 0.08 * $0 - 0.012, $0) }, side, size: size))
        path.append(
            stitches(
                hfs.filter { $0 < 0.95 }.map { SIMD2(0.2 - 0.1 * Float(DMath.pow(Double($0), 1.3)) + 0.01, $0) }, side,
                size: size))
        let ts = stride(from: Float(0.005), through: ShoeLast.throatEnd + 0.03, by: 0.004).map { $0 }
        path.append(
            stitches(
                ts.map { t in
                    let throat = Color.smoothstep(0.33, 0.38, t)
                    return SIMD2(t, edge(t) - (0.07 + 0.13 * throat) + 0.02)
                }.filter { $0.y > 0.1 }, side, size: size))
        path.append(stitches(stride(from: Float(0.0), through: 1, by: 0.004).map { SIMD2($0, 0.07) }, side, size: size))
        return path
    }

    /// Toe perforations: a staggered grid of small holes.
    static func perforations(_ side: ShoeLast.Side, size: Int) -> Path2D {
        var path = Path2D()
        let r = 2.3 * Float(size) / 1024
        for (row, hf) in stride(from: Float(0.5), through: 0.96, by: 0.075).enumerated() {
            let start: Float = row % 2 == 0 ? 0.835 : 0.8405
            for t in stride(from: start, through: 0.95, by: 0.011) where t > 0.8 + 0.08 * hf {
                path.addCircle(center: pixel(t, hf, side, size: size), radius: r)
            }
        }
        return path
    }

    /// Eyelet rings (`hole` false) or their holes (`hole` true).
    static func eyelets(_ side: ShoeLast.Side, size: Int, hole: Bool) -> Path2D {
        var path = Path2D()
        let scale = Float(size) / 1024
        for t in ShoeLaces.eyeletT {
            let c = pixel(t, ShoeLaces.eyeletTheta(t) / ShoeLast.halfPi, side, size: size)
            path.addCircle(center: c, radius: (hole ? 3.2 : 7) * scale)
        }
        return path
    }

    /// The tongue's woven label and the brand printed on the heel.
    static func labelPath(size: Int) -> Path2D {
        let s = Float(size)
        var path = Path2D()
        path.addRoundedRect(
            origin: SIMD2(0.74 * s, 0.856 * s), size: SIMD2(0.15 * s, 0.088 * s), radius: 0.012 * s)
        return path
    }

    static func printPath(size: Int) -> Path2D {
        let origin = pixel(0.065, 0.28, .lateral, size: size)
        return StrokeFont.path(
            "TRAILHEAD", origin: origin, capHeight: 11 * Float(size) / 1024, weight: 0.14, tracking: 0.3)
    }

    // MARK: - Painting

    /// Paints the atlas with one value per part.
    func paint(size: Int, _ value: (Part) -> SIMD4<Float>) -> Canvas {
        var canvas = Canvas(width: size, height: size)
        let s = Float(size)
        canvas.apply { x, y, _ in
            let fy = (Float(y) + 0.5) / s
            let fx = (Float(x) + 0.5) / s
            if fy >= 0.8 { return value(.tongue) }
            let lateral = fy < 0.4
            let t = lateral ? fx : 1 - fx
            let hf = 1 - (lateral ? fy : fy - 0.4) / 0.4
            let (p, amount) = part(t, hf, texel: 1 / s)
            return Color.mix(value(.leather), value(p), amount)
        }
        for side in [ShoeLast.Side.lateral, .medial] {
            canvas.fill(Self.markPath(side, size: size), color: value(.mark))
            canvas.fill(Self.allStitches(side, size: size), color: value(.stitch))
            canvas.fill(Self.perforations(side, size: size), color: value(.perforation))
            canvas.fill(Self.eyelets(side, size: size, hole: false), color: value(.eyelet))
            canvas.fill(Self.eyelets(side, size: size, hole: true), color: value(.eyeletHole))
        }
        canvas.fill(Self.labelPath(size: size), color: value(.label))
        canvas.fill(Self.printPath(size: size), color: value(.print))
        return canvas
    }

    func baseColor(_ c: ShoeColorway) -> RGBA8Image {
        paint(size: 1024) { part in
            switch part {
            case .leather: return Color.hex(c.leather)
            case .overlay: return Color.hex(c.overlay)
            case .collar: return Color.hex(c.collar)
            case .mark, .heelTab, .label: return Color.hex(c.accent)
            case .stitch: return Color.hex(c.stitch)
            case .perforation, .eyeletHole: return Color.shade(Color.hex(c.lining), 0.35)
            case .eyelet: return Color.hex(0x9A9DA1)
            case .tongue: return Color.hex(c.tongue)
            case .print: return Color.mix(Color.hex(c.overlay), Color.hex(c.accent), 0.8)
            }
        }.image()
    }

    /// The shared normal map: heights per part plus leather grain.
    func normal() -> RGBA8Image {
        let n = 512
        let heights = paint(size: n) { part in
            let h: Float
            switch part {
            case .leather, .tongue: h = 0
            case .overlay, .collar: h = 0.5
            case .mark, .heelTab: h = 0.8
            case .label: h = 0.7
            case .print: h = 0.6
            case .stitch: h = -0.5
            case .perforation, .eyeletHole: h = -1.6
            case .eyelet: h = 1.3
            }
            return SIMD4(h * 0.25 + 0.5, 0, 0, 1)
        }
        return NormalMap.fromHeights(width: n, height: n, strength: 1.2, wrapX: false, wrapY: false) { uv, pixel in
            let grain = noise.fbm(uv.x * 220, uv.y * 220, octaves: 2)
            return (heights.pixels[pixel.y * n + pixel.x].x - 0.5) * 4 + 0.1 * grain
        }
    }

    /// Occlusion in R, roughness relative to the colourway's factor in G, metalness in B
    /// (the eyelets are metal): one texture for glTF's occlusion and metallic-roughness slots.
    func occlusionRoughnessMetal() -> RGBA8Image {
        let n = 512
        var canvas = paint(size: n) { part in
            switch part {
            case .eyelet: return SIMD4(1, 0.6, 1, 1)
            case .perforation, .eyeletHole: return SIMD4(0.35, 1, 0, 1)
            case .stitch: return SIMD4(0.8, 1, 0, 1)
            case .label, .print: return SIMD4(1, 0.85, 0, 1)
            default: return SIMD4(1, 1, 0, 1)
            }
        }
        // Ambient occlusion: darker down by the sole, and where the tongue slides under the
        // eyestays and the vamp.
        canvas.apply { x, y, c in
            let fx = (Float(x) + 0.5) / Float(n)
            let fy = (Float(y) + 0.5) / Float(n)
            var ao: Float = 1
            if fy < 0.8 {
                let hf = 1 - (fy < 0.4 ? fy : fy - 0.4) / 0.4
                ao = 1 - 0.35 * (1 - Color.smoothstep(0, 0.12, hf))
            } else {
                let across = (fy - 0.8) / 0.2
                let edge = min(across, 1 - across)
                ao = (0.55 + 0.45 * Color.smoothstep(0.05, 0.3, edge)) * (0.6 + 0.4 * Color.smoothstep(0.02, 0.25, fx))
            }
            return SIMD4(c.x * ao, c.y, c.z, 1)
        }
        return canvas.image()
    }

    /// Outsole tread: a herringbone of grooves, tiling every 10 cm (UVs are metres x 10).
    func tread() -> RGBA8Image {
        NormalMap.fromHeights(width: 256, height: 256, strength: 1.5, wrapX: true, wrapY: true) { uv, _ in
            let u = uv.x * 16
            let v = uv.y * 16
            let column = Int(u.rounded(.down))
            let slant = column % 2 == 0 ? v + u : v - u
            let phase = slant - slant.rounded(.down)
            let groove = Color.smoothstep(0.1, 0.2, phase) * (1 - Color.smoothstep(0.75, 0.85, phase))
            return groove + 0.08 * noise.fbm(u * 4, v * 4, octaves: 2, period: 64)
        }
    }

    /// Midsole sidewall detail (grey, tinted by each colourway's factor): a fine groove
    /// line and a faint texture on the lower rubber band.
    func sidewall() -> RGBA8Image {
        let w = 1024
        let h = 64
        var canvas = Canvas(width: w, height: h)
        canvas.apply { x, y, _ in
            let v = (Float(y) + 0.5) / Float(h)
            let u = (Float(x) + 0.5) / Float(w)
            let groove = 1 - 0.16 * Color.smoothstep(0.02, 0, abs(v - 0.42))
            let band = v > 0.62 ? 0.96 + 0.02 * noise.fbm(u * 400, v * 20, octaves: 2, period: 400) : 1
            let g = groove * band
            return SIMD4(g, g, g, 1)
        }
        return canvas.image()
    }
}
