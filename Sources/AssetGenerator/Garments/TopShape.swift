/// The flat front view of a top (t-shirt, shirt): its outline, necklines, sleeves and the
/// anchors that follow from them. Points are given for the image's right half (the wearer's
/// left) and mirrored about `cx`.
struct TopShape: Sendable {
    var cx: Float
    /// Where the neckline meets the shoulder line.
    var neckSide: SIMD2<Float>
    /// Centre of the back neckline (the top of the garment).
    var backNeckY: Float
    /// Lowest point of the front neckline.
    var frontNeckY: Float
    /// Outer end of the shoulder line (top of the sleeve seam).
    var shoulder: SIMD2<Float>
    /// Sleeve end, upper corner.
    var sleeveTop: SIMD2<Float>
    /// Sleeve end, lower corner.
    var sleeveBottom: SIMD2<Float>
    /// Underarm point.
    var armpit: SIMD2<Float>
    /// Side seam at the hem.
    var hemCorner: SIMD2<Float>
    /// Hem at the centre.
    var hemCentreY: Float

    // MARK: - Outline

    var backNeckline: [SIMD2<Float>] {
        GarmentShape.cubic(
            SIMD2(cx, backNeckY), SIMD2(cx + 30, backNeckY), SIMD2(neckSide.x - 25, neckSide.y + 2), neckSide, steps: 12
        )
    }

    /// Front neckline, right half, from the neck side down to the centre.
    var frontNeckline: [SIMD2<Float>] {
        GarmentShape.cubic(
            neckSide, SIMD2(neckSide.x - 4, neckSide.y + (frontNeckY - neckSide.y) * 0.7),
            SIMD2(cx + (neckSide.x - cx) * 0.55, frontNeckY), SIMD2(cx, frontNeckY), steps: 20)
    }

    /// Right half of the silhouette, from the back neck centre clockwise to the hem centre.
    var rightHalf: [SIMD2<Float>] {
        var p = backNeckline
        p += GarmentShape.cubic(
            neckSide, neckSide + (shoulder - neckSide) * 0.35, neckSide + (shoulder - neckSide) * 0.7 + SIMD2(0, -2),
            shoulder, steps: 10
        ).dropFirst()
        // The sleeve's top edge: a rounded sleeve head, then straight to the end.
        let axis = sleeveAxis
        p += GarmentShape.cubic(
            shoulder, shoulder + SIMD2(axis.x * 40 + 12, axis.y * 40 - 4), sleeveTop - axis * 60, sleeveTop, steps: 20
        ).dropFirst()
        p += GarmentShape.cubic(
            sleeveTop, sleeveTop + (sleeveBottom - sleeveTop) * 0.33 + axis * 3,
            sleeveTop + (sleeveBottom - sleeveTop) * 0.66 + axis * 3, sleeveBottom, steps: 6
        ).dropFirst()
        p += GarmentShape.cubic(sleeveBottom, sleeveBottom - axis * 60, armpit + SIMD2(8, 10), armpit, steps: 16)
            .dropFirst()
        p += GarmentShape.cubic(
            armpit, armpit + SIMD2(-4, (hemCorner.y - armpit.y) * 0.35),
            hemCorner + SIMD2(-3, -(hemCorner.y - armpit.y) * 0.3),
            hemCorner, steps: 24
        ).dropFirst()
        p += GarmentShape.cubic(
            hemCorner, hemCorner + SIMD2(-(hemCorner.x - cx) * 0.4, hemCentreY - hemCorner.y),
            SIMD2(cx + (hemCorner.x - cx) * 0.3, hemCentreY), SIMD2(cx, hemCentreY), steps: 20
        ).dropFirst()
        return p
    }

    /// The whole silhouette.
    var silhouette: Path2D {
        var path = Path2D()
        path.addPolygon(GarmentShape.mirrored(rightHalf, cx: cx))
        return path
    }

    /// The neck opening: between the back neckline and the front neckline.
    var neckOpening: Path2D {
        let back = backNeckline
        let front = frontNeckline
        var right = back + front.dropFirst()
        right = Array(right)
        var path = Path2D()
        path.addPolygon(GarmentShape.mirrored(right, cx: cx))
        return path
    }

    // MARK: - Sleeves

    /// Middle of the armhole (sleeve seam).
    var armhole: SIMD2<Float> { (shoulder + armpit) / 2 }
    /// Middle of the sleeve end.
    var sleeveEnd: SIMD2<Float> { (sleeveTop + sleeveBottom) / 2 }
    /// Unit direction down the right sleeve.
    var sleeveAxis: SIMD2<Float> { normalize2(sleeveEnd - armhole) }

    /// Whether `p` (any side) is on a sleeve, and its coordinates along and across that
    /// sleeve (from the armhole's middle) if so.
    func sleeveCoordinates(_ p: SIMD2<Float>) -> SIMD2<Float>? {
        let q = p.x >= cx ? p : GarmentShape.mirror(p, cx: cx)
        let seam = armpit - shoulder
        let rel = q - shoulder
        guard seam.x * rel.y - seam.y * rel.x < 0 else { return nil }
        let axis = sleeveAxis
        let d = q - armhole
        return SIMD2((d * axis).sum(), d.x * -axis.y + d.y * axis.x)
    }

    /// Half-width of the sleeve at the armhole.
    var sleeveHalfWidth: Float { simdLength(shoulder - armpit) / 2 }

    /// Brightness at `p`: the folds, times a rounding falloff across each sleeve
    /// (`sleeveDepth` darker at its edges) and towards the body's sides (`bodyDepth`).
    func shading(_ p: SIMD2<Float>, folds: FoldField, sleeveDepth: Float, bodyDepth: Float) -> Float {
        var f = folds.factor(p)
        if let s = sleeveCoordinates(p) {
            let across = s.y / sleeveHalfWidth
            f *= 1 - sleeveDepth * min(across * across, 1.5)
        } else {
            let x = (p.x - cx) / (hemCorner.x - cx)
            f *= 1 - bodyDepth * x * x * x * x
        }
        return f
    }

    // MARK: - Anchors

    /// The top's anchors; `wrists` for long sleeves (elbows then sit mid-sleeve).
    func anchors(wrists: Bool) -> [(name: String, point: SIMD2<Int>)] {
        let axis = sleeveAxis
        let shoulderAnchor = shoulder + SIMD2(-10, 12)
        let hip = hemCorner + SIMD2(-10, -16)
        var out: [(String, SIMD2<Int>)] = [
            ("neck", GarmentShape.anchor(SIMD2(cx, (backNeckY + frontNeckY) / 2))),
            ("left_shoulder", GarmentShape.anchor(shoulderAnchor)),
            ("right_shoulder", GarmentShape.anchor(GarmentShape.mirror(shoulderAnchor, cx: cx))),
        ]
        let elbow = wrists ? armhole + (sleeveEnd - armhole) * 0.5 : sleeveEnd - axis * 14
        out.append(("left_elbow", GarmentShape.anchor(elbow)))
        out.append(("right_elbow", GarmentShape.anchor(GarmentShape.mirror(elbow, cx: cx))))
        if wrists {
            let wrist = sleeveEnd - axis * 14
            out.append(("left_wrist", GarmentShape.anchor(wrist)))
            out.append(("right_wrist", GarmentShape.anchor(GarmentShape.mirror(wrist, cx: cx))))
        }
        out.append(("left_hip", GarmentShape.anchor(hip)))
        out.append(("right_hip", GarmentShape.anchor(GarmentShape.mirror(hip, cx: cx))))
        return out
    }
}
