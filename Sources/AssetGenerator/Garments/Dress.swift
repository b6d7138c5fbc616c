import Render

/// A navy polka-dot tank dress, front view: wide straps, a V neck, a fitted bodice, a thin
/// self-fabric belt and a gathered A-line skirt to the knees.
enum Dress {
    static let width = 900
    static let height = 1000
    static let cx: Float = 450
    static let waistY: Float = 400

    /// Right half, from the back neck centre clockwise to the hem centre.
    static let rightHalf: [SIMD2<Float>] = {
        var p = GarmentShape.cubic(SIMD2(450, 62), SIMD2(480, 62), SIMD2(505, 56), SIMD2(518, 52), steps: 10)
        p += GarmentShape.cubic(SIMD2(518, 52), SIMD2(545, 58), SIMD2(570, 66), SIMD2(590, 76), steps: 8).dropFirst()
        // The armhole scoops in to the underarm.
        p += GarmentShape.cubic(SIMD2(590, 76), SIMD2(578, 150), SIMD2(584, 220), SIMD2(624, 246), steps: 20)
            .dropFirst()
        p += GarmentShape.cubic(SIMD2(624, 246), SIMD2(618, 310), SIMD2(602, 360), SIMD2(600, 400), steps: 16)
            .dropFirst()
        p += GarmentShape.cubic(SIMD2(600, 400), SIMD2(640, 560), SIMD2(700, 760), SIMD2(748, 930), steps: 30)
            .dropFirst()
        p += GarmentShape.cubic(SIMD2(748, 930), SIMD2(660, 948), SIMD2(540, 952), SIMD2(450, 952), steps: 24)
            .dropFirst()
        return p
    }()

    static let spec = GarmentSpec(
        id: "dress-polka", name: "Navy polka-dot tank dress", category: .dress, width: width, height: height,
        anchors: [
            ("neck", SIMD2(450, 96)), ("left_shoulder", SIMD2(570, 84)), ("right_shoulder", SIMD2(330, 84)),
            ("left_hip", SIMD2(622, 520)), ("right_hip", SIMD2(278, 520)), ("left_knee", SIMD2(572, 918)),
            ("right_knee", SIMD2(328, 918)),
        ])

    /// The V neck: from the neck side down to the centre.
    static let neckline: [SIMD2<Float>] = GarmentShape.cubic(
        SIMD2(518, 52), SIMD2(512, 110), SIMD2(478, 190), SIMD2(450, 236), steps: 20)

    static func fabric(_ p: SIMD2<Float>) -> SIMD4<Float> {
        let navy = Color.hex(0x1C2848)
        let dot = Color.hex(0xF3EFE4)
        // Dots on a staggered grid; the skirt's grid fans out with the flare.
        var q = p - SIMD2(cx, 0)
        if p.y > waistY {
            let flare = 1 + (p.y - waistY) / 530 * 0.9
            q.x /= flare
        }
        let spacing: Float = 46
        let row = (q.y / spacing).rounded(.down)
        let shift: Float = Int(row) % 2 == 0 ? 0 : spacing / 2
        let gx = ((q.x + shift) / spacing).rounded() * spacing - shift
        let gy = (row + 0.5) * spacing
        var d = q - SIMD2(gx, gy)
        if p.y > waistY { d.x *= 1 + (p.y - waistY) / 530 * 0.9 }
        let r = simdLength(d)
        return Color.mix(navy, dot, 1 - Color.smoothstep(6.5, 8, r))
    }

    static let folds: FoldField = {
        var f = FoldField()
        // Gathers: soft pleats fanning from the waist to the hem.
        for (k, x) in stride(from: Float(470), through: 590, by: 30).enumerated() {
            let spread = (x - cx) * 1.9 + cx
            f.addMirrored(SIMD2(x, 415), SIMD2(spread, 935), cx: cx, width: 26 + Float(k) * 3, strength: -0.12)
            f.addMirrored(SIMD2(x + 15, 420), SIMD2((x + 15 - cx) * 1.9 + cx, 935), cx: cx, width: 18, strength: 0.06)
        }
        f.addMirrored(SIMD2(600, 260), SIMD2(540, 330), cx: cx, width: 22, strength: -0.06)
        return f
    }()

    static func image() -> RGBA8Image {
        var canvas = Canvas(width: width, height: height)
        var silhouette = Path2D()
        silhouette.addPolygon(GarmentShape.mirrored(rightHalf, cx: cx))
        canvas.fill(silhouette) { x, y in fabric(SIMD2(Float(x) + 0.5, Float(y) + 0.5)) }
        // The back's inside, seen through the V.
        let back = GarmentShape.cubic(SIMD2(450, 62), SIMD2(480, 62), SIMD2(505, 56), SIMD2(518, 52), steps: 10)
        var opening = Path2D()
        opening.addPolygon(GarmentShape.mirrored(back + neckline.dropFirst(), cx: cx))
        canvas.fill(opening) { x, y in
            Color.shade(fabric(SIMD2(Float(x), Float(y) + 300)), 0.55 - 0.2 * Color.smoothstep(60, 236, Float(y)))
        }
        var facing = Path2D()
        facing.addStroke(GarmentShape.mirrored(neckline, cx: cx), width: 3)
        canvas.fill(facing, color: SIMD4(0, 0, 0, 0.35))
        var seams = Path2D()
        seams.addDashes(
            GarmentShape.mirrored(GarmentShape.offset(neckline, by: -7), cx: cx), dash: 4, gap: 3, width: 1.2)
        seams.addDashes(
            GarmentShape.mirrored(GarmentShape.offset(Array(rightHalf.suffix(25)), by: 14), cx: cx), dash: 4, gap: 3,
            width: 1.2)
        canvas.fill(seams, color: SIMD4(0.6, 0.62, 0.7, 0.35))
        // Darts from the bust line and the belt at the waist.
        var darts = Path2D()
        for x: Float in [530, 370] { darts.addStroke([SIMD2(x, 290), SIMD2(x + (x > cx ? 6 : -6), 396)], width: 2) }
        canvas.fill(darts, color: SIMD4(0, 0, 0, 0.2))
        var belt = Path2D()
        belt.addPolygon([SIMD2(298, 392), SIMD2(602, 392), SIMD2(603, 414), SIMD2(297, 414)])
        canvas.fill(belt) { x, y in Color.shade(fabric(SIMD2(Float(x) * 0.7 + 200, Float(y))), 0.92) }
        var beltEdge = Path2D()
        beltEdge.addStroke([SIMD2(298, 415), SIMD2(602, 415)], width: 3)
        canvas.fill(beltEdge, color: SIMD4(0, 0, 0, 0.3))
        canvas.multiply(silhouette) { x, y in
            let p = SIMD2(Float(x) + 0.5, Float(y) + 0.5)
            return folds.factor(p)
        }
        return canvas.image()
    }
}
