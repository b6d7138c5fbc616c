@testable import Render

/// The scalar reference version of ``TileRasterizer``: the same fill rule, depth formula and
/// depth test, one sample at a time with 64-bit edge functions. Tests assert that the SIMD
/// kernel writes identical depth and ids.
struct ScalarRasterizer {
    var depth: [Float]
    var ids: [UInt32]
    let pattern: SamplePattern

    init(pattern: SamplePattern) {
        self.pattern = pattern
        depth = [Float](repeating: VisibilityTile.clearDepth, count: pattern.count * VisibilityTile.planeSize)
        ids = [UInt32](repeating: VisibilityTile.empty, count: pattern.count * VisibilityTile.planeSize)
    }

    /// Whether sample `s` of pixel (`x`, `y`) (image coordinates) is inside `t`.
    static func covers(_ t: RasterTriangle, x: Int, y: Int, sx16: Int32, sy16: Int32) -> Bool {
        let px = Int64(x) * 256 + Int64(sx16) * 16
        let py = Int64(y) * 256 + Int64(sy16) * 16
        let v = [(t.x0, t.y0), (t.x1, t.y1), (t.x2, t.y2)]
        for e in 0..<3 {
            let a = v[e]
            let b = v[(e + 1) % 3]
            let edgeA = Int64(a.1) - Int64(b.1)
            let edgeB = Int64(b.0) - Int64(a.0)
            let value = edgeA * (px - Int64(a.0)) + edgeB * (py - Int64(a.1))
            let topLeft = t.topLeft & (1 << e) != 0
            if value < 0 || (value == 0 && !topLeft) { return false }
        }
        return true
    }

    mutating func rasterize(_ t: RasterTriangle, tileX: Int, tileY: Int) {
        let last = VisibilityTile.size - 1
        for y in stride(from: max(Int(t.minY), tileY), through: min(Int(t.maxY), tileY + last), by: 1) {
            for x in stride(from: max(Int(t.minX), tileX), through: min(Int(t.maxX), tileX + last), by: 1) {
                for s in 0..<pattern.count {
                    let sx = pattern.x16[s]
                    let sy = pattern.y16[s]
                    guard Self.covers(t, x: x, y: y, sx16: sx, sy16: sy) else { continue }
                    let dx = Float(Int64(x) * 256 + Int64(sx) * 16 - Int64(t.x0)) / 256
                    let dy = Float(Int64(y) * 256 + Int64(sy) * 16 - Int64(t.y0)) / 256
                    let z = (t.z0 + t.dzdx * dx) + t.dzdy * dy
                    let i = s * VisibilityTile.planeSize + (y - tileY) * VisibilityTile.size + (x - tileX)
                    if z < depth[i] {
                        depth[i] = z
                        ids[i] = t.triangle
                    }
                }
            }
        }
    }
}
