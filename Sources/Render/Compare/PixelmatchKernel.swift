/// The pixelmatch loop over raw RGBA bytes (see ``Pixelmatch``). Each formula keeps the
/// reference's order of operations in `Double`, so that results match it exactly.
struct PixelmatchKernel {
    let img1: UnsafeBufferPointer<UInt8>
    let img2: UnsafeBufferPointer<UInt8>
    /// Empty when no diff image is drawn.
    let output: UnsafeMutableBufferPointer<UInt8>
    let width: Int
    let height: Int
    let options: Pixelmatch.Options

    /// Compares every pixel; returns the number of differing ones and draws the diff.
    mutating func run() -> Int {
        let draw = !output.isEmpty
        // Identical images: nothing differs; the diff is the faded expected image.
        if img1.elementsEqual(img2) {
            if draw && !options.diffMask {
                for i in 0..<(width * height) { drawGrayPixel(i * 4) }
            }
            return 0
        }
        // Largest accepted squared YIQ distance; 35215 is the metric's maximum.
        let maxDelta = 35215 * options.threshold * options.threshold
        var diff = 0
        for y in 0..<height {
            for x in 0..<width {
                let pos = (y * width + x) * 4
                let delta = colorDelta(img1, img2, pos, pos, yOnly: false)
                if abs(delta) > maxDelta {
                    // A real difference, or only anti-aliasing in one of the images?
                    if !options.includeAA
                        && (antialiased(img1, x, y, other: img2) || antialiased(img2, x, y, other: img1))
                    {
                        if draw && !options.diffMask { drawPixel(pos, options.aaColor) }
                    } else {
                        if draw {
                            let colour = delta < 0 ? (options.diffColorAlt ?? options.diffColor) : options.diffColor
                            drawPixel(pos, colour)
                        }
                        diff += 1
                    }
                } else if draw && !options.diffMask {
                    drawGrayPixel(pos)
                }
            }
        }
        return diff
    }

    // MARK: - Anti-aliasing detection (Vysniauskas 2009)

    /// Whether the pixel looks like anti-aliasing: at most two equal neighbours, both a darker
    /// and a brighter neighbour, and the darkest or brightest of them sits in a flat area
    /// (3+ equal neighbours) in both images.
    private func antialiased(_ img: UnsafeBufferPointer<UInt8>, _ x1: Int, _ y1: Int, other: UnsafeBufferPointer<UInt8>)
        -> Bool
    {
        let x0 = max(x1 - 1, 0)
        let y0 = max(y1 - 1, 0)
        let x2 = min(x1 + 1, width - 1)
        let y2 = min(y1 + 1, height - 1)
        let pos = (y1 * width + x1) * 4
        var zeroes = x1 == x0 || x1 == x2 || y1 == y0 || y1 == y2 ? 1 : 0
        var minDelta = 0.0
        var maxDelta = 0.0
        var minX = 0
        var minY = 0
        var maxX = 0
        var maxY = 0
        // The 8 neighbours, columns outer as in the reference (ties keep the first found).
        for x in x0...x2 {
            for y in y0...y2 where x != x1 || y != y1 {
                // Brightness difference between the centre and this neighbour.
                let delta = colorDelta(img, img, pos, (y * width + x) * 4, yOnly: true)
                if delta == 0 {
                    zeroes += 1
                    if zeroes > 2 { return false }  // 3+ equal neighbours: not anti-aliasing
                } else if delta < minDelta {
                    minDelta = delta
                    minX = x
                    minY = y
                } else if delta > maxDelta {
                    maxDelta = delta
                    maxX = x
                    maxY = y
                }
            }
        }
        // Without both a darker and a brighter neighbour it is not anti-aliasing.
        if minDelta == 0 || maxDelta == 0 { return false }
        return (hasManySiblings(img, minX, minY) && hasManySiblings(other, minX, minY))
            || (hasManySiblings(img, maxX, maxY) && hasManySiblings(other, maxX, maxY))
    }

    /// Whether the pixel has 3+ neighbours of exactly the same RGBA (counting the image border
    /// as one).
    private func hasManySiblings(_ img: UnsafeBufferPointer<UInt8>, _ x1: Int, _ y1: Int) -> Bool {
        let x0 = max(x1 - 1, 0)
        let y0 = max(y1 - 1, 0)
        let x2 = min(x1 + 1, width - 1)
        let y2 = min(y1 + 1, height - 1)
        let centre = rgba(img, (y1 * width + x1) * 4)
        var zeroes = x1 == x0 || x1 == x2 || y1 == y0 || y1 == y2 ? 1 : 0
        for x in x0...x2 {
            for y in y0...y2 where x != x1 || y != y1 {
                if rgba(img, (y * width + x) * 4) == centre { zeroes += 1 }
                if zeroes > 2 { return true }
            }
        }
        return false
    }

    // MARK: - Colour distance (Kotsarenko & Ramos)

    /// Squared YIQ distance between two pixels blended over white, negative when the second
    /// pixel is darker (pixelmatch 5.3+ keeps this sign for `diffColorAlt`). With `yOnly`, the
    /// signed brightness difference `Y1 - Y2` alone.
    @inline(__always)
    private func colorDelta(
        _ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, _ k: Int, _ m: Int, yOnly: Bool
    ) -> Double {
        if rgba(a, k) == rgba(b, m) { return 0 }
        var r1 = Double(a[k])
        var g1 = Double(a[k + 1])
        var b1 = Double(a[k + 2])
        let a1 = a[k + 3]
        var r2 = Double(b[m])
        var g2 = Double(b[m + 1])
        var b2 = Double(b[m + 2])
        let a2 = b[m + 3]
        if a1 < 255 {
            let alpha = Double(a1) / 255
            r1 = blend(r1, alpha)
            g1 = blend(g1, alpha)
            b1 = blend(b1, alpha)
        }
        if a2 < 255 {
            let alpha = Double(a2) / 255
            r2 = blend(r2, alpha)
            g2 = blend(g2, alpha)
            b2 = blend(b2, alpha)
        }
        let y = rgb2y(r1, g1, b1) - rgb2y(r2, g2, b2)
        if yOnly { return y }
        let i = rgb2i(r1, g1, b1) - rgb2i(r2, g2, b2)
        let q = rgb2q(r1, g1, b1) - rgb2q(r2, g2, b2)
        let delta: Double = 0.5053 * y * y + 0.299 * i * i + 0.1957 * q * q
        return y > 0 ? -delta : delta
    }

    @inline(__always) private func rgb2y(_ r: Double, _ g: Double, _ b: Double) -> Double {
        r * 0.29889531 + g * 0.58662247 + b * 0.11448223
    }
    @inline(__always) private func rgb2i(_ r: Double, _ g: Double, _ b: Double) -> Double {
        r * 0.59597799 - g * 0.27417610 - b * 0.32180189
    }
    @inline(__always) private func rgb2q(_ r: Double, _ g: Double, _ b: Double) -> Double {
        r * 0.21147017 - g * 0.52261711 + b * 0.31114694
    }

    /// A colour over white by alpha `a` (0...1).
    @inline(__always) private func blend(_ c: Double, _ a: Double) -> Double { 255 + (c - 255) * a }

    /// The four bytes of a pixel as one value (for equality tests).
    @inline(__always) private func rgba(_ img: UnsafeBufferPointer<UInt8>, _ pos: Int) -> UInt32 {
        UInt32(img[pos]) | UInt32(img[pos + 1]) << 8 | UInt32(img[pos + 2]) << 16 | UInt32(img[pos + 3]) << 24
    }

    // MARK: - Drawing (truncating to bytes, as the reference does)

    @inline(__always) private func drawPixel(_ pos: Int, _ colour: SIMD3<UInt8>) {
        output[pos] = colour.x
        output[pos + 1] = colour.y
        output[pos + 2] = colour.z
        output[pos + 3] = 255
    }

    /// The expected pixel's brightness, faded towards white.
    @inline(__always) private func drawGrayPixel(_ pos: Int) {
        let y = rgb2y(Double(img1[pos]), Double(img1[pos + 1]), Double(img1[pos + 2]))
        // White blends to 255.0000026 (the Y weights sum to 1.00000001): clamp, then truncate.
        let value = UInt8(min(blend(y, options.alpha * Double(img1[pos + 3]) / 255), 255))
        output[pos] = value
        output[pos + 1] = value
        output[pos + 2] = value
        output[pos + 3] = 255
    }
}
