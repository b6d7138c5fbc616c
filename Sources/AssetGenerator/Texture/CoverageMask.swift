/// How much of each pixel a ``Path2D`` covers (0...1), over the path's bounding box.
///
/// Scanline rasterization with 8 sub-scanlines a pixel and exact horizontal span coverage,
/// non-zero winding rule. Plain arithmetic only, so the result is the same on every machine.
public struct CoverageMask: Sendable {
    /// Left column of the mask in the image.
    public let x0: Int
    /// Top row of the mask in the image.
    public let y0: Int
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// `width * height` coverages, row-major.
    public private(set) var values: [Float]

    static let subScanlines = 8

    /// Rasterizes `path`, clipped to an image of `imageWidth x imageHeight`.
    public init(_ path: Path2D, imageWidth: Int, imageHeight: Int) {
        var lo = SIMD2<Float>(repeating: .infinity)
        var hi = SIMD2<Float>(repeating: -.infinity)
        for poly in path.polygons {
            for p in poly {
                lo = pointwiseMin(lo, p)
                hi = pointwiseMax(hi, p)
            }
        }
        guard lo.x <= hi.x else {
            (x0, y0, width, height, values) = (0, 0, 0, 0, [])
            return
        }
        let left = max(0, Int(lo.x.rounded(.down)))
        let top = max(0, Int(lo.y.rounded(.down)))
        let right = min(imageWidth, Int(hi.x.rounded(.up)) + 1)
        let bottom = min(imageHeight, Int(hi.y.rounded(.up)) + 1)
        x0 = left
        y0 = top
        width = max(0, right - left)
        height = max(0, bottom - top)
        values = [Float](repeating: 0, count: width * height)
        guard width > 0 && height > 0 else { return }

        // Edges with their y range, for the crossing search.
        var edges: [(a: SIMD2<Float>, b: SIMD2<Float>)] = []
        for poly in path.polygons {
            for k in 0..<poly.count {
                let a = poly[k]
                let b = poly[(k + 1) % poly.count]
                if a.y != b.y { edges.append((a, b)) }
            }
        }
        let weight = 1 / Float(Self.subScanlines)
        var crossings: [(x: Float, winding: Int)] = []
        for row in 0..<height {
            for s in 0..<Self.subScanlines {
                let sy = Float(top + row) + (Float(s) + 0.5) * weight
                crossings.removeAll(keepingCapacity: true)
                for e in edges {
                    let up = e.a.y < e.b.y
                    let (ya, yb) = up ? (e.a.y, e.b.y) : (e.b.y, e.a.y)
                    guard sy >= ya && sy < yb else { continue }
                    let x = e.a.x + (sy - e.a.y) * (e.b.x - e.a.x) / (e.b.y - e.a.y)
                    crossings.append((x, up ? 1 : -1))
                }
                guard crossings.count >= 2 else { continue }
                crossings.sort { $0.x < $1.x || ($0.x == $1.x && $0.winding < $1.winding) }
                var winding = 0
                for k in 0..<(crossings.count - 1) {
                    winding += crossings[k].winding
                    if winding != 0 {
                        addSpan(row: row, from: crossings[k].x, to: crossings[k + 1].x, weight: weight)
                    }
                }
            }
        }
    }

    /// Coverage at image pixel `(x, y)` (0 outside the mask).
    @inline(__always)
    public func coverage(x: Int, y: Int) -> Float {
        let mx = x - x0
        let my = y - y0
        guard mx >= 0 && my >= 0 && mx < width && my < height else { return 0 }
        return values[my * width + mx]
    }

    private mutating func addSpan(row: Int, from a: Float, to b: Float, weight: Float) {
        let lo = max(a - Float(x0), 0)
        let hi = min(b - Float(x0), Float(width))
        guard hi > lo else { return }
        let ia = Int(lo)
        let ib = Int(hi)
        let base = row * width
        if ia == ib {
            values[base + ia] += (hi - lo) * weight
            return
        }
        values[base + ia] += (Float(ia + 1) - lo) * weight
        if ia + 1 < ib {
            for i in (ia + 1)..<ib { values[base + i] += weight }
        }
        if ib < width { values[base + ib] += (hi - Float(ib)) * weight }
    }
}
