import Render

/// Tangent-space normal maps from height fields.
public enum NormalMap {
    /// A normal map from a height function evaluated at every pixel centre.
    /// - Parameters:
    ///   - field: the height at a pixel, given its centre in 0...1 texture coordinates and
    ///     its column and row.
    public static func fromHeights(
        width: Int, height: Int, strength: Float, wrapX: Bool, wrapY: Bool,
        field: (_ uv: SIMD2<Float>, _ pixel: SIMD2<Int>) -> Float
    ) -> RGBA8Image {
        var heights = [Float](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                let uv = SIMD2((Float(x) + 0.5) / Float(width), (Float(y) + 0.5) / Float(height))
                heights[y * width + x] = field(uv, SIMD2(x, y))
            }
        }
        return fromHeights(heights, width: width, height: height, strength: strength, wrapX: wrapX, wrapY: wrapY)
    }

    /// A normal map (glTF convention: +X = increasing u, +Y = up in the picture, +Z out of the
    /// surface, encoded as `n * 0.5 + 0.5`) from heights in texels.
    /// - Parameters:
    ///   - heights: `width * height` heights, row-major.
    ///   - strength: how many texels one unit of height rises (the bump's steepness).
    ///   - wrapX: whether the field tiles horizontally (differences wrap around the edges).
    ///   - wrapY: whether it tiles vertically.
    public static func fromHeights(
        _ heights: [Float], width: Int, height: Int, strength: Float, wrapX: Bool, wrapY: Bool
    ) -> RGBA8Image {
        precondition(heights.count == width * height, "height count mismatch")
        var bytes = [UInt8](repeating: 255, count: width * height * 4)
        func h(_ x: Int, _ y: Int) -> Float {
            let xx = wrapX ? (x + width) % width : min(max(x, 0), width - 1)
            let yy = wrapY ? (y + height) % height : min(max(y, 0), height - 1)
            return heights[yy * width + xx]
        }
        for y in 0..<height {
            for x in 0..<width {
                let dx = (h(x + 1, y) - h(x - 1, y)) * 0.5 * strength
                // Image rows grow downwards; "up in the picture" is -y.
                let dUp = (h(x, y - 1) - h(x, y + 1)) * 0.5 * strength
                let n = normalize(SIMD3<Float>(-dx, -dUp, 1))
                let i = (y * width + x) * 4
                bytes[i] = Canvas.quantize(n.x * 0.5 + 0.5)
                bytes[i + 1] = Canvas.quantize(n.y * 0.5 + 0.5)
                bytes[i + 2] = Canvas.quantize(n.z * 0.5 + 0.5)
            }
        }
        return RGBA8Image(width: width, height: height, pixels: bytes)
    }
}
