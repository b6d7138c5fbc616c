/// What the rasterizer needs to know of a material: how alpha is used and which faces show.
struct MaterialRasterState: Sendable, Equatable {
    /// `OPAQUE`, `MASK` or `BLEND`.
    var alphaMode: Material.AlphaMode
    /// Alpha cut-off for `MASK`.
    var alphaCutoff: Float
    /// Back faces drawn too.
    var doubleSided: Bool

    init(_ material: Material) {
        alphaMode = material.alphaMode
        alphaCutoff = material.alphaCutoff
        doubleSided = material.doubleSided
    }

    /// Flags for the records of this material.
    var rasterFlags: UInt8 { alphaMode == .mask ? RasterTriangle.alphaMask : 0 }
}
