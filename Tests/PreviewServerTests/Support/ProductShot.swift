import Render

/// What makes a frame a usable product shot, measured on its alpha: how much of the picture
/// the product covers, where its opaque pixels sit, and whether it is shaded (not flat).
struct ProductShot: CustomStringConvertible {
    /// Fraction of pixels that are (nearly) opaque: the product, not its soft shadow.
    let coverage: Double
    /// Bounding box of the opaque pixels (x0, y0, x1, y1), inclusive; nil when none.
    let box: (x0: Int, y0: Int, x1: Int, y1: Int)?
    /// Centre of the opaque pixels relative to the image centre, in fractions of the size.
    let offset: (x: Double, y: Double)
    /// Standard deviation of the opaque pixels' luma (0...255).
    let lumaDeviation: Double
    let width: Int
    let height: Int

    init(_ image: RGBA8Image, opaque: UInt8 = 250) {
        width = image.width
        height = image.height
        var count = 0
        var (sumX, sumY, sumL, sumL2) = (0.0, 0.0, 0.0, 0.0)
        var (x0, y0, x1, y1) = (Int.max, Int.max, -1, -1)
        for y in 0..<image.height {
            for x in 0..<image.width {
                let i = (y * image.width + x) * 4
                guard image.pixels[i + 3] >= opaque else { continue }
                count += 1
                sumX += Double(x)
                sumY += Double(y)
                let luma =
                    0.2126 * Double(image.pixels[i]) + 0.7152 * Double(image.pixels[i + 1]) + 0.0722
                    * Double(image.pixels[i + 2])
                sumL += luma
                sumL2 += luma * luma
                (x0, y0, x1, y1) = (min(x0, x), min(y0, y), max(x1, x), max(y1, y))
            }
        }
        let n = Double(max(count, 1))
        coverage = Double(count) / Double(image.width * image.height)
        box = count > 0 ? (x0, y0, x1, y1) : nil
        offset = (
            count > 0 ? (sumX / n + 0.5) / Double(image.width) - 0.5 : 1,
            count > 0 ? (sumY / n + 0.5) / Double(image.height) - 0.5 : 1
        )
        let mean = sumL / n
        lumaDeviation = (max(0, sumL2 / n - mean * mean)).squareRoot()
    }

    /// The whole product is in the picture: its box keeps off the border.
    var isInsideFrame: Bool {
        guard let box else { return false }
        return box.x0 > 0 && box.y0 > 0 && box.x1 < width - 1 && box.y1 < height - 1
    }

    var description: String {
        "coverage \(coverage), box \(box.map { "\($0)" } ?? "none"), offset \(offset), luma sd \(lumaDeviation)"
    }
}
