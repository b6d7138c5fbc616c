/// A small geometric sans-serif drawn as strokes (capitals, digits, a few marks), for the
/// logos and labels printed on the sample products and garments.
///
/// Glyphs live on a grid with the cap height 10 units tall, y down, baseline at y = 10.
/// Round stroke ends make it read like a rounded geometric typeface at any weight.
public enum StrokeFont {
    /// Strokes of a glyph and its advance width (without tracking).
    struct Glyph {
        var strokes: [[SIMD2<Float>]]
        var width: Float
    }

    /// The outline of `text` as a fillable path.
    /// - Parameters:
    ///   - text: the text; lowercase is drawn as capitals, unknown characters as spaces.
    ///   - origin: left end of the baseline, in pixels.
    ///   - capHeight: height of a capital, in pixels.
    ///   - weight: stroke width as a fraction of the cap height (0.1 = regular, 0.16 = bold).
    ///   - tracking: extra space between letters as a fraction of the cap height.
    public static func path(
        _ text: String, origin: SIMD2<Float>, capHeight: Float, weight: Float = 0.12, tracking: Float = 0.12
    ) -> Path2D {
        let scale = capHeight / 10
        var path = Path2D()
        var x = origin.x
        for (i, ch) in text.uppercased().enumerated() {
            if i > 0 { x += (tracking * 10 + weight * 10) * scale }
            let g = glyph(ch)
            for stroke in g.strokes {
                let pts = stroke.map { SIMD2(x + $0.x * scale, origin.y + ($0.y - 10) * scale) }
                path.addStroke(pts, width: weight * capHeight)
            }
            x += g.width * scale
        }
        return path
    }

    /// The outline of `text` centred on `centreX`, its baseline at `baseline`.
    public static func centred(
        _ text: String, centreX: Float, baseline: Float, capHeight: Float, weight: Float = 0.12, tracking: Float = 0.12
    ) -> Path2D {
        let w = width(text, capHeight: capHeight, weight: weight, tracking: tracking)
        return path(
            text, origin: SIMD2(centreX - w / 2, baseline), capHeight: capHeight, weight: weight, tracking: tracking)
    }

    /// The advance width of `text` in pixels (ink extent, without the stroke's round ends).
    public static func width(_ text: String, capHeight: Float, weight: Float = 0.12, tracking: Float = 0.12) -> Float {
        let scale = capHeight / 10
        var w: Float = 0
        for (i, ch) in text.uppercased().enumerated() {
            if i > 0 { w += (tracking * 10 + weight * 10) * scale }
            w += glyph(ch).width * scale
        }
        return w
    }

    // MARK: - Glyphs

    /// Points along an elliptical arc (degrees, y down: 0 = right, 90 = down).
    static func arc(_ cx: Float, _ cy: Float, _ rx: Float, _ ry: Float, _ from: Float, _ to: Float) -> [SIMD2<Float>] {
        let n = max(4, Int((abs(to - from) / 10).rounded(.up)))
        return (0...n).map { k in
            let a = Double(from + (to - from) * Float(k) / Float(n)) * DMath.pi / 180
            return SIMD2(cx + rx * Float(DMath.cos(a)), cy + ry * Float(DMath.sin(a)))
        }
    }

    private static func p(_ x: Float, _ y: Float) -> SIMD2<Float> { SIMD2(x, y) }

    static func glyph(_ ch: Character) -> Glyph {
        switch ch {
        case "A": return Glyph(strokes: [[p(0, 10), p(3.2, 0), p(6.4, 10)], [p(1.2, 6.6), p(5.2, 6.6)]], width: 6.4)
        case "B":
            return Glyph(
                strokes: [
                    [p(0, 5), p(0, 0), p(2.9, 0)] + arc(2.9, 2.5, 2.4, 2.5, -90, 90) + [p(0, 5), p(3.2, 5)]
                        + arc(3.2, 7.5, 2.6, 2.5, -90, 90) + [p(0, 10), p(0, 5)]
                ], width: 5.8)
        case "C": return Glyph(strokes: [arc(3.6, 5, 3.6, 5, -45, -315)], width: 6.6)
        case "D":
            return Glyph(
                strokes: [[p(0, 0), p(1.6, 0)] + arc(1.6, 5, 4.4, 5, -90, 90) + [p(0, 10), p(0, 0)]], width: 6)
        case "E": return Glyph(strokes: [[p(5, 0), p(0, 0), p(0, 10), p(5, 10)], [p(0, 5), p(4.2, 5)]], width: 5)
        case "F": return Glyph(strokes: [[p(5, 0), p(0, 0), p(0, 10)], [p(0, 5), p(4.2, 5)]], width: 5)
        case "G":
            return Glyph(strokes: [arc(3.7, 5, 3.7, 5, -45, -360) + [p(7.4, 6.2), p(7.4, 5), p(4.2, 5)]], width: 7.4)
        case "H":
            return Glyph(strokes: [[p(0, 0), p(0, 10)], [p(5.8, 0), p(5.8, 10)], [p(0, 5), p(5.8, 5)]], width: 5.8)
        case "I": return Glyph(strokes: [[p(0, 0), p(0, 10)]], width: 0)
        case "J": return Glyph(strokes: [[p(4.2, 0), p(4.2, 7.2)] + arc(2.1, 7.2, 2.1, 2.8, 0, 180)], width: 4.2)
        case "K":
            return Glyph(
                strokes: [[p(0, 0), p(0, 10)], [p(5.2, 0), p(0, 6.2)], [p(1.9, 4), p(5.6, 10)]], width: 5.6)
        case "L": return Glyph(strokes: [[p(0, 0), p(0, 10), p(4.6, 10)]], width: 4.6)
        case "M": return Glyph(strokes: [[p(0, 10), p(0, 0), p(3.7, 8), p(7.4, 0), p(7.4, 10)]], width: 7.4)
        case "N": return Glyph(strokes: [[p(0, 10), p(0, 0), p(5.8, 10), p(5.8, 0)]], width: 5.8)
        case "O": return Glyph(strokes: [arc(4, 5, 4, 5, 0, 360)], width: 8)
        case "P":
            return Glyph(
                strokes: [[p(0, 10), p(0, 0), p(3, 0)] + arc(3, 2.8, 2.6, 2.8, -90, 90) + [p(0, 5.6)]], width: 5.6)
        case "Q": return Glyph(strokes: [arc(4, 5, 4, 5, 0, 360), [p(4.8, 7.4), p(7.6, 10.4)]], width: 8)
        case "R":
            return Glyph(
                strokes: [
                    [p(0, 10), p(0, 0), p(3, 0)] + arc(3, 2.8, 2.6, 2.8, -90, 90) + [p(0, 5.6)],
                    [p(2.8, 5.6), p(5.6, 10)],
                ],
                width: 5.6)
        case "S":
            return Glyph(strokes: [arc(2.8, 2.5, 2.6, 2.5, -25, -270) + arc(2.8, 7.5, 2.8, 2.5, -90, 155)], width: 5.6)
        case "T": return Glyph(strokes: [[p(0, 0), p(6, 0)], [p(3, 0), p(3, 10)]], width: 6)
        case "U":
            return Glyph(strokes: [[p(0, 0), p(0, 6.9)] + arc(2.9, 6.9, 2.9, 3.1, 180, 0) + [p(5.8, 0)]], width: 5.8)
        case "V": return Glyph(strokes: [[p(0, 0), p(3.2, 10), p(6.4, 0)]], width: 6.4)
        case "W": return Glyph(strokes: [[p(0, 0), p(2.3, 10), p(4.6, 1.6), p(6.9, 10), p(9.2, 0)]], width: 9.2)
        case "X": return Glyph(strokes: [[p(0, 0), p(5.8, 10)], [p(5.8, 0), p(0, 10)]], width: 5.8)
        case "Y": return Glyph(strokes: [[p(0, 0), p(3, 5.2), p(6, 0)], [p(3, 5.2), p(3, 10)]], width: 6)
        case "Z": return Glyph(strokes: [[p(0.2, 0), p(5.6, 0), p(0, 10), p(5.8, 10)]], width: 5.8)
        case "0": return Glyph(strokes: [arc(3, 5, 3, 5, 0, 360)], width: 6)
        case "1": return Glyph(strokes: [[p(0.4, 2.2), p(2.8, 0), p(2.8, 10)]], width: 2.8)
        case "2": return Glyph(strokes: [arc(2.9, 2.9, 2.9, 2.9, -165, 35) + [p(0, 10), p(5.9, 10)]], width: 5.9)
        case "3":
            return Glyph(strokes: [arc(2.8, 2.5, 2.6, 2.5, -155, 90) + arc(2.8, 7.4, 3, 2.6, -90, 155)], width: 5.8)
        case "4": return Glyph(strokes: [[p(4.6, 10), p(4.6, 0), p(0, 7), p(6.2, 7)]], width: 6.2)
        case "5":
            return Glyph(strokes: [[p(5.4, 0), p(0.9, 0), p(0.5, 4.6)] + arc(2.9, 6.9, 3.1, 3.1, -130, 150)], width: 6)
        case "6":
            return Glyph(strokes: [arc(3, 6.9, 3, 3.1, 0, 360), arc(6.2, 7, 6.2, 7, -115, -180)], width: 6)
        case "7": return Glyph(strokes: [[p(0, 0), p(5.8, 0), p(1.8, 10)]], width: 5.8)
        case "8": return Glyph(strokes: [arc(2.9, 2.5, 2.5, 2.5, 0, 360), arc(2.9, 7.5, 2.9, 2.5, 0, 360)], width: 5.8)
        case "9":
            return Glyph(strokes: [arc(3, 3.1, 3, 3.1, 0, 360), arc(-0.2, 3, 6.2, 7, 0, 65)], width: 6)
        case ".": return Glyph(strokes: [[p(0, 10)]], width: 0)
        case "-": return Glyph(strokes: [[p(0, 6), p(3.4, 6)]], width: 3.4)
        case "&":
            return Glyph(
                strokes: [
                    [p(6.4, 10)] + arc(2.6, 2.4, 1.9, 2.2, 60, -240) + arc(2.8, 7.2, 2.8, 2.8, -120, 160) + [p(6, 5.2)]
                ],
                width: 6.4)
        case "·": return Glyph(strokes: [[p(0, 5.5)]], width: 0)
        default: return Glyph(strokes: [], width: 4)
        }
    }
}
