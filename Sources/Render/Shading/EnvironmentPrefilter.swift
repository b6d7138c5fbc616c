import Foundation

/// GGX pre-filtering of an environment's specular cube-map chain by filtered importance
/// sampling (Křivánek & Colbert 2008, "Real-time Shading with Filtered Importance Sampling";
/// Karis 2013's split sum with n = v = r): level i is the environment convolved with the GGX
/// lobe of perceptual roughness i / (levels - 1), each sample read from a box-filtered mip of
/// the environment whose texels match the sample's solid angle, which removes the noise of a
/// small sample count.
enum EnvironmentPrefilter {
    /// Samples per texel.
    static let sampleCount = 96

    /// Fills levels 1... of `storage` from its level 0.
    static func prefilter(_ storage: CubeMapStorage) {
        let chain = storage.chain
        let size0 = chain.faceSize(0)
        let source = boxMipChain(of: chain)
        let sourceChain = source.chain
        let texelSolidAngle = 4 * Float.pi / (6 * Float(size0 * size0))
        for level in 1..<chain.levelCount {
            let roughness = Float(level) / Float(chain.levelCount - 1)
            let samples = lobeSamples(alpha: roughness * roughness, texelSolidAngle: texelSolidAngle)
            storage.fill(level: level) { _, n in
                let (t, b) = Hammersley.basis(n)
                var sum = SIMD3<Float>.zero
                var weight: Float = 0
                for s in samples {
                    let l = t * s.x + b * s.y + n * s.z
                    sum += sourceChain.sample(l, lod: s.w) * s.z
                    weight += s.z
                }
                return weight > 0 ? sum / weight : sourceChain.sample(n, lod: 0)
            }
        }
    }

    /// The light directions of the GGX lobe around +Z with n = v (xyz, z = nDotL) and the
    /// source mip level for each (w): half its log2 of sample over texel solid angle, + 1.
    static func lobeSamples(alpha: Float, texelSolidAngle: Float) -> [SIMD4<Float>] {
        let n = sampleCount
        var out: [SIMD4<Float>] = []
        for i in 0..<n {
            let h = Hammersley.ggxHalfVector(Hammersley.point(i, of: n), alpha: alpha)
            let nDotL = 2 * h.z * h.z - 1
            guard nDotL > 0 else { continue }
            let l = SIMD3<Float>(2 * h.z * h.x, 2 * h.z * h.y, nDotL)
            // pdf of l with n = v: D(h) nDotH / (4 vDotH) = D / 4.
            let pdf = BRDF.distributionGGX(nDotH: h.z, alpha: max(alpha, 1e-4)) / 4
            let sampleSolidAngle = 1 / (Float(n) * pdf)
            let lod = max(0.5 * Float(log2(Double(sampleSolidAngle / texelSolidAngle))) + 1, 0)
            out.append(SIMD4(l.x, l.y, l.z, lod))
        }
        return out
    }

    /// A copy of level 0 with box-filtered levels down to 1x1 (borders filled from the finer
    /// level across the edge).
    static func boxMipChain(of chain: CubeMapChain) -> CubeMapStorage {
        var sizes = [chain.faceSize(0)]
        while sizes.last! > 1 { sizes.append(sizes.last! / 2) }
        let out = CubeMapStorage(faceSizes: sizes)
        let dst = out.chain
        let s0 = sizes[0]
        (dst.texels + dst.levels[0].offset).update(
            from: chain.texels + chain.levels[0].offset, count: 6 * (s0 + 2) * (s0 + 2))
        for l in 1..<sizes.count {
            let fine = dst.levels[l - 1]
            let coarse = dst.levels[l]
            let fs = fine.size + 2
            let cs = coarse.size + 2
            for face in 0..<6 {
                let f = dst.texels + fine.offset + face * fs * fs
                let c = dst.texels + coarse.offset + face * cs * cs
                for j in 1...coarse.size {
                    for i in 1...coarse.size {
                        let fi = 2 * i - 1
                        let fj = 2 * j - 1
                        let sum =
                            f[fj * fs + fi] + f[fj * fs + fi + 1] + f[(fj + 1) * fs + fi] + f[(fj + 1) * fs + fi + 1]
                        c[j * cs + i] = sum * 0.25
                    }
                }
            }
            // Borders: the finer level seen in the border texel's direction.
            for face in 0..<6 {
                let c = dst.texels + coarse.offset + face * cs * cs
                for j in 0..<cs {
                    for i in 0..<cs where i == 0 || j == 0 || i == cs - 1 || j == cs - 1 {
                        let d = CubeMapChain.texelDirection(face: face, i: i, j: j, size: coarse.size)
                        let v = dst.sample(d, lod: Float(l - 1))
                        c[j * cs + i] = SIMD4(v.x, v.y, v.z, 0)
                    }
                }
            }
        }
        return out
    }
}
