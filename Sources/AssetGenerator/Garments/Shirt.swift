import Render

/// A long-sleeved flannel shirt in a red and black check, front view: spread collar, button
/// placket, chest pocket, buttoned cuffs and a curved shirt-tail hem.
enum Shirt {
    static let width = 1000
    static let height = 840

    static let shape = TopShape(
        cx: 500, neckSide: SIMD2(582, 66), backNeckY: 74, frontNeckY: 128, shoulder: SIMD2(712, 106),
        sleeveTop: SIMD2(962, 600), sleeveBottom: SIMD2(860, 640), armpit: SIMD2(738, 292),
        hemCorner: SIMD2(744, 716), hemCentreY: 800)

    static let spec = GarmentSpec(
        id: "shirt-flannel", name: "Red check flannel shirt", category: .top, width: width, height: height,
        anchors: shape.anchors(wrists: true))

    // MARK: - Fabric

    /// One thread colour of the check along a coordinate (a 96 px repeat).
    static func sett(_ t: Float) -> SIMD4<Float> {
        let red = Color.hex(0xA92F2B)
        let black = Color.hex(0x1C1A1C)
        let cream = Color.hex(0xE9DFC8)
        let phase = t / 96 - (t / 96).rounded(.down)
        let p = phase * 96
        if p < 30 { return black }
        if p > 58 && p < 61 { return cream }
        if p > 74 && p < 77 { return black }
        return red
    }

    /// The check at fabric coordinates: warp and weft threads mixed in a 2/2 twill.
    static func check(_ f: SIMD2<Float>) -> SIMD4<Float> {
        let warp = sett(f.x)
        let weft = sett(f.y)
        let diagonal = ((Int((f.x + f.y).rounded(.down)) / 2) % 2 + 2) % 2
        let w: Float = diagonal == 0 ? 0.62 : 0.38
        var c = warp * w + weft * (1 - w)
        // Brushed flannel: both colours darken where black crosses black.
        if warp == weft { c = warp }
        return c
    }

    /// Fabric coordinates: sleeves follow their own grain, the body is aligned on the centre.
    static func fabric(_ p: SIMD2<Float>) -> SIMD4<Float> {
        if let s = shape.sleeveCoordinates(p) { return check(SIMD2(s.y + 48, s.x)) }
        return check(SIMD2(p.x - shape.cx + 48, p.y))
    }

    static let folds: FoldField = {
        var f = FoldField()
        let cx = shape.cx
        f.addMirrored(SIMD2(728, 310), SIMD2(620, 430), cx: cx, width: 26, strength: -0.08)
        f.addMirrored(SIMD2(715, 520), SIMD2(722, 700), cx: cx, width: 24, strength: -0.07)
        f.addMirrored(SIMD2(684, 540), SIMD2(690, 700), cx: cx, width: 18, strength: 0.04)
        // Elbow creases and bunching above the cuff.
        f.addMirrored(SIMD2(800, 420), SIMD2(860, 400), cx: cx, width: 16, strength: -0.09)
        f.addMirrored(SIMD2(808, 445), SIMD2(872, 432), cx: cx, width: 12, strength: 0.05)
        f.addMirrored(SIMD2(840, 520), SIMD2(905, 505), cx: cx, width: 14, strength: -0.07)
        f.addMirrored(SIMD2(770, 300), SIMD2(800, 380), cx: cx, width: 20, strength: -0.06)
        return f
    }()

    static func shading(_ p: SIMD2<Float>) -> Float {
        shape.shading(p, folds: folds, sleeveDepth: 0.12, bodyDepth: 0.1)
    }

    // MARK: - Drawing

    static func image() -> RGBA8Image {
        let s = shape
        let cx = s.cx
        var canvas = Canvas(width: width, height: height)
        canvas.fill(s.silhouette) { x, y in fabric(SIMD2(Float(x) + 0.5, Float(y) + 0.5)) }
        canvas.fill(s.neckOpening) { x, y in Color.shade(fabric(SIMD2(Float(x), Float(y) + 200)), 0.45) }
        var stitches = Path2D()
        // Cuffs: a band at each sleeve end, with its button.
        let axis = s.sleeveAxis
        for side: Float in [1, -1] {
            func m(_ p: SIMD2<Float>) -> SIMD2<Float> { side > 0 ? p : GarmentShape.mirror(p, cx: cx) }
            var cuff = Path2D()
            let top = [s.sleeveTop - axis * 64 + SIMD2(2, 0), s.sleeveTop, s.sleeveBottom, s.sleeveBottom - axis * 64]
            cuff.addPolygon(top.map(m))
            canvas.fill(cuff) { x, y in
                Color.shade(check(SIMD2(Float(x) * 0.8 - 30, Float(y) * 0.8)), 0.97)
            }
            stitches.addDashes(
                [s.sleeveTop - axis * 64, s.sleeveBottom - axis * 64].map(m), dash: 4, gap: 3, width: 1.3)
            stitches.addDashes([s.sleeveTop - axis * 6, s.sleeveBottom - axis * 6].map(m), dash: 4, gap: 3, width: 1.3)
            drawButton(&canvas, at: m(s.sleeveTop + (s.sleeveBottom - s.sleeveTop) * 0.28 - axis * 32))
            var seam = Path2D()
            seam.addStroke(
                GarmentShape.cubic(s.shoulder, s.shoulder + SIMD2(-8, 60), s.armpit + SIMD2(-6, -60), s.armpit).map(m),
                width: 2.4)
            canvas.fill(seam, color: SIMD4(0, 0, 0, 0.2))
        }
        // Chest pocket on the wearer's left, cut a little off the body's check.
        var pocket = Path2D()
        let px: Float = 572
        let py: Float = 232
        pocket.move(to: SIMD2(px, py))
        pocket.line(to: SIMD2(px + 112, py))
        pocket.line(to: SIMD2(px + 112, py + 112))
        pocket.line(to: SIMD2(px + 56, py + 130))
        pocket.line(to: SIMD2(px, py + 112))
        pocket.close()
        canvas.fill(pocket) { x, y in check(SIMD2(Float(x) - cx + 20, Float(y) + 14)) }
        var pocketEdge = Path2D()
        pocketEdge.addStroke([SIMD2(px, py), SIMD2(px + 112, py)], width: 3)
        canvas.fill(pocketEdge, color: SIMD4(0, 0, 0, 0.25))
        stitches.addDashes(
            [
                SIMD2(px + 5, py + 14), SIMD2(px + 5, py + 109), SIMD2(px + 56, py + 125), SIMD2(px + 107, py + 109),
                SIMD2(px + 107, py + 14),
            ], dash: 4, gap: 3, width: 1.3)
        stitches.addDashes([SIMD2(px + 2, py + 10), SIMD2(px + 110, py + 10)], dash: 4, gap: 3, width: 1.3)
        // The button placket down the centre.
        var placket = Path2D()
        placket.addRoundedRect(
            origin: SIMD2(cx - 17, s.frontNeckY), size: SIMD2(34, s.hemCentreY - s.frontNeckY - 2), radius: 2)
        canvas.fill(placket) { x, y in check(SIMD2(Float(x) - cx + 48, Float(y))) }
        var placketEdge = Path2D()
        placketEdge.addStroke([SIMD2(cx - 17, s.frontNeckY), SIMD2(cx - 17, s.hemCentreY - 4)], width: 2)
        canvas.fill(placketEdge, color: SIMD4(0, 0, 0, 0.3))
        for x in [cx - 12, cx + 12] {
            stitches.addDashes([SIMD2(x, s.frontNeckY + 4), SIMD2(x, s.hemCentreY - 8)], dash: 4, gap: 3, width: 1.3)
        }
        stitches.addDashes(
            GarmentShape.mirrored(GarmentShape.offset(Array(s.rightHalf.suffix(21)), by: 10), cx: cx), dash: 4, gap: 3,
            width: 1.3)
        canvas.fill(stitches, color: SIMD4(0.12, 0.1, 0.1, 0.45))
        drawCollar(&canvas)
        for k in 0..<7 { drawButton(&canvas, at: SIMD2(cx, 150 + Float(k) * 96)) }
        canvas.multiply(s.silhouette) { x, y in shading(SIMD2(Float(x) + 0.5, Float(y) + 0.5)) }
        return canvas.image()
    }

    /// The spread collar: the stand behind the neck and two leaves meeting at the top button.
    static func drawCollar(_ canvas: inout Canvas) {
        let cx = shape.cx
        var stand = Path2D()
        let back = shape.backNeckline
        stand.addPolygon(
            GarmentShape.mirrored(
                GarmentShape.offset(back, by: -6) + GarmentShape.offset(back, by: 22).reversed(), cx: cx))
        canvas.fill(stand) { x, y in Color.shade(check(SIMD2(Float(x) * 0.9, Float(y) * 0.9 + 40)), 0.7) }
        for side: Float in [1, -1] {
            func m(_ p: SIMD2<Float>) -> SIMD2<Float> { side > 0 ? p : GarmentShape.mirror(p, cx: cx) }
            let leaf: [SIMD2<Float>] = [
                SIMD2(582, 60), SIMD2(612, 94), SIMD2(604, 150), SIMD2(594, 196), SIMD2(553, 170), SIMD2(503, 134),
                SIMD2(507, 118), SIMD2(548, 80),
            ]
            var path = Path2D()
            path.addPolygon(leaf.map(m))
            canvas.fill(path) { x, y in check(SIMD2(Float(x) - cx + 60, Float(y) - 18)) }
            var shadow = Path2D()
            shadow.addStroke([SIMD2(604, 152), SIMD2(594, 198), SIMD2(553, 172), SIMD2(505, 136)].map(m), width: 5)
            canvas.fill(shadow, color: SIMD4(0, 0, 0, 0.18))
            var stitch = Path2D()
            stitch.addDashes(
                [SIMD2(585, 68), SIMD2(606, 94), SIMD2(596, 150), SIMD2(589, 184), SIMD2(556, 162), SIMD2(514, 132)]
                    .map(m),
                dash: 4, gap: 3, width: 1.2)
            canvas.fill(stitch, color: SIMD4(0.1, 0.08, 0.08, 0.45))
        }
    }

    /// A four-hole horn button.
    static func drawButton(_ canvas: inout Canvas, at c: SIMD2<Float>) {
        var shadow = Path2D()
        shadow.addCircle(center: c + SIMD2(1, 1.5), radius: 8.5)
        canvas.fill(shadow, color: SIMD4(0, 0, 0, 0.3))
        var disc = Path2D()
        disc.addCircle(center: c, radius: 8)
        canvas.fill(disc) { x, y in
            let d = simdLength(SIMD2(Float(x) + 0.5, Float(y) + 0.5) - c) / 8
            return Color.shade(Color.hex(0x3A2A22), 1.15 - 0.3 * d)
        }
        var holes = Path2D()
        for o in [SIMD2<Float>(-2.4, -2.4), SIMD2(2.4, -2.4), SIMD2(-2.4, 2.4), SIMD2(2.4, 2.4)] {
            holes.addCircle(center: c + o, radius: 1.2)
        }
        canvas.fill(holes, color: Color.hex(0x140C08))
    }
}
