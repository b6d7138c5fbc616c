import Render

/// Black acetate sunglasses drawn flat from the front (a 2D try-on item): thick rims with
/// a lighter brow edge, silver hinge pins, gradient lenses with reflections.
enum FlatGlasses {
    static let width = 1000
    static let height = 380
    static let cx: Float = 500
    static let cy: Float = 200
    /// Pixels a millimetre (the frame is 140 mm wide).
    static let scale: Float = 6.4

    static let spec = GarmentSpec(
        id: "glasses-black", name: "Black acetate sunglasses", category: .glasses, width: width, height: height,
        anchors: [
            ("left_eye", SIMD2(699, 200)), ("right_eye", SIMD2(301, 200)), ("left_ear", SIMD2(935, 150)),
            ("right_ear", SIMD2(65, 150)),
        ])

    /// The lens outline in pixels around a lens centre (the 3D model's outline, flat).
    static func lens(_ side: Float, grow: Float = 0) -> [SIMD2<Float>] {
        Sunglasses.outline(96, grow: grow).map { p in
            SIMD2(cx + side * (Sunglasses.lensCentreX + p.x) * 1000 * scale, cy - p.y * 1000 * scale)
        }
    }

    static func image() -> RGBA8Image {
        var canvas = Canvas(width: width, height: height)
        let black = Color.hex(0x141416)
        var frame = Path2D()
        var fittings = Path2D()
        for side: Float in [1, -1] {
            // The rim: the lens outline grown, thicker along the brow.
            let inner = lens(side)
            let outer = Sunglasses.outline(96).enumerated().map { k, p -> SIMD2<Float> in
                let brow = Color.smoothstep(0.1, 0.8, p.y / Sunglasses.lensHalfHeight)
                let grow = 0.0042 + 0.0045 * brow
                let n = normalize2(p)
                let q = p + n * grow
                return SIMD2(cx + side * (Sunglasses.lensCentreX + q.x) * 1000 * scale, cy - q.y * 1000 * scale)
            }
            frame.addPolygon(side > 0 ? outer : outer.reversed())
            frame.addPolygon(side > 0 ? inner.reversed() : inner)
            // Hinge end pieces.
            fittings.addRoundedRect(origin: SIMD2(side > 0 ? 900 : 52, 120), size: SIMD2(48, 62), radius: 10)
        }
        fittings.addRoundedRect(origin: SIMD2(cx - 90, 134), size: SIMD2(180, 38), radius: 16)
        // Separate fills: the rims' holes must not cut into the bridge and the hinges.
        canvas.fill(fittings, color: black)
        // Lenses first (under the frame), then the frame.
        for side: Float in [1, -1] {
            var glass = Path2D()
            glass.addPolygon(lens(side, grow: 0.001))
            canvas.fill(glass) { _, y in
                let t = Color.smoothstep(90, 330, Float(y))
                return Color.mix(Color.hex(0x17201B, alpha: 0.92), Color.hex(0x3C4A40, alpha: 0.78), t)
            }
            // Reflections: two soft diagonal streaks.
            var streak = Path2D()
            let c = SIMD2(cx + side * Sunglasses.lensCentreX * 1000 * scale, cy)
            streak.addPolygon([c + SIMD2(-90, -70), c + SIMD2(-40, -110), c + SIMD2(40, 40), c + SIMD2(-10, 80)])
            streak.addPolygon([c + SIMD2(40, -100), c + SIMD2(62, -118), c + SIMD2(110, -10), c + SIMD2(88, 8)])
            canvas.fill(streak, color: SIMD4(1, 1, 1, 0.1))
        }
        canvas.fill(frame) { _, y in
            // Glossy acetate: a light band near the top edge, darker below.
            let highlight = 1 - Color.smoothstep(0, 14, abs(Float(y) - 78))
            return Color.mix(black, Color.hex(0x5A5C62), highlight * 0.6)
        }
        var pins = Path2D()
        for x: Float in [924, 76] {
            for dy: Float in [-14, 14] { pins.addCircle(center: SIMD2(x, 151 + dy), radius: 5) }
        }
        canvas.fill(pins, color: Color.hex(0xC9CBCF))
        return canvas.image()
    }
}
