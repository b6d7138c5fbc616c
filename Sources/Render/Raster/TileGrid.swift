/// The image cut into 64x64 tiles, row after row.
struct TileGrid: Sendable {
    /// Image size in pixels.
    let width: Int
    let height: Int
    /// Tiles across and down.
    let tilesX: Int
    let tilesY: Int

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        tilesX = (width + VisibilityTile.size - 1) / VisibilityTile.size
        tilesY = (height + VisibilityTile.size - 1) / VisibilityTile.size
    }

    /// Number of tiles.
    var tileCount: Int { tilesX * tilesY }

    /// Top-left pixel of tile `t`.
    func origin(_ t: Int) -> (x: Int, y: Int) {
        ((t % tilesX) * VisibilityTile.size, (t / tilesX) * VisibilityTile.size)
    }

    /// Pixel size of tile `t` (smaller at the right and bottom image edges).
    func extent(_ t: Int) -> (width: Int, height: Int) {
        let o = origin(t)
        return (min(VisibilityTile.size, width - o.x), min(VisibilityTile.size, height - o.y))
    }

    /// Calls `body` with every tile the record may cover: the tiles of its pixel bounds, less
    /// those a triangle edge separates from all of the tile's sample positions (a conservative
    /// test at the tile corner that maximises each edge function).
    @inline(__always)
    func forEachTile(_ r: RasterTriangle, setup: TriangleSetup, _ body: (Int) -> Void) {
        let shift = 6  // log2(VisibilityTile.size)
        let tx0 = Int(r.minX) >> shift
        let tx1 = Int(r.maxX) >> shift
        let ty0 = Int(r.minY) >> shift
        let ty1 = Int(r.maxY) >> shift
        if tx0 == tx1 && ty0 == ty1 {
            body(ty0 * tilesX + tx0)
            return
        }
        for ty in ty0...ty1 {
            let py0 = max(Int32(ty << shift), Int32(r.minY))
            let py1 = min(Int32((ty << shift) + VisibilityTile.size - 1), Int32(r.maxY))
            let yLo = Int64(py0) * 256 + Int64(setup.sampleMinY)
            let yHi = Int64(py1) * 256 + Int64(setup.sampleMaxY)
            for tx in tx0...tx1 {
                let px0 = max(Int32(tx << shift), Int32(r.minX))
                let px1 = min(Int32((tx << shift) + VisibilityTile.size - 1), Int32(r.maxX))
                let xLo = Int64(px0) * 256 + Int64(setup.sampleMinX)
                let xHi = Int64(px1) * 256 + Int64(setup.sampleMaxX)
                if Self.edgeReaches(r.x0, r.y0, r.x1, r.y1, topLeft: r.topLeft & 1 != 0, xLo, xHi, yLo, yHi)
                    && Self.edgeReaches(r.x1, r.y1, r.x2, r.y2, topLeft: r.topLeft & 2 != 0, xLo, xHi, yLo, yHi)
                    && Self.edgeReaches(r.x2, r.y2, r.x0, r.y0, topLeft: r.topLeft & 4 != 0, xLo, xHi, yLo, yHi)
                {
                    body(ty * tilesX + tx)
                }
            }
        }
    }

    /// Whether some point of the rectangle is on the inner side of edge `a -> b`.
    @inline(__always)
    static func edgeReaches(
        _ ax: Int32, _ ay: Int32, _ bx: Int32, _ by: Int32, topLeft: Bool, _ xLo: Int64, _ xHi: Int64,
        _ yLo: Int64, _ yHi: Int64
    ) -> Bool {
        let a = Int64(ay - by)
        let b = Int64(bx - ax)
        let x = a > 0 ? xHi : xLo
        let y = b > 0 ? yHi : yLo
        let e = a * (x - Int64(ax)) + b * (y - Int64(ay)) - (topLeft ? 0 : 1)
        return e >= 0
    }
}
