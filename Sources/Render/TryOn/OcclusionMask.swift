/// An occlusion mask: what of the photo must stay in front of every item (hair over a
/// collar, crossed arms over a top).
enum OcclusionMask {
    /// The mask as one byte per canvas pixel, 255 = the photo stays in front.
    ///
    /// A mask with transparency uses its alpha (opaque = in front); an opaque mask uses its
    /// luma (white = in front). It must have the photo's aspect ratio (within 2%) and is
    /// resized to the canvas.
    /// - Throws: `TryOnError.invalidMask` for another aspect ratio.
    static func plane(_ mask: RGBA8Image, width: Int, height: Int) throws -> [UInt8] {
        let maskAspect = Double(mask.width) / Double(mask.height)
        let canvasAspect = Double(width) / Double(height)
        guard abs(maskAspect / canvasAspect - 1) <= 0.02 else {
            throw TryOnError.invalidMask(
                reason: "it is \(mask.width)x\(mask.height), the photo is \(width)x\(height): the aspect ratios differ")
        }
        let sized = PhotoResampler.resize(mask, width: width, height: height)
        let n = width * height
        var plane = [UInt8](repeating: 0, count: n)
        sized.pixels.withUnsafeBufferPointer { px in
            var hasAlpha = false
            for i in 0..<n where px[4 * i + 3] != 255 {
                hasAlpha = true
                break
            }
            for i in 0..<n {
                if hasAlpha {
                    plane[i] = px[4 * i + 3]
                } else {
                    let luma = 77 * Int(px[4 * i]) + 150 * Int(px[4 * i + 1]) + 29 * Int(px[4 * i + 2])
                    plane[i] = UInt8((luma + 128) >> 8)
                }
            }
        }
        return plane
    }
}
