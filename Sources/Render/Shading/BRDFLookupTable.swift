import Dispatch

/// The split-sum lookup table (Karis 2013), computed once per process, deterministic.
///
/// Indexed by `nDotV` and perceptual roughness on a 32 x 32 grid of points (0...1 each, grid
/// point i at i / 31), bilinear between points. Channels:
/// - `x`, `y`: the GGX directional albedo split as `F0 * x + y` (Schlick Fresnel, height-
///   correlated Smith visibility), so `x + y` is the albedo with F = 1 (`Ess`);
/// - `z`: the directional albedo of the sheen lobe (Charlie distribution x Charlie visibility),
///   with the sheen roughness on the second axis, for the `KHR_materials_sheen` albedo scaling.
public struct BRDFLookupTable: @unchecked Sendable {
    /// Points per axis.
    public static let size = 32
    /// The process-wide table.
    public static let shared = BRDFLookupTable()

    /// `size * size` entries, row = roughness, column = nDotV.
    @usableFromInline let entries: UnsafePointer<SIMD4<Float>>

    private init() {
        let n = Self.size
        let p = UnsafeMutablePointer<SIMD4<Float>>.allocate(capacity: n * n)
        let out = Output(pointer: p)
        // Rows in parallel; each cell is written once, so the table is the same on any schedule.
        DispatchQueue.concurrentPerform(iterations: n) { row in
            let p = out.pointer
            for col in 0..<n {
                let nDotV = max(Float(col) / Float(n - 1), 1e-3)
                let roughness = Float(row) / Float(n - 1)
                let split = Self.integrateSplitSum(nDotV: nDotV, roughness: roughness, samples: 1024)
                let sheen = Self.integrateSheenAlbedo(nDotV: nDotV, sheenRoughness: roughness, samples: 1024)
                p[row * n + col] = SIMD4(split.x, split.y, sheen, 0)
            }
        }
        entries = UnsafePointer(p)
    }

    /// The table's memory, handed to the worker threads that fill it.
    private struct Output: @unchecked Sendable { let pointer: UnsafeMutablePointer<SIMD4<Float>> }

    /// Bilinear lookup.
    /// - Parameters:
    ///   - nDotV: cosine between normal and view, 0...1.
    ///   - roughness: perceptual roughness (GGX) or sheen roughness, 0...1.
    @inlinable @inline(__always)
    public func lookup(nDotV: Float, roughness: Float) -> SIMD4<Float> {
        let last = Float(Self.size - 1)
        // NaN reads the first row or column.
        let x = (nDotV >= 0 ? min(nDotV, 1) : 0) * last
        let y = (roughness >= 0 ? min(roughness, 1) : 0) * last
        let x0 = min(Int(x), Self.size - 2)
        let y0 = min(Int(y), Self.size - 2)
        let fx = x - Float(x0)
        let fy = y - Float(y0)
        let i = y0 * Self.size + x0
        let a = entries[i] + (entries[i + 1] - entries[i]) * fx
        let b = entries[i + Self.size] + (entries[i + Self.size + 1] - entries[i + Self.size]) * fx
        return a + (b - a) * fy
    }

    // MARK: - Integration

    /// `(A, B)` such that the GGX directional albedo is `F0 * A + B`: GGX importance sampling
    /// of the half vector, weight `4 V nDotL vDotH / nDotH` (Karis 2013, with Filament's
    /// height-correlated visibility).
    public static func integrateSplitSum(nDotV: Float, roughness: Float, samples: Int) -> SIMD2<Float> {
        let alpha = roughness * roughness
        let v = SIMD3<Float>((1 - nDotV * nDotV).squareRoot(), 0, nDotV)
        var sum = SIMD2<Double>.zero
        for i in 0..<samples {
            let h = Hammersley.ggxHalfVector(Hammersley.point(i, of: samples), alpha: alpha)
            let vDotH = dot(v, h)
            let l = 2 * vDotH * h - v
            let nDotL = l.z
            let nDotH = h.z
            guard nDotL > 0, vDotH > 0, nDotH > 0 else { continue }
            let vis = BRDF.visibilitySmithGGXCorrelated(nDotV: nDotV, nDotL: nDotL, alpha: alpha)
            let w = Double(4 * vis * nDotL * vDotH / nDotH)
            let fc = Double(BRDF.schlickWeight(vDotH))
            sum += SIMD2((1 - fc) * w, fc * w)
        }
        return SIMD2<Float>(sum / Double(samples))
    }

    /// Directional albedo of the sheen lobe `D_charlie V_charlie`, cosine-weighted sampling
    /// of the light direction.
    public static func integrateSheenAlbedo(nDotV: Float, sheenRoughness: Float, samples: Int) -> Float {
        let r = max(sheenRoughness, BRDF.minSheenRoughness)
        let alpha = r * r
        let v = SIMD3<Float>((1 - nDotV * nDotV).squareRoot(), 0, nDotV)
        var sum = 0.0
        for i in 0..<samples {
            let l = Hammersley.cosineDirection(Hammersley.point(i, of: samples))
            let nDotL = l.z
            guard nDotL > 0 else { continue }
            let h = normalize(v + l)
            let d = BRDF.distributionCharlie(nDotH: h.z, alpha: alpha)
            let vis = BRDF.visibilityCharlie(nDotV: nDotV, nDotL: nDotL, alpha: alpha)
            // f * nDotL / pdf with pdf = nDotL / pi.
            sum += Double(d * vis * Float.pi)
        }
        return Float(sum / Double(samples))
    }
}
