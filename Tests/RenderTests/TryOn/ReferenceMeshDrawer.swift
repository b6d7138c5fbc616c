@testable import Render

/// The scalar reference for `WarpMeshDrawer` + `GarmentSpanKernel`: every pixel of each
/// triangle's bounding box is tested against the three edge functions directly (no span
/// solving), and each covered pixel is computed one channel at a time with plain integers.
/// The SIMD path must give identical bytes.
enum ReferenceMeshDrawer {
    static func draw(
        _ mesh: WarpMesh, texture: ItemTexture, feathered: Bool, into canvas: inout RGBA8Image, mask: [UInt8]?
    ) {
        let levels = feathered ? texture.featheredLevels : texture.levels
        for t in mesh.triangles {
            var ids = [Int(t.x), Int(t.y), Int(t.z)]
            var fx = ids.map { Int64((mesh.positions[$0].x * 256).rounded(.toNearestOrEven)) }
            var fy = ids.map { Int64((mesh.positions[$0].y * 256).rounded(.toNearestOrEven)) }
            let area = (fx[1] - fx[0]) * (fy[2] - fy[0]) - (fy[1] - fy[0]) * (fx[2] - fx[0])
            if area == 0 { continue }
            if area < 0 {
                ids.swapAt(1, 2)
                fx.swapAt(1, 2)
                fy.swapAt(1, 2)
            }
            let p = (0..<3).map { SIMD2(Double(fx[$0]), Double(fy[$0])) / 256 }
            let plane = AttributePlanes(p0: p[0], p1: p[1], p2: p[2])
            let uv = ids.map { mesh.uvs[$0] }
            let du = plane.gradient(uv[0].x, uv[1].x, uv[2].x)
            let dv = plane.gradient(uv[0].y, uv[1].y, uv[2].y)
            let rho = max((du.x * du.x + dv.x * dv.x).squareRoot(), (du.y * du.y + dv.y * dv.y).squareRoot())
            let levelIndex = texture.levelIndex(texelsPerPixel: rho)
            let level = levels[levelIndex]
            let s = 1 / Double(1 << levelIndex)
            let uPlane = plane.coefficients(uv[0].x * s - 0.5, du * s)
            let vPlane = plane.coefficients(uv[0].y * s - 0.5, dv * s)
            let sh = ids.map { Double(mesh.shades[$0]) }
            let sPlane = plane.coefficients(sh[0] * 256, plane.gradient(sh[0], sh[1], sh[2]) * 256)
            for y in 0..<canvas.height {
                for x in 0..<canvas.width {
                    let px = Int64(x) * 256 + 128
                    let py = Int64(y) * 256 + 128
                    var inside = true
                    for k in 0..<3 {
                        let j = (k + 1) % 3
                        let dx = fx[j] - fx[k]
                        let dy = fy[j] - fy[k]
                        let e = dx * (py - fy[k]) - dy * (px - fx[k])
                        let topLeft = dy < 0 || (dy == 0 && dx > 0)
                        if e < (topLeft ? 0 : 1) { inside = false }
                    }
                    guard inside else { continue }
                    let u = (uPlane.x + uPlane.z * Float(y)) + uPlane.y * Float(x)
                    let v = (vPlane.x + vPlane.z * Float(y)) + vPlane.y * Float(x)
                    let shade = (sPlane.x + sPlane.z * Float(y)) + sPlane.y * Float(x)
                    var c = sample(level, u: u, v: v)
                    if let mask {
                        let m = Int(mask[y * canvas.width + x])
                        let k = 256 - (m + (m >> 7))
                        for i in 0..<4 { c[i] = (c[i] * k + 128) >> 8 }
                    }
                    let sv = Int(min(max(shade, 0), 256))
                    for i in 0..<3 { c[i] = (c[i] * sv + 128) >> 8 }
                    let inv = 255 - c[3]
                    let k2 = inv + (inv >> 7)
                    let photo = canvas[x, y]
                    var out = SIMD4<UInt8>()
                    for i in 0..<4 { out[i] = UInt8(c[i] + ((Int(photo[i]) * k2 + 128) >> 8)) }
                    canvas[x, y] = out
                }
            }
        }
    }

    /// Bilinear with 1/16-texel rounded positions and weights summing to 256, per channel;
    /// positions clamped to `-1...size`, texels outside the level transparent.
    static func sample(_ level: ItemTexture.Level, u: Float, v: Float) -> SIMD4<Int> {
        let su = min(max(u, -1), Float(level.width))
        let sv = min(max(v, -1), Float(level.height))
        let pu = Int((su + 1) * 16 + 0.5) - 16
        let pv = Int((sv + 1) * 16 + 0.5) - 16
        let iu = pu >> 4
        let iv = pv >> 4
        let wx = pu & 15
        let wy = pv & 15
        func texel(_ x: Int, _ y: Int) -> SIMD4<Int> {
            guard x >= 0, y >= 0, x < level.width, y < level.height else { return .zero }
            let t = level[x, y]
            return SIMD4(Int(t & 0xFF), Int(t >> 8 & 0xFF), Int(t >> 16 & 0xFF), Int(t >> 24))
        }
        let sum =
            texel(iu, iv) &* ((16 - wx) * (16 - wy)) &+ texel(iu + 1, iv) &* (wx * (16 - wy))
            &+ texel(iu, iv + 1) &* ((16 - wx) * wy) &+ texel(iu + 1, iv + 1) &* (wx * wy)
        return (sum &+ 128) &>> 8
    }
}
