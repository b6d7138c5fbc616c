import Foundation

/// The per-tile work of a frame: visibility buffer, shading, blended pass, presentation.
struct TileStage: @unchecked Sendable {
    let context: FrameContext
    let grid: TileGrid
    let opaque: TriangleBinner
    let blended: TriangleBinner
    let workers: [WorkerScratch]
    let presenter: TilePresenter

    func run(tile: Int, worker: Int) {
        let scratch = workers[worker]
        let (tx, ty) = grid.origin(tile)
        let (w, h) = grid.extent(tile)
        let samples = context.pattern.count
        let t0 = DispatchTime.now().uptimeNanoseconds
        let opaqueRange = opaque.tileStarts[tile]..<opaque.tileStarts[tile + 1]
        let blendRange = blended.tileStarts[tile]..<blended.tileStarts[tile + 1]
        if opaqueRange.isEmpty && blendRange.isEmpty {
            for y in 0..<h { (scratch.colors + y * VisibilityTile.size).update(repeating: .zero, count: w) }
            let t1 = DispatchTime.now().uptimeNanoseconds
            presenter.present(scratch.colors, tileX: tx, tileY: ty, w: w, h: h)
            scratch.presentNanos += DispatchTime.now().uptimeNanoseconds - t1
            scratch.shadeNanos += t1 - t0
            return
        }
        let visibility = scratch.tile
        visibility.clear(samples: samples)
        let rasterizer = TileRasterizer(
            tile: visibility, pattern: context.pattern, scratch: scratch.sampleEdges,
            alphaTest: MaskAlphaTest(context: context))
        let tileX = Int32(tx)
        let tileY = Int32(ty)
        for i in opaqueRange {
            rasterizer.rasterize(opaque.record(opaque.bins[i]), tileX: tileX, tileY: tileY)
        }
        let t1 = DispatchTime.now().uptimeNanoseconds
        let shader = TileShader(context: context, tile: visibility, colors: scratch.colors, queue: scratch.queue)
        var shaded = shader.resolve(tileX: tx, tileY: ty, width: w, height: h)
        var rasterNanos = t1 - t0
        if !blendRange.isEmpty {
            let blender = TileBlender(context: context, colors: scratch.colors, masks: scratch.masks)
            for i in blendRange {
                let record = blended.record(blended.bins[i])
                let r0 = DispatchTime.now().uptimeNanoseconds
                rasterizer.rasterize(record, tileX: tileX, tileY: tileY, coverage: scratch.masks)
                rasterNanos += DispatchTime.now().uptimeNanoseconds - r0
                shaded += blender.composite(record, tileX: tx, tileY: ty)
            }
        }
        let t2 = DispatchTime.now().uptimeNanoseconds
        presenter.present(scratch.colors, tileX: tx, tileY: ty, w: w, h: h)
        let t3 = DispatchTime.now().uptimeNanoseconds
        scratch.rasterNanos += rasterNanos
        scratch.shadeNanos += (t2 - t1) - (rasterNanos - (t1 - t0))
        scratch.presentNanos += t3 - t2
        scratch.shaded += shaded
    }
}
