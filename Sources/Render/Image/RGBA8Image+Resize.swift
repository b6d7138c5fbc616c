extension RGBA8Image {
    /// The image resampled to a new size with a separable tent (linear) filter whose support
    /// widens when shrinking, so that downscales average every source pixel instead of
    /// aliasing. Works on premultiplied alpha (no dark fringes around transparent edges) and
    /// rounds back to straight 8-bit RGBA. Deterministic.
    /// - Precondition: `width > 0 && height > 0`.
    public func resized(width newWidth: Int, height newHeight: Int) -> RGBA8Image {
        precondition(newWidth > 0 && newHeight > 0, "resize to an empty size")
        if newWidth == width && newHeight == height { return self }
        guard width > 0, height > 0 else { return RGBA8Image(width: newWidth, height: newHeight) }
        // Premultiplied float copy of the source.
        var source = [Float](repeating: 0, count: width * height * 4)
        for i in 0..<(width * height) {
            let a = Float(pixels[i * 4 + 3]) / 255
            source[i * 4] = Float(pixels[i * 4]) * a
            source[i * 4 + 1] = Float(pixels[i * 4 + 1]) * a
            source[i * 4 + 2] = Float(pixels[i * 4 + 2]) * a
            source[i * 4 + 3] = Float(pixels[i * 4 + 3])
        }
        // Horizontal pass (width -> newWidth, height rows), then vertical.
        let columns = ResampleWeights(from: width, to: newWidth)
        let rows = ResampleWeights(from: height, to: newHeight)
        var across = [Float](repeating: 0, count: newWidth * height * 4)
        for y in 0..<height {
            for x in 0..<newWidth {
                var sum = SIMD4<Float>.zero
                for (sx, w) in columns.taps[x] {
                    let i = (y * width + sx) * 4
                    sum += SIMD4(source[i], source[i + 1], source[i + 2], source[i + 3]) * w
                }
                let o = (y * newWidth + x) * 4
                (across[o], across[o + 1], across[o + 2], across[o + 3]) = (sum.x, sum.y, sum.z, sum.w)
            }
        }
        var out = [UInt8](repeating: 0, count: newWidth * newHeight * 4)
        for y in 0..<newHeight {
            for x in 0..<newWidth {
                var sum = SIMD4<Float>.zero
                for (sy, w) in rows.taps[y] {
                    let i = (sy * newWidth + x) * 4
                    sum += SIMD4(across[i], across[i + 1], across[i + 2], across[i + 3]) * w
                }
                let alpha = min(max(sum.w, 0), 255)
                let o = (y * newWidth + x) * 4
                if alpha > 0 {
                    let colour = sum * (255 / alpha)
                    out[o] = UInt8(min(max(colour.x, 0), 255).rounded())
                    out[o + 1] = UInt8(min(max(colour.y, 0), 255).rounded())
                    out[o + 2] = UInt8(min(max(colour.z, 0), 255).rounded())
                }
                out[o + 3] = UInt8(alpha.rounded())
            }
        }
        return RGBA8Image(width: newWidth, height: newHeight, pixels: out)
    }
}

/// Normalised tent-filter taps of a 1-D resample: for each output sample, the source indices
/// and weights (summing to 1). Pixel centres are at +0.5 on both grids.
private struct ResampleWeights {
    var taps: [[(Int, Float)]]

    init(from sourceCount: Int, to count: Int) {
        let scale = Double(count) / Double(sourceCount)
        let support = max(1.0, 1.0 / scale)  // tent half-width in source pixels
        taps = (0..<count).map { x in
            let centre = (Double(x) + 0.5) / scale - 0.5
            let first = max(0, Int((centre - support).rounded(.up)))
            let last = min(sourceCount - 1, Int((centre + support).rounded(.down)))
            var list: [(Int, Float)] = []
            var total = 0.0
            if first <= last {
                for s in first...last {
                    let w = max(0, 1 - abs(Double(s) - centre) / support)
                    if w > 0 {
                        list.append((s, Float(w)))
                        total += w
                    }
                }
            }
            if total == 0 {
                // Exactly between samples at the border: take the nearest one.
                return [(min(max(Int(centre.rounded()), 0), sourceCount - 1), 1)]
            }
            return list.map { ($0.0, Float(Double($0.1) / total)) }
        }
    }
}
