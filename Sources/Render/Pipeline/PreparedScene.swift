import Foundation

/// A scene ready to render, built once per asset and shared by every frame and thread:
/// world-space geometry of every mesh instance (normals, generated tangents, UVs, colours),
/// materials with their prepared textures, bounds and cameras per glTF scene, and the variants.
///
/// Source images are decoded into mip-mapped textures here and then dropped; only the
/// prepared texels stay. Immutable after `init`, hence `Sendable`.
///
/// ```swift
/// let scene = try SceneLoader.load(contentsOf: url)
/// let prepared = try PreparedScene(scene: scene)
/// let frame = try renderer.render(prepared, options: RenderOptions())
/// ```
public final class PreparedScene: @unchecked Sendable {
    /// File the scene came from, for messages.
    public let source: String
    /// `KHR_materials_variants` names, in file order.
    public let variants: [String]
    /// Import warnings plus what preparation could not support (named, never silent).
    public let warnings: [SceneWarning]
    /// Number of glTF scenes.
    public let sceneCount: Int
    /// The scene drawn when ``RenderOptions/sceneIndex`` is `nil`.
    public let defaultScene: Int

    let geometry: SceneGeometry
    let batches: [DrawBatch]
    /// Per glTF scene: its batches (a contiguous range), bounds and camera nodes.
    let roots: [PreparedRoots]
    /// Scene materials, then the glTF default material at index `materials.count - 1`.
    let materials: [Material]
    /// Raster state per entry of ``materials``.
    let rasterStates: [MaterialRasterState]
    /// Prepared materials (textures with mip chains) per entry of ``materials``, boxed.
    let preparedMaterials: [MaterialBox]
    /// Cameras of the file.
    let cameras: [Camera]
    /// Contact shadows per glTF scene, computed on first use.
    private let shadowLock = NSLock()
    private nonisolated(unsafe) var shadows: [Int: ContactShadow] = [:]

    /// Prepares a scene.
    /// - Parameters:
    ///   - scene: an imported scene.
    ///   - options: limits and choices.
    /// - Throws: ``RenderError/sceneTooLarge(source:reason:)`` past the limits,
    ///   ``RenderError/invalidOption(name:reason:)`` for inconsistent hand-built scenes.
    public init(scene: Scene, options: PrepareOptions = PrepareOptions()) throws {
        source = scene.source
        variants = scene.variants
        sceneCount = scene.scenes.count
        defaultScene = scene.defaultScene
        cameras = scene.cameras
        var warnings = scene.warnings
        var builder = GeometryBuilder(scene: scene, options: options)
        try builder.collect()
        geometry = try builder.build(warnings: &warnings)
        batches = builder.batches
        roots = builder.roots
        materials = scene.materials + [Material()]
        rasterStates = materials.map(MaterialRasterState.init)
        let prepared = MaterialPreparation.prepare(scene, limits: options.textureLimits)
        preparedMaterials = prepared.materials.map(MaterialBox.init)
        warnings += prepared.warnings
        self.warnings = warnings
    }

    /// Scene triangles of a glTF scene.
    public func triangleCount(sceneIndex: Int? = nil) -> Int {
        let index = sceneIndex ?? defaultScene
        guard roots.indices.contains(index) else { return 0 }
        return batches[roots[index].batches].reduce(0) { $0 + $1.triangleCount }
    }

    /// World-space bounds of a glTF scene, `nil` when it draws nothing.
    public func bounds(sceneIndex: Int? = nil) -> BoundingBox? {
        let index = sceneIndex ?? defaultScene
        guard roots.indices.contains(index) else { return nil }
        return roots[index].bounds
    }

    /// Bytes of geometry held (textures excluded).
    public var geometryByteCount: Int { geometry.byteCount }

    /// The contact shadow of a glTF scene (computed once, then shared), `nil` when it draws
    /// nothing.
    func contactShadow(sceneIndex: Int) -> ContactShadow? {
        guard roots.indices.contains(sceneIndex), let bounds = roots[sceneIndex].bounds else { return nil }
        shadowLock.lock()
        defer { shadowLock.unlock() }
        if let cached = shadows[sceneIndex] { return cached }
        let shadow = ContactShadow(
            geometry: geometry.view, batches: Array(batches[roots[sceneIndex].batches]), bounds: bounds)
        shadows[sceneIndex] = shadow
        return shadow
    }

    /// Bytes of prepared textures.
    public var textureByteCount: Int {
        var seen = Set<ObjectIdentifier>()
        var total = 0
        for m in preparedMaterials {
            for t in m.value.textures where seen.insert(ObjectIdentifier(t)).inserted {
                var levels = 0
                for l in 0..<t.levelCount {
                    let size = t.levelSize(l)
                    levels += size.width * size.height
                }
                total += levels * 4
            }
        }
        return total
    }

    /// Index of a variant by name.
    /// - Throws: ``RenderError/unknownVariant(_:available:)``.
    func variantIndex(_ name: String?) throws -> Int? {
        guard let name else { return nil }
        guard let i = variants.firstIndex(of: name) else {
            throw RenderError.unknownVariant(name, available: variants)
        }
        return i
    }

    /// Index into ``materials`` of a batch's material under a variant.
    func materialIndex(batch: Int, variant: Int?) -> Int {
        let m = batches[batch].material(variant: variant)
        guard let m, m >= 0, m < materials.count - 1 else { return materials.count - 1 }
        return m
    }
}

/// One glTF scene of a prepared file.
struct PreparedRoots: Sendable {
    /// Its batches in draw order.
    var batches: Range<Int>
    /// World-space bounds of its geometry.
    var bounds: BoundingBox?
    /// Cameras instanced by its nodes: camera index and world matrix, in node order.
    var cameraNodes: [(camera: Int, worldMatrix: Matrix4)]
}
