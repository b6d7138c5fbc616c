import Foundation

/// A soft contact shadow on the floor under a product: how much each point of the floor
/// plane `y = bounds.min.y` is darkened, computed once per prepared scene and reused by every
/// frame (it does not depend on the camera).
///
/// Like model-viewer's contact shadow: the product is rendered from below with an orthographic
/// projection onto the floor into a small height map (for each texel, the height of the lowest
/// surface above it), each height becomes an occlusion `(1 - h / H)^2` that fades out at
/// `H = 0.5 R` (R = half the bounding-box diagonal), and the map is blurred with three box
/// passes (close to a Gaussian) of radius `0.06 R`. The computation is serial and
/// deterministic.
struct ContactShadow: Sendable {
    /// Floor height (world y).
    let floorY: Float
    /// World x and z of texel (0, 0)'s corner and the texel size.
    let originX: Float
    let originZ: Float
    let texelSize: Float
    /// Map size in texels.
    let width: Int
    let height: Int
    /// Occlusion per texel, 0...1, row-major (z rows).
    let occlusion: [Float]

    /// Texels along the longer side of the footprint.
    static let resolution = 160

    /// Builds the shadow of the triangles of `batches`.
    init(geometry: GeometryView, batches: [DrawBatch], bounds: BoundingBox) {
        let radius = max(bounds.radius, 1e-6)
        let spread = 0.06 * radius
        let fade = 0.5 * radius
        let margin = 4 * spread
        floorY = bounds.min.y
        let sizeX = bounds.max.x - bounds.min.x + 2 * margin
        let sizeZ = bounds.max.z - bounds.min.z + 2 * margin
        texelSize = max(sizeX, sizeZ) / Float(Self.resolution)
        width = max(1, Int((sizeX / texelSize).rounded(.up)))
        height = max(1, Int((sizeZ / texelSize).rounded(.up)))
        originX = bounds.min.x - margin
        originZ = bounds.min.z - margin
        var heights = [Float](repeating: .infinity, count: width * height)
        let grid = Grid(originX: originX, originZ: originZ, texelSize: texelSize, width: width, height: height)
        for batch in batches {
            for t in batch.firstTriangle..<(batch.firstTriangle + batch.triangleCount) {
                let p0 = geometry.positions[Int(geometry.indices[3 * t])]
                let p1 = geometry.positions[Int(geometry.indices[3 * t + 1])]
                let p2 = geometry.positions[Int(geometry.indices[3 * t + 2])]
                Self.splat(p0, p1, p2, into: &heights, grid: grid)
            }
        }
        var occ = heights.map { h -> Float in
            guard h.isFinite else { return 0 }
            let x = max(0, 1 - max(h - bounds.min.y, 0) / fade)
            return x * x
        }
        let r = max(1, Int((spread / texelSize).rounded()))
        for _ in 0..<3 {
            occ = Self.boxBlur(occ, width: width, height: height, radius: r, horizontal: true)
            occ = Self.boxBlur(occ, width: width, height: height, radius: r, horizontal: false)
        }
        occlusion = occ
    }

    /// Writes the lowest height of a triangle into the texels whose centres it covers (seen
    /// from below, projected straight down onto the floor).
    private static func splat(
        _ p0: SIMD3<Float>, _ p1: SIMD3<Float>, _ p2: SIMD3<Float>, into heights: inout [Float], grid: Grid
    ) {
        let inv = 1 / grid.texelSize
        let a = SIMD2((p0.x - grid.originX) * inv, (p0.z - grid.originZ) * inv)
        let b = SIMD2((p1.x - grid.originX) * inv, (p1.z - grid.originZ) * inv)
        let c = SIMD2((p2.x - grid.originX) * inv, (p2.z - grid.originZ) * inv)
        let area = (b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)
        let x0 = max(0, Int((min(a.x, b.x, c.x) - 0.5).rounded(.up)))
        let x1 = min(grid.width - 1, Int((max(a.x, b.x, c.x) - 0.5).rounded(.down)))
        let y0 = max(0, Int((min(a.y, b.y, c.y) - 0.5).rounded(.up)))
        let y1 = min(grid.height - 1, Int((max(a.y, b.y, c.y) - 0.5).rounded(.down)))
        if abs(area) < 1e-12 || x0 > x1 || y0 > y1 {
            // Vertical or sub-texel triangle: its lowest vertex marks the nearest texel.
            var low = p0
            if p1.y < low.y { low = p1 }
            if p2.y < low.y { low = p2 }
            let tx = Int(((low.x - grid.originX) * inv).rounded(.down))
            let tz = Int(((low.z - grid.originZ) * inv).rounded(.down))
            if tx >= 0, tx < grid.width, tz >= 0, tz < grid.height {
                heights[tz * grid.width + tx] = min(heights[tz * grid.width + tx], low.y)
            }
            return
        }
        let invArea = 1 / area
        for ty in y0...y1 {
            for tx in x0...x1 {
                let p = SIMD2(Float(tx) + 0.5, Float(ty) + 0.5)
                let w0 = ((b.x - p.x) * (c.y - p.y) - (c.x - p.x) * (b.y - p.y)) * invArea
                let w1 = ((c.x - p.x) * (a.y - p.y) - (a.x - p.x) * (c.y - p.y)) * invArea
                let w2 = 1 - w0 - w1
                guard w0 >= 0, w1 >= 0, w2 >= 0 else { continue }
                let y = w0 * p0.y + w1 * p1.y + w2 * p2.y
                let i = ty * grid.width + tx
                if y < heights[i] { heights[i] = y }
            }
        }
    }

    /// One box-blur pass (clamped at the borders).
    private static func boxBlur(_ v: [Float], width: Int, height: Int, radius: Int, horizontal: Bool) -> [Float] {
        var out = [Float](repeating: 0, count: v.count)
        let n = horizontal ? width : height
        let lines = horizontal ? height : width
        let scale = 1 / Float(2 * radius + 1)
        for line in 0..<lines {
            func at(_ i: Int) -> Float {
                let k = min(max(i, 0), n - 1)
                return horizontal ? v[line * width + k] : v[k * width + line]
            }
            var sum: Float = 0
            for i in -radius...radius { sum += at(i) }
            for i in 0..<n {
                let o = horizontal ? line * width + i : i * width + line
                out[o] = sum * scale
                sum += at(i + radius + 1) - at(i - radius)
            }
        }
        return out
    }

    /// The four floor corners of the map (world space).
    var footprint: [SIMD3<Float>] {
        let x1 = originX + Float(width) * texelSize
        let z1 = originZ + Float(height) * texelSize
        return [
            SIMD3(originX, floorY, originZ), SIMD3(x1, floorY, originZ), SIMD3(originX, floorY, z1),
            SIMD3(x1, floorY, z1),
        ]
    }

    /// The map's placement, for the splatting pass.
    private struct Grid {
        let originX: Float
        let originZ: Float
        let texelSize: Float
        let width: Int
        let height: Int
    }

    /// Occlusion at world point (`x`, `z`) of the floor, bilinear, 0 outside the map.
    @inline(__always)
    func occlusion(x: Float, z: Float) -> Float {
        let u = (x - originX) / texelSize - 0.5
        let v = (z - originZ) / texelSize - 0.5
        // Zero outside the footprint, so that pixels the footprint cannot reach may skip this.
        guard u >= -0.5, v >= -0.5, u <= Float(width) - 0.5, v <= Float(height) - 0.5 else { return 0 }
        let fu = u.rounded(.down)
        let fv = v.rounded(.down)
        let i = Int(fu)
        let j = Int(fv)
        let du = u - fu
        let dv = v - fv
        func at(_ x: Int, _ y: Int) -> Float {
            guard x >= 0, y >= 0, x < width, y < height else { return 0 }
            return occlusion[y * width + x]
        }
        let top = at(i, j) * (1 - du) + at(i + 1, j) * du
        let bottom = at(i, j + 1) * (1 - du) + at(i + 1, j + 1) * du
        return top * (1 - dv) + bottom * dv
    }
}
