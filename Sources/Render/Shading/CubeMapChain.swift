import Dispatch

/// A chain of cube maps of linear RGB (one per level), each face stored with a one-texel border
/// that holds the values just across the edge, so bilinear lookups need no face-crossing logic
/// (seamless filtering). Faces follow OpenGL's cube map conventions (+X, -X, +Y, -Y, +Z, -Z).
///
/// Storage is one allocation of `SIMD4<Float>` (w unused) owned by a ``CubeMapStorage``;
/// ``CubeMapChain`` is the hot-loop view of it.
public struct CubeMapChain: @unchecked Sendable {
    /// Texels of every level: level, face, row (size + 2), column (size + 2).
    @usableFromInline let texels: UnsafeMutablePointer<SIMD4<Float>>
    /// Per level: offset of face 0 and face size (without border).
    @usableFromInline let levels: UnsafePointer<CubeLevel>
    /// Number of levels.
    public let levelCount: Int
    /// Level offsets and face sizes for the batched path, as lanes index them by register
    /// permutes: offsets of levels 0-7 and 8-15, then sizes likewise (at most 16 levels).
    @usableFromInline let batchLevels: UnsafePointer<SIMD8<Int32>>

    init(
        texels: UnsafeMutablePointer<SIMD4<Float>>, levels: UnsafePointer<CubeLevel>, levelCount: Int,
        batchLevels: UnsafeMutablePointer<SIMD8<Int32>>
    ) {
        precondition(levelCount <= 16, "at most 16 cube levels")
        self.texels = texels
        self.levels = levels
        self.levelCount = levelCount
        batchLevels.initialize(repeating: .zero, count: 4)
        for l in 0..<levelCount {
            batchLevels[l / 8][l % 8] = Int32(levels[l].offset)
            batchLevels[2 + l / 8][l % 8] = Int32(levels[l].size)
        }
        self.batchLevels = UnsafePointer(batchLevels)
    }

    /// Face size (without border) of level `l`.
    public func faceSize(_ l: Int) -> Int { levels[l].size }

    // MARK: - Face geometry

    /// The face a direction falls on and its face coordinates (s, t) in [0, 1].
    @inlinable @inline(__always)
    public static func faceCoordinates(_ d: SIMD3<Float>) -> (face: Int, st: SIMD2<Float>) {
        let a = SIMD3(abs(d.x), abs(d.y), abs(d.z))
        let face: Int
        let sc: Float
        let tc: Float
        let ma: Float
        if a.x >= a.y && a.x >= a.z {
            ma = a.x
            face = d.x >= 0 ? 0 : 1
            sc = d.x >= 0 ? -d.z : d.z
            tc = -d.y
        } else if a.y >= a.z {
            ma = a.y
            face = d.y >= 0 ? 2 : 3
            sc = d.x
            tc = d.y >= 0 ? d.z : -d.z
        } else {
            ma = a.z
            face = d.z >= 0 ? 4 : 5
            sc = d.z >= 0 ? d.x : -d.x
            tc = -d.y
        }
        let inv = 0.5 / ma
        let st = SIMD2(sc * inv + 0.5, tc * inv + 0.5)
        // A zero, infinite or NaN direction looks up the centre of +X (never a NaN coordinate).
        if !(ma > 0) || st.x.isNaN || st.y.isNaN { return (0, SIMD2(0.5, 0.5)) }
        return (face, st)
    }

    /// The (unnormalised) direction through face coordinates (s, t) of `face`; s and t may lie
    /// slightly outside [0, 1] (border texels).
    @inlinable @inline(__always)
    public static func direction(face: Int, st: SIMD2<Float>) -> SIMD3<Float> {
        let a = 2 * st.x - 1
        let b = 2 * st.y - 1
        switch face {
        case 0: return SIMD3(1, -b, -a)
        case 1: return SIMD3(-1, -b, a)
        case 2: return SIMD3(a, 1, b)
        case 3: return SIMD3(a, -1, -b)
        case 4: return SIMD3(a, -b, 1)
        default: return SIMD3(-a, -b, -1)
        }
    }

    /// Direction of the centre of bordered texel (column `i`, row `j`), 0...size + 1.
    @inlinable @inline(__always)
    static func texelDirection(face: Int, i: Int, j: Int, size: Int) -> SIMD3<Float> {
        let inv = 1 / Float(size)
        return normalize(direction(face: face, st: SIMD2((Float(i) - 0.5) * inv, (Float(j) - 0.5) * inv)))
    }

    // MARK: - Lookups

    /// Bilinear lookup in level `l` at face coordinates already computed.
    @inlinable @inline(__always)
    func bilinear(level l: Int, face: Int, st: SIMD2<Float>) -> SIMD4<Float> {
        let lv = levels[l]
        let size = lv.size
        let stride = size + 2
        // Bordered texel space: interior texel i has its centre at i + 1.5 - 0.5 = s * size + 0.5.
        let x = st.x * lv.sizeF + 0.5
        let y = st.y * lv.sizeF + 0.5
        let xf = x.rounded(.down)
        let yf = y.rounded(.down)
        let i = min(max(Int(xf), 0), size)
        let j = min(max(Int(yf), 0), size)
        let fx = min(max(x - xf, 0), 1)
        let fy = min(max(y - yf, 0), 1)
        let p = texels + (lv.offset &+ face &* stride &* stride &+ j &* stride &+ i)
        let top = p[0] + (p[1] - p[0]) * fx
        let bottom = p[stride] + (p[stride &+ 1] - p[stride]) * fx
        return top + (bottom - top) * fy
    }

    /// Trilinear lookup: bilinear in the two levels around `lod`, blended.
    @inlinable @inline(__always)
    public func sample(_ d: SIMD3<Float>, lod: Float) -> SIMD3<Float> {
        let (face, st) = Self.faceCoordinates(d)
        let maxLod = Float(levelCount - 1)
        // NaN reads level 0.
        let l = lod >= 0 ? min(lod, maxLod) : 0
        let lf = l.rounded(.down)
        let l0 = Int(lf)
        let f = l - lf
        let a = bilinear(level: l0, face: face, st: st)
        guard f > 0, l0 + 1 < levelCount else { return SIMD3(a.x, a.y, a.z) }
        let b = bilinear(level: l0 + 1, face: face, st: st)
        let c = a + (b - a) * f
        return SIMD3(c.x, c.y, c.z)
    }
}

/// Where a cube level lives in the chain's storage.
public struct CubeLevel: Sendable {
    /// Index of face 0's first (border) texel.
    public var offset: Int
    /// Face size without the border.
    public var size: Int
    /// `size` as a float.
    public var sizeF: Float
}

/// Owner of a ``CubeMapChain``'s memory.
final class CubeMapStorage: @unchecked Sendable {
    let chain: CubeMapChain
    private let texels: UnsafeMutablePointer<SIMD4<Float>>
    private let levels: UnsafeMutablePointer<CubeLevel>
    private let batchLevels: UnsafeMutablePointer<SIMD8<Int32>>
    /// Total texels (with borders).
    let texelCount: Int

    /// Allocates levels of the given face sizes, zero-filled.
    init(faceSizes: [Int]) {
        var offset = 0
        levels = .allocate(capacity: faceSizes.count)
        for (l, s) in faceSizes.enumerated() {
            levels[l] = CubeLevel(offset: offset, size: s, sizeF: Float(s))
            offset += 6 * (s + 2) * (s + 2)
        }
        texelCount = offset
        texels = .allocate(capacity: offset)
        texels.initialize(repeating: .zero, count: offset)
        batchLevels = .allocate(capacity: 4)
        chain = CubeMapChain(
            texels: texels, levels: UnsafePointer(levels), levelCount: faceSizes.count, batchLevels: batchLevels)
    }

    deinit {
        texels.deallocate()
        levels.deallocate()
        batchLevels.deallocate()
    }

    /// Fills every bordered texel of level `l` with `value(face, direction)`, faces in parallel.
    func fill(level l: Int, _ value: @Sendable (Int, SIMD3<Float>) -> SIMD3<Float>) {
        let lv = chain.levels[l]
        let stride = lv.size + 2
        let chain = self.chain
        // Rows of all faces in parallel; each texel is written once, so any schedule gives the
        // same bytes.
        DispatchQueue.concurrentPerform(iterations: 6 * stride) { job in
            let face = job / stride
            let j = job % stride
            let row = chain.texels + lv.offset + face * stride * stride + j * stride
            for i in 0..<stride {
                let d = CubeMapChain.texelDirection(face: face, i: i, j: j, size: lv.size)
                let c = value(face, d)
                row[i] = SIMD4(c.x, c.y, c.z, 0)
            }
        }
    }
}
