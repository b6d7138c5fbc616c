/// Where 8 lanes read one mip level: the texel indices of the four bilinear corners (from the
/// level's first texel of storage) and the blend weights. A NEAREST lane has all four corners
/// on its texel and weights 0, so the bilinear blend gives that texel exactly.
struct TexelQuad8 {
    /// Corners (x0, y0), (x1, y0), (x0, y1), (x1, y1).
    var i00, i01, i10, i11: SIMD8<Int32>
    /// Weight of x1 and of y1.
    var fx, fy: SIMD8<Float>

    static let zero = TexelQuad8(i00: .zero, i01: .zero, i10: .zero, i11: .zero, fx: .zero, fy: .zero)
}

/// Where 8 lanes read a texture: one or two mip levels per lane and the blend between them.
/// It depends only on the coordinates, the texture's size and its sampler, so textures that
/// share those (the usual glTF material: every map on `TEXCOORD_0`, same size and sampler)
/// share one address and only gather and blend their own texels.
struct TexelAddress8 {
    /// The (first) level of each lane.
    var level0 = TexelQuad8.zero
    /// The next level, for lanes that blend two (`frac > 0`).
    var level1 = TexelQuad8.zero
    /// Weight of `level1`: 0 for lanes that read one level.
    var frac = SIMD8<Float>.zero
    /// Whether any lane blends two levels.
    var twoLevels = false
    /// Whether every lane is NEAREST (only `i00` is read).
    var nearestOnly = false
}

/// The packed RGBA8 texels an address reads (`level1` only when it has two levels).
struct RawTexels8 {
    var level0: (SIMD8<Int32>, SIMD8<Int32>, SIMD8<Int32>, SIMD8<Int32>)
    var level1: (SIMD8<Int32>, SIMD8<Int32>, SIMD8<Int32>, SIMD8<Int32>)

    static let zero = RawTexels8(level0: (.zero, .zero, .zero, .zero), level1: (.zero, .zero, .zero, .zero))
}

/// The channels a texture lookup needs: a material reads only some channels of most maps
/// (occlusion R, metallic-roughness G and B, ...), and the batched path skips the others.
struct TexelChannels: OptionSet {
    let rawValue: UInt8

    static let r = TexelChannels(rawValue: 1)
    static let g = TexelChannels(rawValue: 2)
    static let b = TexelChannels(rawValue: 4)
    static let a = TexelChannels(rawValue: 8)
    static let rgb: TexelChannels = [.r, .g, .b]
    static let all: TexelChannels = [.r, .g, .b, .a]
}
