@testable import Render

/// Items made in code for the try-on tests: the OpenCV peer's striped t-shirt (same polygon,
/// stripes and anchors as `../shared/peers/opencv-tps/tps_peer.py`), glasses, a hat, a dress,
/// each optionally with a marker dot of a unique colour on every anchor.
enum TryOnTestItems {
    /// Marker colours, unique within a category: by the point's rank among the category's
    /// known anchors, from three families, (0, 255, v), (0, v, 255) and (255, 0, v), with `v`
    /// in steps of 55. A blend of a marker with any test garment colour leaves its family's
    /// tolerance box before it reaches a neighbouring marker's.
    static func markerColour(_ point: BodyPoint, category: ItemCategory) -> SIMD4<UInt8> {
        let rank = category.knownAnchors.firstIndex(of: point) ?? 0
        let v = UInt8(10 + 55 * (rank / 3))
        switch rank % 3 {
        case 0: return SIMD4(0, 255, v, 255)
        case 1: return SIMD4(0, v, 255, 255)
        default: return SIMD4(255, 0, v, 255)
        }
    }

    /// Default marker dot radius in item pixels.
    static let markerRadius = 8.0

    /// The peer's t-shirt anchors (item pixels; integer, as the peer draws its dots on them).
    static let teeAnchors: [BodyPoint: SIMD2<Double>] = [
        .neck: SIMD2(400, 30), .leftShoulder: SIMD2(620, 70), .rightShoulder: SIMD2(180, 70),
        .leftElbow: SIMD2(705, 425), .rightElbow: SIMD2(95, 425), .leftHip: SIMD2(580, 800),
        .rightHip: SIMD2(220, 800), .hem: SIMD2(400, 870),
    ]

    /// The 800x900 striped t-shirt.
    static func teeImage(markers: Bool = false, radii: [BodyPoint: Double] = [:]) -> RGBA8Image {
        let outline: [SIMD2<Double>] = [
            SIMD2(310, 30), SIMD2(180, 70), SIMD2(40, 400), SIMD2(150, 450), SIMD2(215, 270), SIMD2(220, 870),
            SIMD2(580, 870), SIMD2(585, 270), SIMD2(650, 450), SIMD2(760, 400), SIMD2(620, 70), SIMD2(490, 30),
        ]
        let navy = SIMD3<UInt8>(30, 40, 110)
        let cream = SIMD3<UInt8>(240, 235, 230)
        let red = SIMD3<UInt8>(200, 40, 40)
        var image = RGBA8Image(width: 800, height: 900)
        for y in 0..<900 {
            let band = (y / 36) % 4
            let colour = band == 0 || band == 2 ? navy : (band == 1 ? cream : red)
            for x in 0..<800 {
                let coverage = polygonCoverage(outline, x: x, y: y) { p in
                    // The neck scoop: an ellipse cut out at (400, 30), radii 90 x 60.
                    let d = (p - SIMD2(400, 30)) / SIMD2(90, 60)
                    return (d * d).sum() > 1
                }
                guard coverage > 0 else { continue }
                image[x, y] = SIMD4(colour.x, colour.y, colour.z, coverage)
            }
        }
        if markers { drawMarkers(&image, teeAnchors, category: .top, radii: radii) }
        return image
    }

    /// The t-shirt as a `top` item.
    static func tee(
        id: String = "tee", markers: Bool = false, radii: [BodyPoint: Double] = [:], featherTexels: Double = 1.5
    ) throws -> TryOnItem {
        try TryOnItem(
            id: id, category: .top, image: teeImage(markers: markers, radii: radii), anchors: teeAnchors,
            featherTexels: featherTexels)
    }

    /// 240x80 glasses: two dark lenses, a bridge, temple stubs; anchors on the lens centres and
    /// the temple ends.
    static func glasses(markers: Bool = false, radii: [BodyPoint: Double] = [:]) throws -> TryOnItem {
        let anchors: [BodyPoint: SIMD2<Double>] = [
            .rightEye: SIMD2(70, 40), .leftEye: SIMD2(170, 40), .rightEar: SIMD2(12, 34), .leftEar: SIMD2(228, 34),
        ]
        var image = RGBA8Image(width: 240, height: 80)
        for y in 0..<80 {
            for x in 0..<240 {
                let p = SIMD2(Double(x) + 0.5, Double(y) + 0.5)
                for c in [SIMD2(70.0, 40.0), SIMD2(170.0, 40.0)] {
                    let d = ((p - c) / SIMD2(38, 28) * ((p - c) / SIMD2(38, 28))).sum()
                    if d <= 1 { image[x, y] = d > 0.8 ? SIMD4(20, 20, 20, 255) : SIMD4(40, 60, 70, 200) }
                }
                if (108...132).contains(x) && (30...36).contains(y) { image[x, y] = SIMD4(20, 20, 20, 255) }
                if (x < 32 || x >= 208) && (31...37).contains(y) { image[x, y] = SIMD4(20, 20, 20, 255) }
            }
        }
        if markers { drawMarkers(&image, anchors, category: .glasses, radii: radii) }
        return try TryOnItem(id: "glasses", category: .glasses, image: image, anchors: anchors)
    }

    /// 300x260 hat: a red crown and brim; anchors at the brim line's eye positions and the crown top.
    static func hat() throws -> TryOnItem {
        let anchors: [BodyPoint: SIMD2<Double>] = [
            .rightEye: SIMD2(110, 250), .leftEye: SIMD2(190, 250), .headTop: SIMD2(150, 120),
        ]
        var image = RGBA8Image(width: 300, height: 260)
        for y in 0..<260 {
            for x in 0..<300 {
                let crown = (70...230).contains(x) && (20...200).contains(y)
                let brim = (10...290).contains(x) && (200...225).contains(y)
                if crown || brim { image[x, y] = SIMD4(170, 30, 40, 255) }
            }
        }
        return try TryOnItem(id: "hat", category: .hat, image: image, anchors: anchors)
    }

    /// Coverage 0...255 of pixel `(x, y)` by a polygon (even-odd) intersected with `keep`,
    /// from 4x4 samples.
    static func polygonCoverage(
        _ polygon: [SIMD2<Double>], x: Int, y: Int, keep: (SIMD2<Double>) -> Bool = { _ in true }
    ) -> UInt8 {
        var inside = 0
        for sy in 0..<4 {
            for sx in 0..<4 {
                let p = SIMD2(Double(x) + (Double(sx) + 0.5) / 4, Double(y) + (Double(sy) + 0.5) / 4)
                if contains(polygon, p) && keep(p) { inside += 1 }
            }
        }
        return UInt8(min(255, inside * 16))
    }

    static func contains(_ polygon: [SIMD2<Double>], _ p: SIMD2<Double>) -> Bool {
        var inside = false
        var j = polygon.count - 1
        for i in 0..<polygon.count {
            let a = polygon[i]
            let b = polygon[j]
            if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x { inside.toggle() }
            j = i
        }
        return inside
    }

    /// Draws an opaque disc of each anchor's marker colour centred on the anchor (continuous
    /// coordinates: pixel centres at `i + 0.5`), of radius `radii[point]` or `markerRadius`.
    static func drawMarkers(
        _ image: inout RGBA8Image, _ anchors: [BodyPoint: SIMD2<Double>], category: ItemCategory,
        radii: [BodyPoint: Double] = [:]
    ) {
        for (point, c) in anchors {
            let r = radii[point] ?? markerRadius
            for y in max(0, Int(c.y - r) - 1)...min(image.height - 1, Int(c.y + r) + 1) {
                for x in max(0, Int(c.x - r) - 1)...min(image.width - 1, Int(c.x + r) + 1) {
                    let d = SIMD2(Double(x) + 0.5, Double(y) + 0.5) - c
                    if (d * d).sum() <= r * r { image[x, y] = markerColour(point, category: category) }
                }
            }
        }
    }
}
