extension TryOnRenderer {
    /// Maps the keypoints, resizes if asked, fits every item, reads the shading from the
    /// untouched photo, then draws the items in order.
    func draw(
        photo: consuming RGBA8Image, keypoints: PoseKeypoints, items entries: [ItemCatalogue.Entry], mask: RGBA8Image?,
        options: TryOnOptions, timings: inout TryOnTimings
    ) throws -> TryOnComposite {
        var clock = TryOnTimings.Stopwatch()
        guard photo.width > 0, photo.height > 0 else { throw TryOnError.invalidPhoto(reason: "the photo is empty") }
        let pixels = photo.width.multipliedReportingOverflow(by: photo.height)
        guard !pixels.overflow, pixels.partialValue <= options.maxPixels,
            max(photo.width, photo.height) <= WarpMeshDrawer.maxCanvasSide
        else {
            throw TryOnError.photoTooLarge(width: photo.width, height: photo.height, maxPixels: options.maxPixels)
        }
        var body = try BodyModel(
            keypoints, person: options.person, photoWidth: photo.width, photoHeight: photo.height,
            scoreThreshold: options.scoreThreshold)

        // Output size: fit inside the requested box, aspect ratio kept.
        var canvas = photo
        if let size = try outputSize(photo: canvas, options: options) {
            canvas = PhotoResampler.resize(canvas, width: size.width, height: size.height)
            body = body.scaled(toWidth: size.width, height: size.height)
        }
        let maskPlane = try mask.map { try OcclusionMask.plane($0, width: canvas.width, height: canvas.height) }
        timings.resize = clock.lap()

        var warnings = body.warnings
        // Flat items are warped meshes, 3D accessories posed heads; both in layer order.
        enum Placed {
            case mesh(TryOnItem, WarpMesh)
            case model(Accessory3D, HeadPose)
        }
        var placed: [Placed] = []
        let width = canvas.width
        let height = canvas.height
        try canvas.pixels.withUnsafeMutableBytes { raw in
            let view = CanvasView(
                pixels: raw.baseAddress!.assumingMemoryBound(to: UInt32.self), width: width, height: height)
            for entry in entries {
                switch entry {
                case .item(let item):
                    let resolved = try body.resolve(
                        item.anchors.keys.sorted(), item: item.id, estimate: options.estimateMissing)
                    for w in resolved.warnings where !warnings.contains(w) { warnings.append(w) }
                    let warp = try AnchorWarp(item: item, body: resolved, lambda: options.lambda)
                    placed.append(
                        .mesh(item, WarpMesh(item: item, warp: warp, canvasWidth: width, canvasHeight: height)))
                case .accessory(let accessory):
                    placed.append(.model(accessory, try HeadPose(body: body, item: accessory.id)))
                }
            }
            timings.fit = clock.lap()
            for i in placed.indices {
                guard case .mesh(let item, var mesh) = placed[i] else { continue }
                ShadingTransfer.apply(to: &mesh, photo: view, options: options, category: item.category)
                placed[i] = .mesh(item, mesh)
            }
            timings.shading = clock.lap()
            for entry in placed {
                try maskPlane.withOptionalPointer { mask in
                    switch entry {
                    case .mesh(let item, let mesh):
                        options.shadow?.apply(mesh: mesh, texture: item.texture, canvas: view)
                        WarpMeshDrawer.draw(
                            mesh, texture: item.texture, feathered: options.feather, into: view, mask: mask)
                    case .model(let accessory, let pose):
                        try accessory.draw(
                            pose: pose, into: view, mask: mask, renderer: modelRenderer, environment: environment)
                    }
                }
            }
            timings.draw = clock.lap()
        }
        return TryOnComposite(image: canvas, warnings: warnings, timings: timings)
    }
}
