/// Deterministic gradient noise (Perlin's improved noise in 2D) with optional tiling, and
/// its fractal sums. Integer hashing only: the same seed gives the same texture everywhere.
public struct Noise: Sendable {
    /// Seed mixed into every lattice hash.
    public var seed: UInt32

    /// Creates a noise source.
    public init(seed: UInt32) { self.seed = seed }

    /// A hash of a lattice point to 32 bits (a 2D variant of the lowbias32 mixer).
    @inline(__always)
    public func hash(_ x: Int32, _ y: Int32) -> UInt32 {
        var h = UInt32(bitPattern: x) &* 0x8DA6_B343 ^ UInt32(bitPattern: y) &* 0xD816_3841 ^ seed &* 0xCB1A_B31F
        h ^= h >> 16
        h = h &* 0x7FEB_352D
        h ^= h >> 15
        h = h &* 0x846C_A68B
        h ^= h >> 16
        return h
    }

    /// A uniform value in [0, 1) for a lattice point.
    @inline(__always)
    public func random(_ x: Int, _ y: Int) -> Float {
        Float(hash(Int32(truncatingIfNeeded: x), Int32(truncatingIfNeeded: y)) >> 8) / 16_777_216
    }

    /// Gradient noise at `(x, y)` in about [-1, 1]; with `period` the pattern repeats every
    /// `period` units along both axes (for textures that wrap).
    public func gradient(_ x: Float, _ y: Float, period: Int? = nil) -> Float {
        let fx = x.rounded(.down)
        let fy = y.rounded(.down)
        let tx = x - fx
        let ty = y - fy
        var ix = Int(fx)
        var iy = Int(fy)
        var jx = ix + 1
        var jy = iy + 1
        if let p = period, p > 0 {
            ix = ((ix % p) + p) % p
            iy = ((iy % p) + p) % p
            jx = ((jx % p) + p) % p
            jy = ((jy % p) + p) % p
        }
        let g00 = grad(ix, iy, tx, ty)
        let g10 = grad(jx, iy, tx - 1, ty)
        let g01 = grad(ix, jy, tx, ty - 1)
        let g11 = grad(jx, jy, tx - 1, ty - 1)
        let u = Self.fade(tx)
        let v = Self.fade(ty)
        let a = g00 + (g10 - g00) * u
        let b = g01 + (g11 - g01) * u
        return (a + (b - a) * v) * 1.4
    }

    /// Fractal sum of ``gradient(_:_:period:)`` octaves (each twice the frequency, `gain` the
    /// amplitude), normalised to about [-1, 1].
    public func fbm(_ x: Float, _ y: Float, octaves: Int, period: Int? = nil, gain: Float = 0.5) -> Float {
        var sum: Float = 0
        var amplitude: Float = 1
        var total: Float = 0
        var f: Float = 1
        var p = period
        for _ in 0..<octaves {
            sum += gradient(x * f, y * f, period: p) * amplitude
            total += amplitude
            amplitude *= gain
            f *= 2
            p = p.map { $0 * 2 }
        }
        return sum / total
    }

    @inline(__always)
    private func grad(_ ix: Int, _ iy: Int, _ dx: Float, _ dy: Float) -> Float {
        // Eight gradient directions (axes and diagonals).
        switch hash(Int32(truncatingIfNeeded: ix), Int32(truncatingIfNeeded: iy)) & 7 {
        case 0: return dx + dy
        case 1: return dx - dy
        case 2: return -dx + dy
        case 3: return -dx - dy
        case 4: return dx * 1.414
        case 5: return -dx * 1.414
        case 6: return dy * 1.414
        default: return -dy * 1.414
        }
    }

    @inline(__always)
    private static func fade(_ t: Float) -> Float { t * t * t * (t * (t * 6 - 15) + 10) }
}
