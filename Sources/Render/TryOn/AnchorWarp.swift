/// The forward map from an item's pixels to the photo's pixels: a thin-plate spline through
/// the item's anchors and the body points they sit on.
///
/// Anchors that (nearly) lie on one line, such as the eyes and ears of glasses, leave the
/// spline's affine part undetermined across that line. Then two virtual anchors are added, one
/// on each side of the line, placed by the least-squares similarity (rotation, uniform scale,
/// translation) that best maps the anchors: across the line the item keeps its proportions.
struct AnchorWarp: Sendable {
    /// The spline, item pixels -> photo pixels.
    let spline: ThinPlateSpline
    /// Photo pixels per item pixel of the best similarity (for mesh density and mip choice).
    let scale: Double
    /// Whether virtual anchors were added.
    let addedVirtualAnchors: Bool

    /// Smallest ratio of the anchors' minor to major spread (standard deviations) that counts
    /// as "not on one line".
    static let collinearRatio = 0.2

    /// Fits the warp for `item` onto the resolved body.
    /// - Parameters:
    ///   - item: the item, with its anchors.
    ///   - body: the body points for every anchor of the item.
    ///   - lambda: spline regularisation (0 = anchors land exactly).
    /// - Throws: `TryOnError.degenerateWarp` when the body points coincide so that no warp
    ///   is possible.
    init(item: TryOnItem, body: ResolvedBody, lambda: Double) throws {
        let names = item.anchors.keys.sorted()
        var source = names.map { item.anchors[$0]! }
        var target = try names.map { name -> SIMD2<Double> in
            guard let p = body.positions[name] else {
                throw TryOnError.missingKeypoints(item: item.id, points: ["\(name.rawValue): not resolved"])
            }
            return p
        }
        guard let similarity = Similarity(from: source, to: target), similarity.scale > 1e-6 else {
            throw TryOnError.degenerateWarp(
                item: item.id, reason: "the body points it anchors to all coincide (scale 0)")
        }
        scale = similarity.scale

        // Spread of the item anchors along their principal axes.
        let n = Double(source.count)
        let mean = source.reduce(SIMD2<Double>.zero, +) / n
        var cxx = 0.0
        var cxy = 0.0
        var cyy = 0.0
        for p in source {
            let d = p - mean
            cxx += d.x * d.x
            cxy += d.x * d.y
            cyy += d.y * d.y
        }
        cxx /= n
        cxy /= n
        cyy /= n
        let trace = cxx + cyy
        let det = cxx * cyy - cxy * cxy
        let root = max(trace * trace / 4 - det, 0).squareRoot()
        let major = (trace / 2 + root).squareRoot()
        let minor = max(trace / 2 - root, 0).squareRoot()
        if source.count < 3 || minor < Self.collinearRatio * major {
            // Virtual anchors across the principal axis, at the major spread.
            let axis: SIMD2<Double> =
                abs(cxy) > 1e-12
                ? Self.normalized(SIMD2(trace / 2 + root - cyy, cxy)) : (cxx >= cyy ? SIMD2(1, 0) : SIMD2(0, 1))
            let across = SIMD2(-axis.y, axis.x) * max(major, 1)
            for v in [mean + across, mean - across] {
                source.append(v)
                target.append(similarity.apply(v))
            }
            addedVirtualAnchors = true
        } else {
            addedVirtualAnchors = false
        }
        guard let tps = ThinPlateSpline(source: source, target: target, lambda: lambda) else {
            throw TryOnError.degenerateWarp(item: item.id, reason: "its anchors are collinear")
        }
        spline = tps
    }

    /// Maps an item pixel to the photo.
    func callAsFunction(_ p: SIMD2<Double>) -> SIMD2<Double> { spline(p) }

    private static func normalized(_ v: SIMD2<Double>) -> SIMD2<Double> {
        let n = (v * v).sum().squareRoot()
        return n > 0 ? v / n : SIMD2(1, 0)
    }
}

/// A similarity transform `p -> s R p + t`, fitted by least squares (Umeyama 1991 in 2D,
/// written with complex numbers: `z' = a z + b`).
struct Similarity: Sendable {
    /// `a = s (cos, sin)` as a complex number.
    let a: SIMD2<Double>
    /// Translation.
    let b: SIMD2<Double>

    /// Uniform scale `s`.
    var scale: Double { (a * a).sum().squareRoot() }

    /// Fits the similarity that best maps `source` to `target`; `nil` for fewer than two
    /// distinct source points.
    init?(from source: [SIMD2<Double>], to target: [SIMD2<Double>]) {
        let n = Double(source.count)
        guard source.count >= 2 else { return nil }
        let ms = source.reduce(SIMD2<Double>.zero, +) / n
        let mt = target.reduce(SIMD2<Double>.zero, +) / n
        var num = SIMD2<Double>.zero
        var den = 0.0
        for (p, q) in zip(source, target) {
            let z = p - ms
            let w = q - mt
            // w * conj(z)
            num += SIMD2(w.x * z.x + w.y * z.y, w.y * z.x - w.x * z.y)
            den += (z * z).sum()
        }
        guard den > 1e-12 else { return nil }
        a = num / den
        b = mt - Self.rotate(ms, by: a)
    }

    /// Applies the transform.
    func apply(_ p: SIMD2<Double>) -> SIMD2<Double> { Self.rotate(p, by: a) + b }

    private static func rotate(_ p: SIMD2<Double>, by a: SIMD2<Double>) -> SIMD2<Double> {
        SIMD2(a.x * p.x - a.y * p.y, a.x * p.y + a.y * p.x)
    }
}
