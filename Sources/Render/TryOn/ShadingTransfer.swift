/// Lights a garment with the photo's own light: where the body under the garment is shaded,
/// the garment darkens; where it is lit, the garment keeps its own colour.
///
/// The photo's luma is averaged over square cells under the garment (a quarter of each cell's
/// pixels is read: the result is blurred anyway), blurred with three box passes (about a
/// Gaussian of `shadingBlur` times the garment's size) to keep shading and drop texture, and
/// sampled at every mesh vertex. The "lit level" is a high percentile of those samples; each vertex gets
/// `shade = clamp(1 + strength * (L / lit - 1), minShade, 1)`, which the rasterizer
/// interpolates across each triangle (Gouraud). Working on sRGB values is consistent: a ratio
/// of gamma-encoded lumas applied to gamma-encoded colours is the same ratio in linear light,
/// up to the sRGB toe.
enum ShadingTransfer {

    /// Fills `mesh.shades` from the photo under the mesh.
    /// - Parameters:
    ///   - mesh: the warped mesh (positions in canvas pixels).
    ///   - photo: the canvas before this item is drawn.
    ///   - options: strength, floor, percentile and blur.
    ///   - category: scales the strength (`ItemCategory.shadingWeight`).
    static func apply(to mesh: inout WarpMesh, photo: CanvasView, options: TryOnOptions, category: ItemCategory) {
        let weight = options.shadingStrength * category.shadingWeight
        guard weight > 0,
            let box = mesh.pixelBounds(canvasWidth: photo.width, canvasHeight: photo.height)
        else { return }
        let extent = Double(max(box.maxX - box.minX, box.maxY - box.minY))
        let sigma = max(options.shadingBlur * extent, 2)
        // About 2.5 cells per sigma: three box passes of radius 2 then give the Gaussian.
        let cell = min(max(2 * Int((sigma / 5).rounded()), 2), 32)
        let radius = max(1, Int((sigma / Double(cell) - 0.5).rounded()))
        // The grid covers the box plus the blur's reach, inside the canvas.
        let pad = 3 * radius * cell
        let x0 = max(0, box.minX - pad)
        let y0 = max(0, box.minY - pad)
        let x1 = min(photo.width, box.maxX + pad)
        let y1 = min(photo.height, box.maxY + pad)
        var grid = LumaGrid(photo: photo, x0: x0, y0: y0, x1: x1, y1: y1, cell: cell)
        for _ in 0..<3 { grid.boxBlur(radius: radius) }

        // Luma at the vertices the triangles use.
        var used = [Bool](repeating: false, count: mesh.positions.count)
        for t in mesh.triangles {
            used[Int(t.x)] = true
            used[Int(t.y)] = true
            used[Int(t.z)] = true
        }
        var samples: [Float] = []
        var luma = [Float](repeating: 0, count: mesh.positions.count)
        for (i, p) in mesh.positions.enumerated() where used[i] {
            luma[i] = grid.sample(x: p.x, y: p.y)
            samples.append(luma[i])
        }
        guard !samples.isEmpty else { return }
        samples.sort()
        let rank = min(samples.count - 1, Int(Double(samples.count - 1) * options.shadingPercentile))
        let lit = max(samples[rank], 8)
        let strength = Float(weight)
        let floor = Float(options.minShade)
        for i in 0..<luma.count where used[i] {
            let ratio = luma[i] / lit
            mesh.shades[i] = min(max(1 + strength * (ratio - 1), floor), 1)
        }
    }
}
