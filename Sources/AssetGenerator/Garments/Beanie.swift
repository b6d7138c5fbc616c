import Render

/// A mustard rib-knit beanie with a turned-up cuff, a leather patch and a cream pom-pom,
/// front view, as worn (the eyes sit below the cuff, outside the item).
enum Beanie {
    static let width = 900
    static let height = 740
    static let cx: Float = 450
    static let cuffTop: Float = 430
    static let cuffBottom: Float = 562

    static let spec = GarmentSpec(
        id: "hat-beanie", name: "Mustard rib beanie", category: .hat, width: width, height: height,
        anchors: [("head_top", SIMD2(450, 214)), ("left_eye", SIMD2(537, 690)), ("right_eye", SIMD2(363, 690))],
        offItem: ["left_eye", "right_eye"])

    /// Half-width of the hat at a height (dome above the cuff).
    static func halfWidth(_ y: Float) -> Float {
        if y >= cuffTop { return 262 + 6 * (y - cuffTop) / (cuffBottom - cuffTop) }
        let t = (cuffTop - y) / (cuffTop - 150)
        return 258 * max(0, 1 - t * t * t * t).squareRoot()
    }

    static func outline() -> [SIMD2<Float>] {
        var right: [SIMD2<Float>] = []
        for k in 0...60 {
            let y = 150 + (cuffBottom - 150) * Float(k) / 60
            right.append(SIMD2(cx + halfWidth(y), y))
        }
        right[0] = SIMD2(cx, 150)
        // A slightly curved bottom edge.
        right += GarmentShape.cubic(
            SIMD2(cx + 268, cuffBottom), SIMD2(cx + 180, cuffBottom + 10), SIMD2(cx + 80, cuffBottom + 12),
            SIMD2(cx, cuffBottom + 12), steps: 16
        ).dropFirst()
        return GarmentShape.mirrored(right, cx: cx)
    }

    /// Rib knit: raised wales (columns of V stitches) and sunken purl columns.
    static func knit(_ u: Float, _ v: Float, ribWidth: Float) -> Float {
        let column = u / ribWidth
        let phase = column - column.rounded(.down)
        let wale = Color.smoothstep(0.05, 0.3, phase) * (1 - Color.smoothstep(0.55, 0.8, phase))
        // The V of each stitch: brightness rising towards the wale's middle, repeating down it.
        let across = abs(phase - 0.42) * 2
        let stitch = (v / (ribWidth * 0.75) + across * 0.6)
        let vee = 0.5 + 0.5 * Float(DMath.sin(Double(stitch) * 2 * DMath.pi))
        return 0.72 + 0.2 * wale + 0.08 * wale * vee
    }

    static func image() -> RGBA8Image {
        let mustard = Color.hex(0xD39A2C)
        var canvas = Canvas(width: width, height: height)
        var body = Path2D()
        body.addPolygon(outline())
        canvas.fill(body) { x, y in
            let p = SIMD2(Float(x) + 0.5, Float(y) + 0.5)
            let hw = max(halfWidth(min(p.y, cuffTop - 1)), 1)
            if p.y < cuffTop {
                // Wales converge towards the crown, and the dome is lit from above.
                let u = (p.x - cx) / hw * 260
                let shade = 1 - 0.22 * pow4((p.x - cx) / hw) - 0.1 * Color.smoothstep(300, cuffTop, p.y)
                return Color.shade(mustard, knit(u, p.y, ribWidth: 15) * shade * 1.12)
            }
            let shade = 1 - 0.2 * pow4((p.x - cx) / 268) + 0.06 * (1 - Color.smoothstep(cuffTop, cuffTop + 40, p.y))
            return Color.shade(mustard, knit(p.x - cx, p.y, ribWidth: 17) * shade * 1.1)
        }
        // The cuff's fold casts a soft shadow on the hat above it.
        var fold = Path2D()
        fold.addPolygon([
            SIMD2(cx - 262, cuffTop - 14), SIMD2(cx + 262, cuffTop - 14), SIMD2(cx + 262, cuffTop),
            SIMD2(cx - 262, cuffTop),
        ])
        canvas.fill(fold, color: SIMD4(0, 0, 0, 0.18))
        // Leather patch with a debossed mark.
        var patch = Path2D()
        patch.addRoundedRect(origin: SIMD2(cx - 70, 468), size: SIMD2(140, 56), radius: 6)
        canvas.fill(patch) { _, y in Color.shade(Color.hex(0xA8784C), 1.05 - 0.12 * (Float(y) - 468) / 56) }
        var stitch = Path2D()
        stitch.addDashes(
            [SIMD2(cx - 63, 475), SIMD2(cx + 63, 475), SIMD2(cx + 63, 517), SIMD2(cx - 63, 517), SIMD2(cx - 63, 475)],
            dash: 5, gap: 3, width: 1.6)
        canvas.fill(stitch, color: Color.hex(0xE9DCC4, alpha: 0.8))
        let word = "VITRINE"
        canvas.fill(
            StrokeFont.centred(
                word, centreX: cx, baseline: 505, capHeight: 18, weight: 0.15, tracking: 0.3),
            color: Color.hex(0x6E4A2C))
        drawPompom(&canvas)
        return canvas.image()
    }

    /// A fluffy pom-pom: fibres radiating from the centre, a soft uneven edge.
    static func drawPompom(_ canvas: inout Canvas) {
        let c = SIMD2<Float>(cx, 108)
        let noise = Noise(seed: 0x706F_6D70)
        let cream = Color.hex(0xEFE7D6)
        var disc = Path2D()
        disc.addCircle(center: c, radius: 96)
        canvas.fill(disc) { x, y in
            let d = SIMD2(Float(x) + 0.5, Float(y) + 0.5) - c
            let r = simdLength(d)
            let angle = Float(DMath.atan2(Double(d.y), Double(d.x)))
            // Fibre tips make the edge ragged; inside, fibres show as fine radial streaks.
            let edge = 80 + 12 * noise.fbm(angle * 9, 0.5, octaves: 3)
            let alpha = 1 - Color.smoothstep(edge - 6, edge + 8, r)
            let fibres = noise.fbm(angle * 60, r * 0.05, octaves: 2)
            let lit = 1.05 - 0.25 * Color.smoothstep(-60, 90, d.y + d.x * 0.3)
            var col = Color.shade(cream, (0.9 + 0.1 * fibres) * lit)
            col.w = alpha
            return col
        }
    }

    static func pow4(_ x: Float) -> Float { x * x * x * x }
}
