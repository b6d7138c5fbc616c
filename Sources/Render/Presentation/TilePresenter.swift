/// The last step of a tile: from premultiplied linear colour to straight-alpha RGBA8 pixels of
/// the output image.
///
/// Lit frames: the product's colour is exposed and tone mapped (``ToneMapper``) to
/// display-linear values and composited over the background layer, itself the background
/// (transparent, a solid colour, or the tone-mapped environment seen through the pixel)
/// darkened by the contact shadow (black with the shadow's opacity, so on a transparent
/// background the shadow is alpha); the result is sRGB-encoded with exact rounding. Unlit
/// reference frames: the colour is written as is (no tone mapping, no sRGB encode) over a
/// transparent background, alpha = coverage.
struct TilePresenter: @unchecked Sendable {
    /// How colour becomes bytes.
    enum Mode: Sendable {
        /// Exposure, tone mapping, background, shadow, sRGB.
        case lit
        /// Raw values, transparent background.
        case unlitReference
    }

    /// What is behind the product.
    enum Layer: Sendable {
        case transparent
        /// Display-linear colour and alpha.
        case color(SIMD4<Float>)
        /// The environment, through the pixel's ray.
        case environment(EnvironmentView, PixelRays)
    }

    let mode: Mode
    let toneMapper: ToneMapper
    let background: Layer
    /// The contact shadow, its floor mapping and its strength (darkness at full occlusion).
    let shadow: (map: ContactShadow, floor: FloorProjection, strength: Float)?
    /// The output image, `width * height * 4` bytes.
    let output: UnsafeMutablePointer<UInt8>
    let width: Int

    /// Darkness of the contact shadow where the product touches the floor.
    static let shadowStrength: Float = 0.7

    /// Writes the `w` x `h` pixels of the tile at (`tileX`, `tileY`).
    func present(_ colors: UnsafePointer<SIMD4<Float>>, tileX: Int, tileY: Int, w: Int, h: Int) {
        for y in 0..<h {
            var out = output + ((tileY + y) * width + tileX) * 4
            for x in 0..<w {
                let c = colors[y * VisibilityTile.size + x]
                let px: SIMD4<UInt8>
                switch mode {
                case .unlitReference: px = Self.rawBytes(c)
                case .lit: px = litBytes(c, x: Float(tileX + x) + 0.5, y: Float(tileY + y) + 0.5)
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
    func litBytes(_ c: SIMD4<Float>, x: Float, y: Float) -> SIMD4<UInt8> {
        let alpha = min(max(c.w, 0), 1)
        var premul = SIMD3<Float>.zero
        if alpha > 0 { premul = toneMapper.map(SIMD3(c.x, c.y, c.z) / alpha) * alpha }
        var outAlpha = alpha
        if alpha < 1 {
            // Background layer (premultiplied), then the shadow over it.
            var bg = SIMD3<Float>.zero
            var bgAlpha: Float = 0
            switch background {
            case .transparent: break
            case .color(let color):
                bg = SIMD3(color.x, color.y, color.z) * color.w
                bgAlpha = color.w
            case .environment(let env, let rays):
                bg = toneMapper.map(env.background(direction: rays.ray(x: x, y: y).direction))
                bgAlpha = 1
            }
            if let shadow, let p = shadow.floor.floorPoint(x: x, y: y) {
                let s = shadow.strength * shadow.map.occlusion(x: p.x, z: p.y)
                bg *= 1 - s
                bgAlpha = s + bgAlpha * (1 - s)
            }
            premul += bg * (1 - alpha)
            outAlpha = alpha + bgAlpha * (1 - alpha)
        }
        guard outAlpha > 0 else { return .zero }
        let straight = premul / outAlpha
        return SIMD4(
            SRGB.encode8(straight.x), SRGB.encode8(straight.y), SRGB.encode8(straight.z),
            UInt8((min(outAlpha, 1) * 255).rounded()))
    }
}
