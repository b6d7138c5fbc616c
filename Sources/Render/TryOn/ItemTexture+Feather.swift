extension ItemTexture {
    /// A copy of a level's texels (`w * h`, row-major) whose alpha fades to the silhouette over about `width` texels.
    ///
    /// The distance of every texel to the nearest outside texel (alpha < 128, or beyond the
    /// image border) is a 3-4 chamfer distance (Borgefors 1986, within 8% of Euclidean), in
    /// texels; each texel is scaled by `clamp((d + 0.5) / (width + 1), 0, 1)`. Colour and alpha
    /// are scaled together, so texels stay premultiplied.
    static func feathered(_ source: [UInt32], width w: Int, height h: Int, feather width: Double) -> [UInt32] {
        let n = w * h
        var texels = source
        guard width > 0 else { return texels }

        // Chamfer distances in thirds of a texel; 0 outside, capped far inside.
        let far: Int32 = 3 * 1024
        var d = [Int32](repeating: 0, count: n)
        for i in 0..<n where texels[i] >> 24 >= 128 { d[i] = far }
        d.withUnsafeMutableBufferPointer { d in
            @inline(__always) func at(_ x: Int, _ y: Int) -> Int32 {
                x < 0 || y < 0 || x >= w || y >= h ? 0 : d[y * w + x]
            }
            for y in 0..<h {
                for x in 0..<w where d[y * w + x] > 0 {
                    let v = min(at(x - 1, y) + 3, at(x, y - 1) + 3, at(x - 1, y - 1) + 4, at(x + 1, y - 1) + 4)
                    d[y * w + x] = min(d[y * w + x], v)
                }
            }
            for y in stride(from: h - 1, through: 0, by: -1) {
                for x in stride(from: w - 1, through: 0, by: -1) where d[y * w + x] > 0 {
                    let v = min(at(x + 1, y) + 3, at(x, y + 1) + 3, at(x + 1, y + 1) + 4, at(x - 1, y + 1) + 4)
                    d[y * w + x] = min(d[y * w + x], v)
                }
            }
        }
        // Scale each texel by its ramp value, in 1/256 steps.
        let denominator = width + 1
        for i in 0..<n where texels[i] != 0 {
            let distance = Double(d[i]) / 3
            let ramp = min(max((distance + 0.5) / denominator, 0), 1)
            let k = UInt32((ramp * 256).rounded())
            guard k < 256 else { continue }
            let t = texels[i]
            let rb = ((t & 0x00FF_00FF) &* k &+ 0x0080_0080) >> 8 & 0x00FF_00FF
            let ga = (((t >> 8) & 0x00FF_00FF) &* k &+ 0x0080_0080) >> 8 & 0x00FF_00FF
            texels[i] = rb | ga << 8
        }
        return texels
    }
}
