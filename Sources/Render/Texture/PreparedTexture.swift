/// A texture ready for sampling: RGBA8 texels with a full mip chain, built once per asset and
/// shared (read-only) by every frame and thread.
///
/// Texels stay 8-bit (4 bytes each, 4/3 of that with mips); colour textures keep their sRGB
/// codes and are decoded to linear through a 256-entry table at sampling time, so filtering
/// happens in linear space like a GPU's sRGB textures. Mip levels follow OpenGL sizes
/// (`max(1, floor(size / 2^level))`, so non-power-of-two sizes work) and are made by an
/// area-weighted box filter (2x2 taps for even sizes, 3 taps with fractional weights for odd
/// ones), in linear space for colour, on straight (not premultiplied) alpha.
///
/// ```swift
/// let texture = PreparedTexture(image: decoded, sampler: gltfTexture.sampler, isColor: true)
/// let rgba = texture.view.sample(uv, dx: duvdx, dy: duvdy)
/// ```
public final class PreparedTexture: @unchecked Sendable {
    /// Width of level 0.
    public let width: Int
    /// Height of level 0.
    public let height: Int
    /// Whether texels are sRGB colour (decoded to linear) rather than data.
    public let isColor: Bool
    /// The glTF sampler.
    public let sampler: Sampler
    /// The hot-loop view (raw pointers into this object's storage; valid while it lives).
    public let view: TextureView

    private let texels: UnsafeMutableBufferPointer<UInt32>
    private let levels: UnsafeMutableBufferPointer<TextureLevel>
    private let batchOffsets: UnsafeMutablePointer<SIMD8<Int32>>

    /// Builds the mip chain of `image`.
    /// - Parameters:
    ///   - image: decoded texels (at least 1x1; an empty image is treated as one white texel).
    ///   - sampler: filters and wrap modes.
    ///   - isColor: `true` for sRGB colour (base colour, emissive, sheen colour), `false` for
    ///     data (normal, metallic-roughness, occlusion, ...).
    public init(image: RGBA8Image, sampler: Sampler, isColor: Bool) {
        let source =
            image.width > 0 && image.height > 0 ? image : RGBA8Image(width: 1, height: 1, fill: SIMD4(repeating: 255))
        width = source.width
        height = source.height
        self.isColor = isColor
        self.sampler = sampler
        var sizes: [(Int, Int)] = [(width, height)]
        while sizes.last!.0 > 1 || sizes.last!.1 > 1 {
            let (w, h) = sizes.last!
            sizes.append((max(1, w / 2), max(1, h / 2)))
        }
        let total = sizes.reduce(0) { $0 + $1.0 * $1.1 }
        let texels = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: total)
        let levels = UnsafeMutableBufferPointer<TextureLevel>.allocate(capacity: sizes.count)
        var offset = 0
        for (i, (w, h)) in sizes.enumerated() {
            levels[i] = TextureLevel(offset: offset, width: w, height: h)
            offset += w * h
        }
        let count = source.width * source.height
        source.pixels.withUnsafeBytes { raw in
            for i in 0..<count { texels[i] = raw.load(fromByteOffset: i * 4, as: UInt32.self) }
        }
        for l in 1..<sizes.count {
            Self.downsample(from: levels[l - 1], to: levels[l], texels: texels, isColor: isColor)
        }
        self.texels = texels
        self.levels = levels
        let batchOffsets = UnsafeMutablePointer<SIMD8<Int32>>.allocate(capacity: 2)
        self.batchOffsets = batchOffsets
        view = TextureView(
            texels: UnsafePointer(texels.baseAddress!), levels: UnsafePointer(levels.baseAddress!),
            levelCount: sizes.count, isColor: isColor, sampler: sampler, batchOffsets: batchOffsets)
    }

    deinit {
        texels.deallocate()
        levels.deallocate()
        batchOffsets.deallocate()
    }

    /// Number of mip levels (1 for a 1x1 texture).
    public var levelCount: Int { levels.count }

    /// Size of level `l`.
    public func levelSize(_ l: Int) -> (width: Int, height: Int) { (levels[l].width, levels[l].height) }

    /// The RGBA8 texel at `x`, `y` of level `l` (as stored: sRGB codes for colour).
    public func texel(level l: Int, x: Int, y: Int) -> SIMD4<UInt8> {
        let t = texels[levels[l].offset + y * levels[l].width + x]
        return SIMD4(UInt8(t & 0xFF), UInt8((t >> 8) & 0xFF), UInt8((t >> 16) & 0xFF), UInt8(t >> 24))
    }

    /// Samples with the glTF sampler (see ``TextureView/sample(_:dx:dy:)``); safe to call on a
    /// temporary, unlike reading `view` and letting the texture go.
    public func sample(_ uv: SIMD2<Float>, dx: SIMD2<Float>, dy: SIMD2<Float>) -> SIMD4<Float> {
        view.sample(uv, dx: dx, dy: dy)
    }

    /// Samples as the llvmpipe reference does (see ``TextureView/sampleReference(_:filter:)``).
    public func sampleReference(_ uv: SIMD2<Float>, filter: TextureFilterOverride) -> SIMD4<Float> {
        view.sampleReference(uv, filter: filter)
    }

    /// One level with this texture's wrap modes, nearest or bilinear.
    func sampleLevel(_ level: Int, _ uv: SIMD2<Float>, linear: Bool) -> SIMD4<Float> {
        view.sampleLevel(level, uv, linear: linear, table: view.rgbTable)
    }

    /// Bytes of texel storage (all levels).
    public var byteCount: Int { texels.count * 4 }

    // MARK: - Mip generation

    /// Taps of an area-weighted box filter along one axis: for each destination index, the first
    /// source index and up to three weights (summing to 1).
    static func boxTaps(source: Int, destination: Int) -> [(first: Int, weights: SIMD3<Float>)] {
        let s = Double(source) / Double(destination)
        return (0..<destination).map { d in
            let lo = Double(d) * s
            let hi = Double(d + 1) * s
            let first = Int(lo.rounded(.down))
            var w = SIMD3<Float>.zero
            for k in 0..<3 {
                let a = max(lo, Double(first + k))
                let b = min(hi, Double(first + k + 1))
                if b > a && first + k < source { w[k] = Float((b - a) / s) }
            }
            return (first, w)
        }
    }

    /// A code average rounded to nearest (ties to even, so levels do not drift), within 0...255.
    private static func code(_ x: Float) -> UInt32 { UInt32(min(max(x, 0), 255).rounded(.toNearestOrEven)) }

    private static func downsample(
        from src: TextureLevel, to dst: TextureLevel, texels: UnsafeMutableBufferPointer<UInt32>, isColor: Bool
    ) {
        let tx = boxTaps(source: src.width, destination: dst.width)
        let ty = boxTaps(source: src.height, destination: dst.height)
        let decode = SRGB.tables.decode
        let srgb = SRGB.tables
        for y in 0..<dst.height {
            for x in 0..<dst.width {
                var sum = SIMD4<Float>.zero
                for j in 0..<3 where ty[y].weights[j] > 0 {
                    let row = src.offset + (ty[y].first + j) * src.width
                    for i in 0..<3 where tx[x].weights[i] > 0 {
                        let t = texels[row + tx[x].first + i]
                        let b = SIMD4<UInt32>(t & 0xFF, (t >> 8) & 0xFF, (t >> 16) & 0xFF, t >> 24)
                        // Colour: linear RGB; data and alpha: codes (exact sums of codes).
                        let v =
                            isColor
                            ? SIMD4(decode[Int(b.x)], decode[Int(b.y)], decode[Int(b.z)], Float(b.w))
                            : SIMD4<Float>(b)
                        sum += v * (tx[x].weights[i] * ty[y].weights[j])
                    }
                }
                let a = Self.code(sum.w)
                let rgb: SIMD3<UInt32>
                if isColor {
                    rgb = SIMD3(UInt32(srgb.encode(sum.x)), UInt32(srgb.encode(sum.y)), UInt32(srgb.encode(sum.z)))
                } else {
                    rgb = SIMD3(Self.code(sum.x), Self.code(sum.y), Self.code(sum.z))
                }
                texels[dst.offset + y * dst.width + x] = rgb.x | (rgb.y << 8) | (rgb.z << 16) | (a << 24)
            }
        }
    }
}

/// One mip level's place in the texel storage.
public struct TextureLevel: Sendable {
    /// Index of the level's first texel.
    public var offset: Int
    /// Width in texels.
    public var width: Int
    /// Height in texels.
    public var height: Int
    /// `width` as a float.
    public var widthF: Float
    /// `height` as a float.
    public var heightF: Float

    /// Creates a level record.
    public init(offset: Int, width: Int, height: Int) {
        self.offset = offset
        self.width = width
        self.height = height
        self.widthF = Float(width)
        self.heightF = Float(height)
    }
}
