extension RGBA8Image {
    /// The image turned upright for an EXIF orientation tag (1-8): 2 mirrors left-right, 3
    /// turns 180°, 4 mirrors top-bottom, 5 transposes, 6 turns 90° clockwise, 7 transverses,
    /// 8 turns 90° anticlockwise. Orientations 5-8 swap width and height. Any other value
    /// returns the image unchanged.
    public func oriented(exif orientation: Int) -> RGBA8Image {
        guard (2...8).contains(orientation), width > 0, height > 0 else { return self }
        let w = width
        let h = height
        let swaps = orientation >= 5
        let outWidth = swaps ? h : w
        let outHeight = swaps ? w : h
        // For output pixel (x, y): source = (sx0 + x * dxx + y * dxy, sy0 + x * dyx + y * dyy).
        let (sx0, dxx, dxy, sy0, dyx, dyy): (Int, Int, Int, Int, Int, Int)
        switch orientation {
        case 2: (sx0, dxx, dxy, sy0, dyx, dyy) = (w - 1, -1, 0, 0, 0, 1)
        case 3: (sx0, dxx, dxy, sy0, dyx, dyy) = (w - 1, -1, 0, h - 1, 0, -1)
        case 4: (sx0, dxx, dxy, sy0, dyx, dyy) = (0, 1, 0, h - 1, 0, -1)
        case 5: (sx0, dxx, dxy, sy0, dyx, dyy) = (0, 0, 1, 0, 1, 0)
        case 6: (sx0, dxx, dxy, sy0, dyx, dyy) = (0, 0, 1, h - 1, -1, 0)
        case 7: (sx0, dxx, dxy, sy0, dyx, dyy) = (w - 1, 0, -1, h - 1, -1, 0)
        default: (sx0, dxx, dxy, sy0, dyx, dyy) = (w - 1, 0, -1, 0, 1, 0)
        }
        let count = outWidth * outHeight
        let out = [UInt8](unsafeUninitializedCapacity: count * 4) { buffer, initialized in
            pixels.withUnsafeBytes { raw in
                let source = raw.bindMemory(to: UInt32.self)
                let target = UnsafeMutableRawBufferPointer(buffer).bindMemory(to: UInt32.self)
                // 32x32 blocks keep the column walks of orientations 5-8 inside the cache.
                let block = 32
                for by in stride(from: 0, to: outHeight, by: block) {
                    for bx in stride(from: 0, to: outWidth, by: block) {
                        for y in by..<min(by + block, outHeight) {
                            for x in bx..<min(bx + block, outWidth) {
                                let sx = sx0 + x * dxx + y * dxy
                                let sy = sy0 + x * dyx + y * dyy
                                target[y * outWidth + x] = source[sy * w + sx]
                            }
                        }
                    }
                }
            }
            initialized = count * 4
        }
        return RGBA8Image(width: outWidth, height: outHeight, pixels: out)
    }
}
