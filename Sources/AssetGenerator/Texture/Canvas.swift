import Render

/// A floating-point RGBA picture to paint textures and garments on.
///
/// Colours are sRGB-encoded values in 0...1 (what a texture stores), kept premultiplied by
/// alpha so that painting is the usual "over" operator. ``image()`` rounds to 8 bits.
public struct Canvas: Sendable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// Premultiplied RGBA, row-major.
    public var pixels: [SIMD4<Float>]

    /// A canvas filled with one straight-alpha colour.
    public init(width: Int, height: Int, fill: SIMD4<Float> = .zero) {
        self.width = width
        self.height = height
        let premultiplied = SIMD4(fill.x * fill.w, fill.y * fill.w, fill.z * fill.w, fill.w)
        pixels = Array(repeating: premultiplied, count: width * height)
    }

    /// The straight-alpha colour at `(x, y)`.
    public func color(x: Int, y: Int) -> SIMD4<Float> {
        let p = pixels[y * width + x]
        guard p.w > 0 else { return .zero }
        return SIMD4(p.x / p.w, p.y / p.w, p.z / p.w, p.w)
    }

    /// Replaces every pixel with `shader(x, y, current straight colour)`.
    public mutating func apply(_ shader: (Int, Int, SIMD4<Float>) -> SIMD4<Float>) {
        for y in 0..<height {
            for x in 0..<width {
                let c = shader(x, y, color(x: x, y: y))
                let a = min(max(c.w, 0), 1)
                pixels[y * width + x] = SIMD4(c.x * a, c.y * a, c.z * a, a)
            }
        }
    }

    /// Paints `path` in one colour (straight alpha) over the canvas.
    public mutating func fill(_ path: Path2D, color: SIMD4<Float>) {
        fill(path) { _, _ in color }
    }

    /// Paints `path` with a colour computed per pixel (straight alpha) over the canvas.
    public mutating func fill(_ path: Path2D, shader: (Int, Int) -> SIMD4<Float>) {
        fill(CoverageMask(path, imageWidth: width, imageHeight: height), shader: shader)
    }

    /// Paints through a coverage mask already computed (several colours in one shape).
    public mutating func fill(_ mask: CoverageMask, shader: (Int, Int) -> SIMD4<Float>) {
        for my in 0..<mask.height {
            for mx in 0..<mask.width {
                let coverage = min(mask.values[my * mask.width + mx], 1)
                guard coverage > 0 else { continue }
                blend(x: mask.x0 + mx, y: mask.y0 + my, color: shader(mask.x0 + mx, mask.y0 + my), coverage: coverage)
            }
        }
    }

    /// "Over" of one straight-alpha colour at a pixel, scaled by coverage.
    @inline(__always)
    public mutating func blend(x: Int, y: Int, color c: SIMD4<Float>, coverage: Float = 1) {
        let a = min(max(c.w * coverage, 0), 1)
        let i = y * width + x
        let src = SIMD4(c.x * a, c.y * a, c.z * a, a)
        pixels[i] = src + pixels[i] * (1 - a)
    }

    /// Multiplies colour (not alpha) inside `path` by a per-pixel factor (shading, folds).
    public mutating func multiply(_ path: Path2D, factor: (Int, Int) -> Float) {
        let mask = CoverageMask(path, imageWidth: width, imageHeight: height)
        for my in 0..<mask.height {
            for mx in 0..<mask.width {
                let coverage = min(mask.values[my * mask.width + mx], 1)
                guard coverage > 0 else { continue }
                let x = mask.x0 + mx
                let y = mask.y0 + my
                let f = 1 + (factor(x, y) - 1) * coverage
                let i = y * width + x
                let p = pixels[i]
                pixels[i] = SIMD4(p.x * f, p.y * f, p.z * f, p.w)
            }
        }
    }

    /// The canvas as 8-bit straight-alpha RGBA (rounded, clamped).
    public func image() -> RGBA8Image {
        var bytes = [UInt8](repeating: 0, count: width * height * 4)
        for i in 0..<(width * height) {
            let p = pixels[i]
            let a = min(max(p.w, 0), 1)
            let rgb = a > 0 ? SIMD3(p.x, p.y, p.z) / a : .zero
            bytes[i * 4] = Self.quantize(rgb.x)
            bytes[i * 4 + 1] = Self.quantize(rgb.y)
            bytes[i * 4 + 2] = Self.quantize(rgb.z)
            bytes[i * 4 + 3] = Self.quantize(a)
        }
        return RGBA8Image(width: width, height: height, pixels: bytes)
    }

    /// 0...1 to 0...255, rounded half up.
    @inline(__always)
    static func quantize(_ v: Float) -> UInt8 {
        UInt8(min(max(v * 255 + 0.5, 0), 255))
    }
}
