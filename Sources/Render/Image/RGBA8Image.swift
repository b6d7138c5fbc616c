/// An 8-bit RGBA image, rows top to bottom, 4 bytes a pixel, straight (not premultiplied)
/// alpha unless a function says otherwise. The common currency between codecs, the renderer,
/// try-on and the comparison tools.
public struct RGBA8Image: Equatable, Sendable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// `width * height * 4` bytes, row-major, R G B A.
    public var pixels: [UInt8]

    /// Wraps existing pixel bytes.
    /// - Precondition: `pixels.count == width * height * 4`.
    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width >= 0 && height >= 0 && pixels.count == width * height * 4, "pixel count mismatch")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// An image filled with one colour.
    public init(width: Int, height: Int, fill: SIMD4<UInt8> = .zero) {
        precondition(width >= 0 && height >= 0, "negative size")
        self.width = width
        self.height = height
        var px = [UInt8](repeating: 0, count: width * height * 4)
        if fill != .zero {
            for i in 0..<(width * height) {
                px[i * 4] = fill.x
                px[i * 4 + 1] = fill.y
                px[i * 4 + 2] = fill.z
                px[i * 4 + 3] = fill.w
            }
        }
        self.pixels = px
    }

    /// The pixel at column `x`, row `y`.
    @inlinable
    public subscript(x: Int, y: Int) -> SIMD4<UInt8> {
        get {
            let i = (y * width + x) * 4
            return SIMD4(pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3])
        }
        set {
            let i = (y * width + x) * 4
            pixels[i] = newValue.x
            pixels[i + 1] = newValue.y
            pixels[i + 2] = newValue.z
            pixels[i + 3] = newValue.w
        }
    }
}

/// A 16-bit RGBA image (16-bit PNGs decoded at full precision), rows top to bottom.
public struct RGBA16Image: Equatable, Sendable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// `width * height * 4` samples, row-major, R G B A, host byte order.
    public var pixels: [UInt16]

    /// Wraps existing samples.
    /// - Precondition: `pixels.count == width * height * 4`.
    public init(width: Int, height: Int, pixels: [UInt16]) {
        precondition(width >= 0 && height >= 0 && pixels.count == width * height * 4, "pixel count mismatch")
        self.width = width
        self.height = height
        self.pixels = pixels
    }
}

/// A linear floating-point RGB image (environments from Radiance `.hdr`), rows top to bottom.
public struct RGBFloatImage: Sendable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// `width * height` linear RGB values.
    public var pixels: [SIMD3<Float>]

    /// Wraps existing values.
    /// - Precondition: `pixels.count == width * height`.
    public init(width: Int, height: Int, pixels: [SIMD3<Float>]) {
        precondition(width >= 0 && height >= 0 && pixels.count == width * height, "pixel count mismatch")
        self.width = width
        self.height = height
        self.pixels = pixels
    }
}
