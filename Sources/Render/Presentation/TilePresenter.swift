import Foundation

/// The last step of a tile: from premultiplied linear colour to straight-alpha RGBA8 pixels of
/// the output image.
///
/// Lit frames: the product's colour is exposed and tone mapped to display-linear values,
/// composited over the background (also display-linear) and sRGB-encoded. Unlit reference
/// frames: the colour is written as is (no tone mapping, no sRGB encode), alpha = coverage.
struct TilePresenter: @unchecked Sendable {
    /// How colour becomes bytes.
    enum Mode: Sendable {
        /// Exposure, tone mapping, background, sRGB.
        case lit
        /// Raw values, transparent background.
        case unlitReference
    }

    let mode: Mode
    /// `2^exposure`.
    let exposureScale: Float
    /// Display-linear background colour and its alpha (alpha 0 = transparent).
    let background: SIMD4<Float>
    /// The output image, `width * height * 4` bytes.
    let output: UnsafeMutablePointer<UInt8>
    let width: Int

    /// Writes the `w` x `h` pixels of the tile at (`tileX`, `tileY`).
    func present(_ colors: UnsafePointer<SIMD4<Float>>, tileX: Int, tileY: Int, w: Int, h: Int) {
        for y in 0..<h {
            var out = output + ((tileY + y) * width + tileX) * 4
            for x in 0..<w {
                let c = colors[y * VisibilityTile.size + x]
                let px: SIMD4<UInt8>
                switch mode {
                case .unlitReference: px = Self.rawBytes(c)
                case .lit: px = litBytes(c)
                }
                out[0] = px.x
                out[1] = px.y
                out[2] = px.z
                out[3] = px.w
                out += 4
            }
        }
    }

    /// Straight colour `premultiplied / alpha` written as `round(255 * clamp(v))`.
    @inline(__always)
    static func rawBytes(_ c: SIMD4<Float>) -> SIMD4<UInt8> {
        let alpha = min(max(c.w, 0), 1)
        guard alpha > 0 else { return .zero }
        let straight = SIMD4(c.x / alpha, c.y / alpha, c.z / alpha, alpha)
        let v = (straight.clamped(lowerBound: .zero, upperBound: SIMD4(repeating: 1)) * 255)
            .rounded(.toNearestOrAwayFromZero)
        return SIMD4<UInt8>(truncatingIfNeeded: SIMD4<Int32>(v))
    }

    @inline(__always)
    func litBytes(_ c: SIMD4<Float>) -> SIMD4<UInt8> {
        let alpha = min(max(c.w, 0), 1)
        var display = SIMD3<Float>.zero
        if alpha > 0 {
            let linear = SIMD3(c.x, c.y, c.z) / alpha * exposureScale
            display = PlaceholderToneMap.map(linear)
        }
        let bgAlpha = background.w
        let outAlpha = alpha + bgAlpha * (1 - alpha)
        guard outAlpha > 0 else { return .zero }
        let bg = SIMD3(background.x, background.y, background.z)
        let premul = display * alpha + bg * (bgAlpha * (1 - alpha))
        let straight = premul / outAlpha
        return SIMD4(
            PlaceholderToneMap.encode(straight.x), PlaceholderToneMap.encode(straight.y),
            PlaceholderToneMap.encode(straight.z), UInt8((min(outAlpha, 1) * 255).rounded()))
    }
}

/// TEMPORARY until the shading area's `ToneMapper` and `SRGB` land: clamp and the exact sRGB
/// transfer function.
enum PlaceholderToneMap {
    @inline(__always)
    static func map(_ c: SIMD3<Float>) -> SIMD3<Float> {
        c.clamped(lowerBound: .zero, upperBound: SIMD3(repeating: 1))
    }

    @inline(__always)
    static func encode(_ v: Float) -> UInt8 {
        let x = min(max(v, 0), 1)
        let s = x <= 0.0031308 ? 12.92 * x : 1.055 * Foundation.pow(x, 1 / 2.4) - 0.055
        return UInt8((s * 255).rounded())
    }

    /// sRGB code (0...1) to linear.
    static func decode(_ v: Float) -> Float {
        v <= 0.04045 ? v / 12.92 : Foundation.pow((v + 0.055) / 1.055, 2.4)
    }
}
