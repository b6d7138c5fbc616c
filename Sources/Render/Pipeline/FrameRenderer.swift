import Foundation

/// Renders one frame: the stages in order, each spread over the worker pool.
///
/// 1. setup: camera, materials of the variant, vertex transform (parallel over vertex blocks);
/// 2. bin: triangle setup and binning of the opaque pass (draw order) and of the blended pass
///    (back to front), parallel over triangle chunks;
/// 3. tiles (parallel over 64x64 tiles): visibility buffer, shading, blended pass and
///    presentation of each tile straight into the output image.
///
/// Every parallel step writes only its own slots and merges in a fixed order, so the bytes do
/// not depend on the thread count.
struct FrameRenderer {
    let scene: PreparedScene
    let environment: Environment
    let options: RenderOptions
    let pool: WorkerPool
    let scratch: RendererScratch

    /// Vertices per vertex-stage task.
    static let vertexBlock = 8192

    func render() throws -> Frame {
        let start = DispatchTime.now().uptimeNanoseconds
        var timings = FrameTimings()
        var statistics = FrameStatistics()
        let sceneIndex = options.sceneIndex ?? scene.defaultScene
        guard scene.roots.indices.contains(sceneIndex) else {
            throw RenderError.sceneIndexOutOfRange(sceneIndex, count: scene.sceneCount)
        }
        guard let pattern = SamplePattern(count: options.samples) else {
            throw RenderError.unsupportedSampleCount(options.samples, supported: SamplePattern.supportedCounts)
        }
        let variant = try scene.variantIndex(options.variant)
        let camera = try FrameCamera.resolve(options, scene: scene, sceneIndex: sceneIndex)
        let roots = scene.roots[sceneIndex]
        let mapping = ScreenMapping(width: options.width, height: options.height)

        // Materials of this frame's variant, per batch.
        var batchMaterial = [Int32](repeating: 0, count: scene.batches.count)
        var batchAttributes = [AttributeSet](repeating: [], count: scene.batches.count)
        for b in roots.batches {
            batchMaterial[b] = Int32(scene.materialIndex(batch: b, variant: variant))
            batchAttributes[b] = scene.batches[b].attributes
        }

        // Vertex stage.
        let firstVertex = roots.batches.isEmpty ? 0 : scene.batches[roots.batches.lowerBound].firstVertex
        let endVertex =
            roots.batches.isEmpty
            ? 0
            : scene.batches[roots.batches.upperBound - 1].firstVertex
                + scene.batches[roots.batches.upperBound - 1].vertexCount
        scratch.reserveVertices(scene.geometry.positions.count)
        let vertexStage = VertexStage(
            positions: scene.geometry.view.positions, output: scratch.vertices.baseAddress!,
            viewProjection: camera.viewProjection, mapping: mapping, first: firstVertex, end: endVertex)
        pool.parallelFor((endVertex - firstVertex + Self.vertexBlock - 1) / Self.vertexBlock) { block, _ in
            vertexStage.run(block: block, size: Self.vertexBlock)
        }
        let afterSetup = DispatchTime.now().uptimeNanoseconds
        timings.setup = Double(afterSetup - start) / 1e6

        // Binning: opaque and masked in draw order, blended back to front.
        var opaque: [DrawRange] = []
        var blended: [UInt32] = []
        for b in roots.batches {
            let batch = scene.batches[b]
            let state = scene.rasterStates[Int(batchMaterial[b])]
            statistics.triangles += batch.triangleCount
            if state.alphaMode == .blend {
                blended.append(contentsOf: (0..<UInt32(batch.triangleCount)).map { UInt32(batch.firstTriangle) + $0 })
            } else {
                opaque.append(
                    DrawRange(
                        first: UInt32(batch.firstTriangle), count: UInt32(batch.triangleCount),
                        doubleSided: state.doubleSided, flags: state.rasterFlags))
            }
        }
        let geometry = scene.geometry.view
        let blendRanges = BlendOrder.ranges(
            blended, geometry: geometry, view: camera.view, batchMaterial: batchMaterial, states: scene.rasterStates)
        let setup = TriangleSetup(width: options.width, height: options.height, pattern: pattern)
        let grid = TileGrid(width: options.width, height: options.height)
        let vertices = UnsafePointer(scratch.vertices.baseAddress!)
        scratch.opaqueBinner.bin(
            BinningJob(
                vertices: vertices, indices: geometry.indices, ranges: opaque, grid: grid, setup: setup,
                mapping: mapping),
            pool: pool)
        scratch.blendBinner.bin(
            BinningJob(
                vertices: vertices, indices: geometry.indices, ranges: blendRanges, grid: grid, setup: setup,
                mapping: mapping),
            pool: pool)
        statistics.rasterTriangles = scratch.opaqueBinner.recordCount + scratch.blendBinner.recordCount
        let afterBin = DispatchTime.now().uptimeNanoseconds
        timings.bin = Double(afterBin - afterSetup) / 1e6

        // Tiles.
        var pixels = [UInt8](repeating: 0, count: options.width * options.height * 4)
        try batchMaterial.withUnsafeBufferPointer { materialsPerBatch in
            try batchAttributes.withUnsafeBufferPointer { attributesPerBatch in
                try scene.preparedMaterials.map(Unmanaged.passUnretained).withUnsafeBufferPointer { materials in
                    try scene.rasterStates.withUnsafeBufferPointer { states in
                        var sx = SIMD8<Float>.zero
                        var sy = SIMD8<Float>.zero
                        for s in 0..<pattern.count {
                            sx[s] = pattern.offset(s).x
                            sy[s] = pattern.offset(s).y
                        }
                        let perspective = camera.projection.c3.w == 0
                        let back = SIMD3(camera.view.c0.z, camera.view.c1.z, camera.view.c2.z)
                        let context = FrameContext(
                            geometry: geometry, vertices: vertices, batchMaterial: materialsPerBatch.baseAddress!,
                            batchAttributes: attributesPerBatch.baseAddress!, materials: materials.baseAddress!,
                            rasterStates: states.baseAddress!, pattern: pattern, sampleX: sx, sampleY: sy,
                            pixelToNDC: SIMD2(2 / Float(options.width), 2 / Float(options.height)),
                            shading: options.shading, filterOverride: options.textureFilterOverride,
                            shader: SurfaceShader(environment: environment, keyLight: options.keyLight),
                            eye: camera.eye, towardCamera: normalize(back), perspective: perspective)
                        try pixels.withUnsafeMutableBufferPointer { out in
                            let presenter = try presenter(
                                camera: camera, sceneIndex: sceneIndex, output: out.baseAddress!)
                            let tiles = TileStage(
                                context: context, grid: grid, opaque: scratch.opaqueBinner,
                                blended: scratch.blendBinner,
                                workers: scratch.workers, presenter: presenter)
                            for w in scratch.workers { w.prepare(samples: pattern.count, materials: materials.count) }
                            pool.parallelFor(grid.tileCount) { tile, worker in tiles.run(tile: tile, worker: worker) }
                        }
                    }
                }
            }
        }
        let end = DispatchTime.now().uptimeNanoseconds
        let raster = scratch.workers.reduce(0) { $0 + $1.rasterNanos }
        let shade = scratch.workers.reduce(0) { $0 + $1.shadeNanos }
        let present = scratch.workers.reduce(0) { $0 + $1.presentNanos }
        statistics.shadedSamples = scratch.workers.reduce(0) { $0 + $1.shaded }
        let tileWall = Double(end - afterBin) / 1e6
        let busy = Double(max(raster + shade + present, 1))
        timings.raster = tileWall * Double(raster) / busy
        timings.shade = tileWall * Double(shade) / busy
        timings.present = tileWall * Double(present) / busy
        timings.total = Double(end - start) / 1e6
        let image = RGBA8Image(width: options.width, height: options.height, pixels: pixels)
        return Frame(image: image, timings: timings, statistics: statistics)
    }

    /// The presenter for the options' shading mode, background and shadow.
    func presenter(camera: FrameCamera, sceneIndex: Int, output: UnsafeMutablePointer<UInt8>) throws -> TilePresenter {
        guard options.exposure.isFinite else {
            throw RenderError.invalidOption(name: "exposure", reason: "must be a finite number")
        }
        let toneMapper = ToneMapper(mode: options.toneMapping, exposure: options.exposure)
        guard options.shading == .pbr else {
            return TilePresenter(
                mode: .unlitReference, toneMapper: toneMapper, background: .transparent, shadow: nil, output: output,
                width: options.width)
        }
        let background: TilePresenter.Layer
        switch options.background {
        case .transparent: background = .transparent
        case .color(let c):
            guard c.x.isFinite, c.y.isFinite, c.z.isFinite, c.w.isFinite else {
                throw RenderError.invalidOption(name: "background colour", reason: "components must be finite")
            }
            let clamped = c.clamped(lowerBound: .zero, upperBound: SIMD4(repeating: 1))
            func linear(_ v: Float) -> Float { Float(SRGB.decodeExact(Double(v) * 255)) }
            background = .color(SIMD4(linear(clamped.x), linear(clamped.y), linear(clamped.z), clamped.w))
        case .environment:
            guard let rays = PixelRays(camera: camera) else {
                throw RenderError.invalidCamera(reason: "the view-projection matrix is singular")
            }
            background = .environment(environment.view, rays)
        }
        var shadow: TilePresenter.Shadow?
        if options.shadow, let map = scene.contactShadow(sceneIndex: sceneIndex),
            let floor = FloorProjection(camera: camera, floorY: map.floorY)
        {
            shadow = TilePresenter.Shadow(
                map: map, floor: floor, strength: TilePresenter.shadowStrength,
                bounds: PixelBounds.projecting(map.footprint, camera: camera))
        }
        return TilePresenter(
            mode: .lit, toneMapper: toneMapper, background: background, shadow: shadow, output: output,
            width: options.width)
    }
}

/// The vertex stage: clip-space and snapped window positions of a block of vertices.
struct VertexStage: @unchecked Sendable {
    let positions: UnsafePointer<SIMD3<Float>>
    let output: UnsafeMutablePointer<ScreenVertex>
    let viewProjection: Matrix4
    let mapping: ScreenMapping
    let first: Int
    let end: Int

    func run(block: Int, size: Int) {
        let lo = first + block * size
        let hi = min(lo + size, end)
        let m = viewProjection
        for v in lo..<hi {
            output[v] = mapping.project(m.transformPoint(positions[v]))
        }
    }
}
