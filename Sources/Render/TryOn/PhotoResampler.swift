/// Resizes RGBA8 images with a separable tent filter whose support widens when shrinking
/// (area-correct downscaling, bilinear upscaling). Channels are filtered independently (photos
/// are opaque).
enum PhotoResampler {
    /// `image` resized to exactly `width` x `height`.
    static func resize(_ image: RGBA8Image, width: Int, height: Int) -> RGBA8Image {
        precondition(width > 0 && height > 0, "empty output")
        if width == image.width && height == image.height { return image }
        let columns = Taps(source: image.width, target: width)
        let rows = Taps(source: image.height, target: height)
        // Horizontal pass into floats (source rows x target columns), then vertical.
        var temp = [Float](repeating: 0, count: image.height * width * 4)
        image.pixels.withUnsafeBufferPointer { src in
            for y in 0..<image.height {
                let row = y * image.width * 4
                for x in 0..<width {
                    var acc = SIMD4<Float>.zero
                    for k in columns.range(x) {
                        let i = row + columns.index[k] * 4
                        acc +=
                            SIMD4(Float(src[i]), Float(src[i + 1]), Float(src[i + 2]), Float(src[i + 3]))
                            * columns.weight[k]
                    }
                    let o = (y * width + x) * 4
                    temp[o] = acc.x
                    temp[o + 1] = acc.y
                    temp[o + 2] = acc.z
                    temp[o + 3] = acc.w
                }
            }
        }
        var out = [UInt8](repeating: 0, count: width * height * 4)
        for y in 0..<height {
            for x in 0..<width {
                var acc = SIMD4<Float>.zero
                for k in rows.range(y) {
                    let i = (rows.index[k] * width + x) * 4
                    acc += SIMD4(temp[i], temp[i + 1], temp[i + 2], temp[i + 3]) * rows.weight[k]
                }
                let o = (y * width + x) * 4
                for c in 0..<4 { out[o + c] = UInt8(min(max(acc[c].rounded(), 0), 255)) }
            }
        }
        return RGBA8Image(width: width, height: height, pixels: out)
    }

    /// Filter taps per output coordinate: source indices (clamped) and normalised weights.
    private struct Taps {
        var start: [Int] = []
        var index: [Int] = []
        var weight: [Float] = []

        init(source: Int, target: Int) {
            let scale = Double(target) / Double(source)
            let support = max(1, 1 / scale)
            for t in 0..<target {
                start.append(index.count)
                let centre = (Double(t) + 0.5) / scale
                let lo = Int((centre - support).rounded(.down))
                let hi = Int((centre + support).rounded(.up))
                var taps: [(Int, Double)] = []
                var total = 0.0
                for s in lo...hi {
                    let w = max(0, 1 - abs(Double(s) + 0.5 - centre) / support)
                    if w > 0 {
                        taps.append((min(max(s, 0), source - 1), w))
                        total += w
                    }
                }
                for (s, w) in taps {
                    index.append(s)
                    weight.append(Float(w / total))
                }
            }
            start.append(index.count)
        }

        func range(_ t: Int) -> Range<Int> { start[t]..<start[t + 1] }
    }
}
