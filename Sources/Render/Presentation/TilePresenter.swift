import CVector

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
    /// The contact shadow as seen in this frame.
    struct Shadow: Sendable {
        /// The occlusion map on the floor.
        let map: ContactShadow
        /// Window position to floor point.
        let floor: FloorProjection
        /// Darkness at full occlusion.
        let strength: Float
        /// Window pixels where the map's footprint can appear.
        let bounds: PixelBounds
    }

    /// The contact shadow, if drawn.
    let shadow: Shadow?
    /// The output image, `width * height * 4` bytes.
    let output: UnsafeMutablePointer<UInt8>
    let width: Int

    /// Darkness of the contact shadow where the product touches the floor.
    static let shadowStrength: Float = 0.7

    /// Writes the `w` x `h` pixels of the tile at (`tileX`, `tileY`).
    func present(_ colors: UnsafePointer<SIMD4<Float>>, tileX: Int, tileY: Int, w: Int, h: Int) {
        switch mode {
        case .unlitReference:
            write(tileX: tileX, tileY: tileY, w: w, h: h) { x, y in Self.rawBytes(colors[y * VisibilityTile.size + x]) }
        case .lit:
            // The shadow only where its footprint can be seen.
            let shadowHere = shadow.flatMap { s in s.bounds.intersects(x: tileX, y: tileY, w: w, h: h) ? s : nil }
            switch background {
            case .transparent:
                presentLit(colors, tileX: tileX, tileY: tileY, w: w, h: h, shadow: shadowHere) { _, _ in
                    SIMD4<Float>.zero
                }
            case .color(let c):
                let layer = SIMD4(c.x * c.w, c.y * c.w, c.z * c.w, c.w)
                presentLit(colors, tileX: tileX, tileY: tileY, w: w, h: h, shadow: shadowHere) { _, _ in layer }
            case .environment(let env, let rays):
                presentLit(colors, tileX: tileX, tileY: tileY, w: w, h: h, shadow: shadowHere) { x, y in
                    let c = toneMapper.map(env.background(direction: rays.ray(x: x, y: y).direction))
                    return SIMD4(c.x, c.y, c.z, 1)
                }
            }
        }
    }

    /// Calls `pixel(x, y)` (tile coordinates) for every pixel and stores the bytes.
    @inline(__always)
    private func write(tileX: Int, tileY: Int, w: Int, h: Int, _ pixel: (Int, Int) -> SIMD4<UInt8>) {
        for y in 0..<h {
            let out = UnsafeMutableRawPointer(output + ((tileY + y) * width + tileX) * 4)
            for x in 0..<w {
                out.storeBytes(of: pixel(x, y), toByteOffset: x * 4, as: SIMD4<UInt8>.self)
            }
        }
    }

    /// Lit pixels over a background layer (premultiplied display-linear colour of window
    /// position x, y) and the shadow. Runs of 8 pixels the product covers completely take
    /// ``presentCovered8(_:to:)``; the others go pixel by pixel.
    @inline(__always)
    private func presentLit(
        _ colors: UnsafePointer<SIMD4<Float>>, tileX: Int, tileY: Int, w: Int, h: Int, shadow: Shadow?,
        layer: (Float, Float) -> SIMD4<Float>
    ) {
        for y in 0..<h {
            let row = colors + y * VisibilityTile.size
            let out = UnsafeMutableRawPointer(output + ((tileY + y) * width + tileX) * 4)
            var x = 0
            while x < w {
                if x + 8 <= w, presentCovered8(row + x, to: out + x * 4) {
                    x += 8
                    continue
                }
                let end = min(x + 8, w)
                while x < end {
                    let bytes = litPixel(
                        row[x], px: Float(tileX + x) + 0.5, py: Float(tileY + y) + 0.5, shadow: shadow, layer: layer)
                    out.storeBytes(of: bytes, toByteOffset: x * 4, as: SIMD4<UInt8>.self)
                    x += 1
                }
            }
        }
    }

    /// 8 consecutive pixels when the product covers all of them (alpha >= 1): no background, no
    /// shadow, just the batched tone map and sRGB encode, which give the bytes of
    /// ``litPixel(_:px:py:shadow:layer:)`` lane for lane (dividing by an alpha of 1 is exact).
    /// - Returns: `false`, writing nothing, when a pixel is not fully covered.
    @inline(__always)
    private func presentCovered8(_ c: UnsafePointer<SIMD4<Float>>, to out: UnsafeMutableRawPointer) -> Bool {
        var r = SIMD8<Float>()
        var g = SIMD8<Float>()
        var b = SIMD8<Float>()
        var a = SIMD8<Float>()
        for i in 0..<8 {
            let v = c[i]
            r[i] = v.x
            g[i] = v.y
            b[i] = v.z
            a[i] = v.w
        }
        guard v_all8(v_ge8(a, SIMD8(repeating: 1))) != 0 else { return false }
        let codes = toneMapper.encode8(Vector3x8(r, g, b))
        for i in 0..<8 {
            let bytes = SIMD4<UInt8>(
                UInt8(truncatingIfNeeded: codes.r[i]), UInt8(truncatingIfNeeded: codes.g[i]),
                UInt8(truncatingIfNeeded: codes.b[i]), 255)
            out.storeBytes(of: bytes, toByteOffset: i * 4, as: SIMD4<UInt8>.self)
        }
        return true
    }

    /// One lit pixel at window position (`px`, `py`): tone-mapped product colour over the
    /// background layer darkened by the shadow, sRGB-encoded, straight alpha.
    @inline(__always)
    private func litPixel(
        _ c: SIMD4<Float>, px: Float, py: Float, shadow: Shadow?, layer: (Float, Float) -> SIMD4<Float>
    ) -> SIMD4<UInt8> {
        let alpha = min(max(c.w, 0), 1)
        var premul = SIMD3<Float>.zero
        if alpha > 0 { premul = toneMapper.map(SIMD3(c.x, c.y, c.z) / alpha) * alpha }
        var outAlpha = alpha
        if alpha < 1 {
            var bg = layer(px, py)
            if let shadow, let p = shadow.floor.floorPoint(x: px, y: py) {
                // Black with the shadow's opacity over the background.
                let s = shadow.strength * shadow.map.occlusion(x: p.x, z: p.y)
                bg = SIMD4(bg.x * (1 - s), bg.y * (1 - s), bg.z * (1 - s), s + bg.w * (1 - s))
            }
            premul += SIMD3(bg.x, bg.y, bg.z) * (1 - alpha)
            outAlpha = alpha + bg.w * (1 - alpha)
        }
        guard outAlpha > 0 else { return .zero }
        let straight = premul / outAlpha
        return SIMD4(
            SRGB.encode8(straight.x), SRGB.encode8(straight.y), SRGB.encode8(straight.z),
            UInt8((min(outAlpha, 1) * 255).rounded()))
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
}
