import Render

/// Relaxed-fit t-shirts with elbow-length sleeves, front view: a Breton stripe and a heather
/// grey tee with a printed chest graphic.
enum TShirt {
    enum Style: Sendable { case stripes, logo }

    static let width = 1000
    static let height = 820

    /// About 9 px a centimetre: a 52 cm chest, 72 cm from the shoulder to the hem.
    static let shape = TopShape(
        cx: 500, neckSide: SIMD2(586, 62), backNeckY: 72, frontNeckY: 140, shoulder: SIMD2(708, 102),
        sleeveTop: SIMD2(916, 300), sleeveBottom: SIMD2(812, 384), armpit: SIMD2(734, 282),
        hemCorner: SIMD2(738, 762), hemCentreY: 770)

    static func spec(_ style: Style) -> GarmentSpec {
        GarmentSpec(
            id: style == .stripes ? "tshirt-stripes" : "tshirt-logo",
            name: style == .stripes ? "Breton stripe t-shirt" : "Heather grey graphic t-shirt", category: .top,
            width: width, height: height, anchors: shape.anchors(wrists: false))
    }

    /// Fabric colour at a pixel (before shading).
    static func fabric(_ style: Style, _ p: SIMD2<Float>) -> SIMD4<Float> {
        switch style {
        case .logo:
            return Color.hex(0xA3A6AB)
        case .stripes:
            let ecru = Color.hex(0xF1ECE0)
            let navy = Color.hex(0x1F2B4C)
            // Stripes run across the body, and across each sleeve (cut along its length).
            let position = shape.sleeveCoordinates(p).map { $0.x + 11 } ?? p.y - 250
            let period: Float = 26
            let phase = position / period - (position / period).rounded(.down)
            let inStripe =
                Color.smoothstep(0, 1 / period, phase) * (1 - Color.smoothstep(0.38, 0.38 + 1 / period, phase))
            // The yoke above the chest stays plain, as on a marinière.
            let plain = shape.sleeveCoordinates(p) == nil && p.y < 250 ? 1 - Color.smoothstep(240, 250, p.y) : 0
            return Color.mix(ecru, navy, inStripe * (1 - plain))
        }
    }

    /// The shading: side falloff, sleeve roundness and drape folds.
    static func shading(_ p: SIMD2<Float>) -> Float {
        shape.shading(p, folds: folds, sleeveDepth: 0.1, bodyDepth: 0.09)
    }

    static let folds: FoldField = {
        var f = FoldField()
        let cx = shape.cx
        // Drag lines from the underarms towards the middle, and a long one down the side.
        f.addMirrored(SIMD2(724, 306), SIMD2(610, 430), cx: cx, width: 28, strength: -0.08)
        f.addMirrored(SIMD2(720, 350), SIMD2(640, 500), cx: cx, width: 22, strength: -0.05)
        f.addMirrored(SIMD2(690, 316), SIMD2(590, 400), cx: cx, width: 18, strength: 0.045)
        f.addMirrored(SIMD2(705, 520), SIMD2(712, 752), cx: cx, width: 24, strength: -0.07)
        f.addMirrored(SIMD2(672, 540), SIMD2(680, 752), cx: cx, width: 18, strength: 0.04)
        f.addMirrored(SIMD2(565, 620), SIMD2(550, 758), cx: cx, width: 20, strength: -0.04)
        // The sleeve bends at the underarm.
        f.addMirrored(SIMD2(740, 280), SIMD2(830, 300), cx: cx, width: 24, strength: -0.07)
        f.addMirrored(SIMD2(756, 226), SIMD2(850, 270), cx: cx, width: 16, strength: 0.045)
        // Collarbones catch the light.
        f.addMirrored(SIMD2(520, 180), SIMD2(640, 160), cx: cx, width: 22, strength: 0.04)
        return f
    }()

    static func image(_ style: Style) -> RGBA8Image {
        let s = shape
        var canvas = Canvas(width: width, height: height)
        canvas.fill(s.silhouette) { x, y in fabric(style, SIMD2(Float(x) + 0.5, Float(y) + 0.5)) }
        // Inside of the back, seen through the neck opening, in shadow towards the front.
        canvas.fill(s.neckOpening) { x, y in
            let t = Color.smoothstep(s.backNeckY, s.frontNeckY, Float(y))
            return Color.shade(fabric(style, SIMD2(Float(x), s.backNeckY + 40)), 0.72 - 0.22 * t)
        }
        let rib = style == .stripes ? Color.hex(0xEDE7DA) : Color.hex(0x9C9FA4)
        var backCollar = Path2D()
        let back = s.backNeckline
        backCollar.addPolygon(GarmentShape.mirrored(back + GarmentShape.offset(back, by: -13).reversed(), cx: s.cx))
        canvas.fill(backCollar, color: Color.shade(rib, 0.8))
        // The neck label.
        var label = Path2D()
        label.addRoundedRect(origin: SIMD2(s.cx - 15, s.backNeckY + 14), size: SIMD2(30, 22), radius: 2)
        canvas.fill(label, color: Color.hex(0xF4F2EE))
        canvas.fill(
            StrokeFont.path("M", origin: SIMD2(s.cx - 4.5, s.backNeckY + 30), capHeight: 10, weight: 0.14),
            color: Color.hex(0x333333))
        // Front rib collar.
        let front = s.frontNeckline
        var collar = Path2D()
        let collarEdge = GarmentShape.offset(front, by: -20)
        collar.addPolygon(
            GarmentShape.mirrored(
                Array(front.dropLast()) + [SIMD2(s.cx, s.frontNeckY)] + [SIMD2(s.cx, s.frontNeckY + 20)]
                    + collarEdge.dropLast().reversed(), cx: s.cx))
        canvas.fill(collar, color: rib)
        var seams = Path2D()
        seams.addDashes(
            GarmentShape.mirrored(GarmentShape.offset(front, by: -23), cx: s.cx), dash: 5, gap: 3, width: 1.4)
        // Hems: a double row of stitches above the bottom and the sleeve ends.
        let hem = Array(s.rightHalf.suffix(21))
        for d: Float in [20, 25] {
            seams.addDashes(
                GarmentShape.mirrored(GarmentShape.offset(hem, by: d), cx: s.cx), dash: 5, gap: 3, width: 1.4)
        }
        for side: Float in [1, -1] {
            let axis = s.sleeveAxis
            for d: Float in [22, 27] {
                var a = s.sleeveTop - axis * d
                var b = s.sleeveBottom - axis * d
                if side < 0 {
                    a = GarmentShape.mirror(a, cx: s.cx)
                    b = GarmentShape.mirror(b, cx: s.cx)
                }
                seams.addDashes([a, b], dash: 5, gap: 3, width: 1.4)
            }
            // Sleeve seam around the armhole and the shoulder seam.
            var armhole = GarmentShape.cubic(
                s.shoulder, s.shoulder + SIMD2(-8, 60), s.armpit + SIMD2(-6, -60), s.armpit, steps: 20)
            var shoulderSeam = [s.neckSide + SIMD2(0, 2), s.shoulder + SIMD2(-2, 3)]
            if side < 0 {
                armhole = armhole.map { GarmentShape.mirror($0, cx: s.cx) }
                shoulderSeam = shoulderSeam.map { GarmentShape.mirror($0, cx: s.cx) }
            }
            var seamLine = Path2D()
            seamLine.addStroke(armhole, width: 2.2)
            seamLine.addStroke(shoulderSeam, width: 2.2)
            canvas.fill(seamLine, color: SIMD4(0, 0, 0, 0.16))
        }
        canvas.fill(seams, color: style == .stripes ? SIMD4(0.3, 0.32, 0.4, 0.35) : SIMD4(0.25, 0.25, 0.28, 0.3))
        if style == .logo { drawPrint(&canvas) }
        canvas.multiply(s.silhouette) { x, y in shading(SIMD2(Float(x) + 0.5, Float(y) + 0.5)) }
        return canvas.image()
    }

    /// The chest print: a sunrise badge over a wordmark, in cream and orange.
    static func drawPrint(_ canvas: inout Canvas) {
        let cx = shape.cx
        let cy: Float = 300
        let cream = Color.hex(0xF3EEE2, alpha: 0.95)
        let orange = Color.hex(0xE0793A, alpha: 0.95)
        var sun = Path2D()
        sun.addCircle(center: SIMD2(cx, cy), radius: 62)
        canvas.fill(sun, color: orange)
        // Horizon bands cut across the sun's lower half.
        var bands = Path2D()
        for (k, y) in [cy + 8, cy + 24, cy + 38, cy + 50].enumerated() {
            bands.addRoundedRect(origin: SIMD2(cx - 80, y), size: SIMD2(160, Float(4 + k * 2)), radius: 1)
        }
        canvas.fill(bands, color: Color.hex(0xA3A6AB))
        var peaks = Path2D()
        peaks.addPolygon([
            SIMD2(cx - 110, cy + 62), SIMD2(cx - 52, cy - 6), SIMD2(cx - 18, cy + 30), SIMD2(cx + 30, cy - 28),
            SIMD2(cx + 110, cy + 62),
        ])
        canvas.fill(peaks, color: cream)
        let word = "VITRINE"
        let cap: Float = 42
        canvas.fill(
            StrokeFont.centred(
                word, centreX: cx, baseline: cy + 130, capHeight: cap, weight: 0.17, tracking: 0.18),
            color: cream)
        let sub = "OUTDOOR SUPPLY CO"
        let cap2: Float = 14
        canvas.fill(
            StrokeFont.centred(
                sub, centreX: cx, baseline: cy + 160, capHeight: cap2, weight: 0.14, tracking: 0.45),
            color: orange)
    }
}
