import CVector

/// Batched cube-map lookups: ``CubeMapChain/sample(_:lod:)`` for 8 directions, face selection
/// by lane masks, texels gathered per channel, the scalar path's operations in the same order
/// (bit-identical).
extension CubeMapChain {
    /// Face index and face coordinates per lane (see ``faceCoordinates(_:)``).
    @usableFromInline struct Faces8 {
        @usableFromInline let face: SIMD8<Int32>
        @usableFromInline let s: SIMD8<Float>
        @usableFromInline let t: SIMD8<Float>
    }

    /// ``faceCoordinates(_:)`` per lane.
    @inline(__always)
    static func faceCoordinates8(_ d: Vector3x8) -> Faces8 {
        let ax = v_abs8(d.x)
        let ay = v_abs8(d.y)
        let az = v_abs8(d.z)
        let isX = v_ge8(ax, ay) & v_ge8(ax, az)
        let isY = ~isX & v_ge8(ay, az)
        let px = v_ge8(d.x, .zero)
        let py = v_ge8(d.y, .zero)
        let pz = v_ge8(d.z, .zero)
        // Z faces first, then Y and X override.
        var ma = az
        var face = v_select8i(pz, SIMD8(repeating: 4), SIMD8(repeating: 5))
        var sc = v_select8(pz, d.x, -d.x)
        var tc = -d.y
        ma = v_select8(isY, ay, ma)
        face = v_select8i(isY, v_select8i(py, SIMD8(repeating: 2), SIMD8(repeating: 3)), face)
        sc = v_select8(isY, d.x, sc)
        tc = v_select8(isY, v_select8(py, d.z, -d.z), tc)
        ma = v_select8(isX, ax, ma)
        face = v_select8i(isX, v_select8i(px, .zero, SIMD8(repeating: 1)), face)
        sc = v_select8(isX, v_select8(px, -d.z, d.z), sc)
        let inv = 0.5 / ma
        let s = sc * inv + 0.5
        let t = tc * inv + 0.5
        // A zero, infinite or NaN direction looks up the centre of +X (never a NaN coordinate).
        let bad = ~v_gt8(ma, .zero) | ~v_eq8(s, s) | ~v_eq8(t, t)
        let centre = SIMD8<Float>(repeating: 0.5)
        return Faces8(face: v_select8i(bad, .zero, face), s: v_select8(bad, centre, s), t: v_select8(bad, centre, t))
    }

    /// Bilinear lookup per lane in level `l[i]` (see ``bilinear(level:face:st:)``).
    @inline(__always)
    func bilinear8(level l: SIMD8<Int32>, _ f: Faces8) -> Vector3x8 {
        let offset = v_lookup16i(batchLevels[0], batchLevels[1], l)
        let size = v_lookup16i(batchLevels[2], batchLevels[3], l)
        let sizeF = v_i2f8(size)
        let stride = size &+ 2
        let x = f.s * sizeF + 0.5
        let y = f.t * sizeF + 0.5
        let xf = v_floor8(x)
        let yf = v_floor8(y)
        let i = v_clamp8i(v_f2i8(xf), .zero, size)
        let j = v_clamp8i(v_f2i8(yf), .zero, size)
        let one = SIMD8<Float>(repeating: 1)
        let fx = v_smin8(v_smax8(x - xf, .zero), one)
        let fy = v_smin8(v_smax8(y - yf, .zero), one)
        // Float index of the top-left texel (texels are 4 floats): its RGBA and its right
        // neighbour's are loaded per lane and transposed, then the row below.
        let p = (offset &+ f.face &* stride &* stride &+ j &* stride &+ i) &* 4
        let below = p &+ stride &* 4
        let base = UnsafeRawPointer(texels).assumingMemoryBound(to: Float.self)
        let p00 = Float4x8(base, p)
        let p01 = Float4x8(base + 4, p)
        let p10 = Float4x8(base, below)
        let p11 = Float4x8(base + 4, below)
        @inline(__always) func blend(
            _ p00: SIMD8<Float>, _ p01: SIMD8<Float>, _ p10: SIMD8<Float>, _ p11: SIMD8<Float>
        ) -> SIMD8<Float> {
            let top = p00 + (p01 - p00) * fx
            let bottom = p10 + (p11 - p10) * fx
            return top + (bottom - top) * fy
        }
        return Vector3x8(
            blend(p00.x, p01.x, p10.x, p11.x), blend(p00.y, p01.y, p10.y, p11.y), blend(p00.z, p01.z, p10.z, p11.z))
    }

    /// Trilinear lookup per lane (see ``sample(_:lod:)``).
    @inline(__always)
    func sample8(_ d: Vector3x8, lod: SIMD8<Float>) -> Vector3x8 {
        let f = Self.faceCoordinates8(d)
        let maxLod = Float(levelCount - 1)
        let l = v_select8(v_ge8(lod, .zero), v_smin8(lod, SIMD8(repeating: maxLod)), .zero)
        let lf = v_floor8(l)
        let l0 = v_f2i8(lf)
        let next = v_lt8i(l0 &+ 1, SIMD8(repeating: Int32(levelCount)))
        let frac = v_select8(next & v_gt8(l - lf, .zero), l - lf, .zero)
        let a = bilinear8(level: l0, f)
        guard v_any8(v_gt8(frac, .zero)) != 0 else { return a }
        // Lanes without a second level have frac 0: a + (b - a) * 0 is a exactly.
        let b = bilinear8(level: v_min8i(l0 &+ 1, SIMD8(repeating: Int32(levelCount - 1))), f)
        return a + (b - a) * frac
    }
}
