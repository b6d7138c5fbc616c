/// The try-on entry point: puts catalogue items onto a shopper's photo.
///
/// ```swift
/// let renderer = TryOnRenderer(catalogue: try ItemCatalogue(directory: garmentsFolder))
/// let result = try renderer.compose(photo: photoBytes, keypoints: keypointBytes, items: ["tee-stripes"])
/// // result.encoded: JPEG bytes at the photo's size, no metadata; result.warnings: estimates made
/// ```
///
/// Photos are private: the bytes are decoded in memory, never written, cached or logged, and
/// the output is encoded from pixels only (no EXIF, GPS or other metadata from the input).
/// One call runs on the calling thread; calls are independent and may run concurrently.
public struct TryOnRenderer: Sendable {
    /// The items requests may name.
    public let catalogue: ItemCatalogue
    /// Draws the 3D accessories (one thread per frame; concurrent calls take it in turn).
    let modelRenderer: Renderer
    /// The light of the 3D accessories.
    let environment: Environment

    /// A renderer over a catalogue.
    /// - Parameters:
    ///   - catalogue: the items.
    ///   - modelRenderer: the 3D renderer for accessories (default: a new one-thread renderer).
    ///   - environment: their image-based light (default: the studio).
    public init(catalogue: ItemCatalogue, modelRenderer: Renderer? = nil, environment: Environment? = nil) {
        self.catalogue = catalogue
        self.modelRenderer = modelRenderer ?? Renderer(threads: 1)
        self.environment = environment ?? Environment.studio()
    }

    /// Decodes the photo, draws the items and encodes the result.
    ///
    /// Cheap checks come first (options, item ids, keypoints), so a bad request fails before
    /// the photo is decoded.
    /// - Parameters:
    ///   - photo: PNG or JPEG bytes (EXIF orientation applied).
    ///   - keypoints: keypoints JSON bytes (see `PoseKeypoints.parse`).
    ///   - items: item ids, drawn clothes first, then glasses, then hats (the given order
    ///     within a category).
    ///   - mask: an optional occlusion mask (PNG/JPEG, the photo's aspect ratio): where it is
    ///     white (or opaque, if it has transparency) the photo stays in front of every item.
    ///   - options: output and look.
    /// - Returns: the composite, its encoded bytes and any warnings.
    /// - Throws: `TryOnError` (bad photo, keypoints, item id, mask or option).
    public func compose(
        photo: [UInt8], keypoints: [UInt8], items: [String], mask: [UInt8]? = nil,
        options: TryOnOptions = TryOnOptions()
    ) throws -> TryOnResult {
        var clock = TryOnTimings.Stopwatch()
        try options.validate()
        let resolved = try lookUp(items)
        let pose = try PoseKeypoints.parse(keypoints, limits: options.keypointLimits)
        let image = try TryOnImageIO.decode(photo, maxPixels: options.maxPixels, role: .photo)
        let maskImage = try mask.map { try TryOnImageIO.decode($0, maxPixels: options.maxPixels, role: .mask) }
        var timings = TryOnTimings()
        timings.decode = clock.lap()
        let composite = try draw(
            photo: image, keypoints: pose, items: resolved, mask: maskImage, options: options, timings: &timings)
        clock.lap()
        let encoded = try TryOnImageIO.encode(composite.image, format: options.format, quality: options.quality)
        timings.encode = clock.lap()
        return TryOnResult(
            image: composite.image, encoded: encoded, format: options.format, warnings: composite.warnings,
            timings: timings)
    }

    /// Draws the items onto an already decoded photo (no encoding).
    /// - Parameters:
    ///   - photo: straight-alpha RGBA8.
    ///   - keypoints: parsed keypoints for this photo (or a resized copy of it).
    ///   - items: item ids (see `compose(photo:keypoints:items:mask:options:)`).
    ///   - mask: optional occlusion mask image.
    ///   - options: look and output size (`format`/`quality` are ignored).
    /// - Returns: the composite image, warnings and stage timings.
    /// - Throws: `TryOnError`.
    public func composite(
        photo: RGBA8Image, keypoints: PoseKeypoints, items: [String], mask: RGBA8Image? = nil,
        options: TryOnOptions = TryOnOptions()
    ) throws -> TryOnComposite {
        try options.validate()
        var timings = TryOnTimings()
        return try draw(
            photo: photo, keypoints: keypoints, items: try lookUp(items), mask: mask, options: options,
            timings: &timings)
    }

    // MARK: - Steps

    func lookUp(_ ids: [String]) throws -> [ItemCatalogue.Entry] {
        guard !ids.isEmpty else { throw TryOnError.invalidOption(name: "items", reason: "name at least one item") }
        guard ids.count <= 16 else { throw TryOnError.invalidOption(name: "items", reason: "at most 16 items") }
        let items = try ids.map { try catalogue.entry($0) }
        // By layer (dress 10, top 20, glasses 30, hat 40 unless the item says), then as given.
        return items.enumerated().sorted {
            ($0.element.layer, $0.offset) < ($1.element.layer, $1.offset)
        }
        .map(\.element)
    }

    func outputSize(photo: RGBA8Image, options: TryOnOptions) throws -> (width: Int, height: Int)? {
        guard options.maxOutputWidth != nil || options.maxOutputHeight != nil else { return nil }
        let boxW = Double(options.maxOutputWidth ?? Int.max)
        let boxH = Double(options.maxOutputHeight ?? Int.max)
        let scale = min(boxW / Double(photo.width), boxH / Double(photo.height))
        let width = max(1, Int((Double(photo.width) * scale).rounded()))
        let height = max(1, Int((Double(photo.height) * scale).rounded()))
        guard width.multipliedReportingOverflow(by: height).partialValue <= options.maxPixels,
            width <= WarpMeshDrawer.maxCanvasSide,
            height <= WarpMeshDrawer.maxCanvasSide
        else {
            throw TryOnError.photoTooLarge(width: width, height: height, maxPixels: options.maxPixels)
        }
        return width == photo.width && height == photo.height ? nil : (width, height)
    }
}

/// The outcome of `TryOnRenderer.composite`: the picture before encoding.
public struct TryOnComposite: Sendable {
    /// The composite, straight-alpha RGBA8 at the output size.
    public var image: RGBA8Image
    /// Estimates made and other concerns (never photo content).
    public var warnings: [String]
    /// Time spent per stage.
    public var timings: TryOnTimings
}

/// The outcome of `TryOnRenderer.compose`.
public struct TryOnResult: Sendable {
    /// The composite, straight-alpha RGBA8 at the output size.
    public var image: RGBA8Image
    /// `image` encoded as `format`, with no metadata.
    public var encoded: [UInt8]
    /// The encoding of `encoded`.
    public var format: TryOnOptions.OutputFormat
    /// Estimates made and other concerns (never photo content).
    public var warnings: [String]
    /// Time spent per stage.
    public var timings: TryOnTimings
}

extension Optional where Wrapped == [UInt8] {
    /// Calls `body` with a pointer to the bytes, or `nil`.
    func withOptionalPointer<R>(_ body: (UnsafePointer<UInt8>?) throws -> R) rethrows -> R {
        switch self {
        case .some(let bytes): return try bytes.withUnsafeBufferPointer { try body($0.baseAddress) }
        case .none: return try body(nil)
        }
    }
}
