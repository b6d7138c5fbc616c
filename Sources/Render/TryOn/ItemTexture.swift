import Foundation

/// An item's image prepared for drawing: premultiplied RGBA8 texels packed in `UInt32`
/// (`r | g << 8 | b << 16 | a << 24`), a box-filtered mip chain down to 1x1, and a second chain
/// whose alpha edge is feathered.
///
/// Feathering is done here, once per item and **per mip level, in that level's own texels**:
/// the drawer picks the level whose texels are about one photo pixel, so a feather of
/// `featherTexels` texels softens the edge by about that many photo pixels whatever the item's
/// scale on the photo, at no cost per request. The feather only fades inward (the garment never
/// grows past its own silhouette, where it has no colour).
///
/// Immutable after `init`, so one texture is shared by every request on every thread.
/// The mip chain is built by the renderer's `PreparedTexture` (see `mipChain`); the bordered
/// levels and the feathered copy are try-on's own (see `docs/tryon.md`).
public final class ItemTexture: @unchecked Sendable {
    /// One mip level: packed premultiplied texels, rows top to bottom, inside a zero
    /// (transparent) border of one texel on the left and top and two on the right and bottom,
    /// so that a bilinear footprint anywhere in `-1...width` x `-1...height` needs no clamping
    /// (sampling outside the image fades to transparent).
    struct Level {
        let width: Int
        let height: Int
        /// Elements from one row to the next: `width + 3`.
        let stride: Int
        /// The bordered storage, `stride * (height + 3)` texels.
        let storage: UnsafeMutableBufferPointer<UInt32>

        /// Texel `(0, 0)`; texels `(-1...width + 1, -1...height + 1)` are addressable.
        var origin: UnsafeMutablePointer<UInt32> { storage.baseAddress! + stride + 1 }

        /// The texel at `(x, y)`, `-1...width + 1` x `-1...height + 1`.
        subscript(x: Int, y: Int) -> UInt32 { origin[y * stride + x] }

        /// Copies `texels` (`width * height`, row-major) into a new bordered level.
        init(width: Int, height: Int, texels: [UInt32]) {
            precondition(texels.count == width * height, "texel count")
            self.width = width
            self.height = height
            stride = width + 3
            storage = .allocate(capacity: stride * (height + 3))
            storage.initialize(repeating: 0)
            let origin = storage.baseAddress! + stride + 1
            texels.withUnsafeBufferPointer { src in
                for y in 0..<height {
                    (origin + y * stride).update(from: src.baseAddress! + y * width, count: width)
                }
            }
        }
    }

    /// Level 0 is the item image; each next level halves both sizes (at least 1).
    let levels: [Level]
    /// The same levels with the feathered alpha edge.
    let featheredLevels: [Level]
    /// Feather width in texels of each level.
    public let featherTexels: Double

    /// Width of level 0.
    public var width: Int { levels[0].width }
    /// Height of level 0.
    public var height: Int { levels[0].height }
    /// Number of mip levels.
    public var levelCount: Int { levels.count }

    /// Premultiplies `image`, builds the mip chain and its feathered copy.
    /// - Parameters:
    ///   - image: straight-alpha RGBA8, at least 1x1.
    ///   - featherTexels: width of the inward alpha ramp, in texels of each level (0 = none).
    public init(_ image: RGBA8Image, featherTexels: Double = 1.5) {
        precondition(image.width > 0 && image.height > 0, "empty item image")
        self.featherTexels = featherTexels
        let chain = Self.mipChain(Self.premultiplied(image))
        levels = chain.map { Level(width: $0.width, height: $0.height, texels: $0.texels) }
        featheredLevels = chain.map { plain in
            Level(
                width: plain.width, height: plain.height,
                texels: Self.feathered(plain.texels, width: plain.width, height: plain.height, feather: featherTexels))
        }
    }

    deinit {
        for level in levels { level.storage.deallocate() }
        for level in featheredLevels { level.storage.deallocate() }
    }

    /// The level whose texels best match a footprint of `texelsPerPixel` level-0 texels per
    /// output pixel (nearest level, `GL_LINEAR_MIPMAP_NEAREST`).
    func levelIndex(texelsPerPixel rho: Double) -> Int {
        guard rho > 1, rho.isFinite else { return rho.isFinite ? 0 : levels.count - 1 }
        let lod = Int((Foundation.log2(rho) + 0.5).rounded(.down))
        return min(max(lod, 0), levels.count - 1)
    }

    /// The straight-alpha RGBA8 of a level (for tests and debugging).
    func testOnly_unpremultipliedLevel(_ index: Int, feathered: Bool) -> RGBA8Image {
        let level = (feathered ? featheredLevels : levels)[index]
        var out = RGBA8Image(width: level.width, height: level.height)
        for y in 0..<level.height {
            for x in 0..<level.width {
                let t = level[x, y]
                let a = Int(t >> 24)
                var p = SIMD4<UInt8>(0, 0, 0, UInt8(a))
                for c in 0..<3 where a > 0 {
                    let v = Int((t >> (8 * UInt32(c))) & 0xFF)
                    p[c] = UInt8(min(255, (v * 255 + a / 2) / a))
                }
                out[x, y] = p
            }
        }
        return out
    }

    // MARK: - Building

    /// A level under construction: plain row-major texels.
    struct Plain {
        let width: Int
        let height: Int
        var texels: [UInt32]
    }

    private static func premultiplied(_ image: RGBA8Image) -> Plain {
        let n = image.width * image.height
        var texels = [UInt32](repeating: 0, count: n)
        image.pixels.withUnsafeBufferPointer { src in
            for i in 0..<n {
                let a = UInt32(src[4 * i + 3])
                let r = (UInt32(src[4 * i]) * a + 127) / 255
                let g = (UInt32(src[4 * i + 1]) * a + 127) / 255
                let b = (UInt32(src[4 * i + 2]) * a + 127) / 255
                texels[i] = r | g << 8 | b << 16 | a << 24
            }
        }
        return Plain(width: image.width, height: image.height, texels: texels)
    }

    /// The mip chain of premultiplied texels, made by the renderer's `PreparedTexture` as a data
    /// texture: OpenGL level sizes and its area-weighted box filter on the codes (2 or 3 taps
    /// per axis, round half to even), which on premultiplied codes is the correct average (no
    /// dark fringe where opaque meets transparent) and keeps every channel <= alpha.
    private static func mipChain(_ base: Plain) -> [Plain] {
        var image = RGBA8Image(width: base.width, height: base.height)
        image.pixels.withUnsafeMutableBytes { raw in
            for (i, t) in base.texels.enumerated() {
                raw.storeBytes(of: t.littleEndian, toByteOffset: 4 * i, as: UInt32.self)
            }
        }
        let prepared = PreparedTexture(
            image: image, sampler: Sampler(minFilter: .linearMipmapNearest, wrapS: .clampToEdge, wrapT: .clampToEdge),
            isColor: false)
        return withExtendedLifetime(prepared) {
            let view = prepared.view
            return (0..<prepared.levelCount).map { l in
                let level = view.levels[l]
                let texels = Array(
                    UnsafeBufferPointer(start: view.texels + level.offset, count: level.width * level.height))
                return Plain(width: level.width, height: level.height, texels: texels)
            }
        }
    }
}
