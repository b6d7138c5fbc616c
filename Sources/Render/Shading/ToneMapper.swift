import Foundation

/// Turns linear scene radiance into display values: exposure, a tone curve, then sRGB.
///
/// ```swift
/// let mapper = ToneMapper(mode: .pbrNeutral, exposure: 0)
/// let rgb8 = mapper.encode(SIMD3<Float>(0.5, 0.2, 0.1))
/// ```
public struct ToneMapper: Sendable {
    /// The tone curve.
    public let mode: ToneMapping
    /// Exposure in stops.
    public let exposure: Float
    /// `2^exposure`.
    public let scale: Float
    @usableFromInline let srgb = SRGB.tables

    /// Creates a tone mapper.
    /// - Parameters:
    ///   - mode: the tone curve.
    ///   - exposure: stops; the linear colour is multiplied by `2^exposure` first.
    public init(mode: ToneMapping, exposure: Float) {
        self.mode = mode
        self.exposure = exposure
        self.scale = Float(pow(2.0, Double(exposure.isFinite ? exposure : 0)))
    }

    /// Display-linear colour in [0, 1] (before the sRGB encode).
    @inlinable @inline(__always)
    public func map(_ color: SIMD3<Float>) -> SIMD3<Float> {
        // Negative or NaN radiance (from bad input) becomes 0 before the curve.
        let c = (color * scale).replacing(with: 0, where: .!(color .> 0))
        switch mode {
        case .pbrNeutral: return Self.pbrNeutral(c)
        case .aces: return Self.acesHill(c)
        case .none: return c.clamped(lowerBound: .zero, upperBound: SIMD3(repeating: 1))
        }
    }

    /// sRGB-encoded 8-bit colour, exactly rounded (see ``SRGB``).
    @inlinable @inline(__always)
    public func encode(_ color: SIMD3<Float>) -> SIMD3<UInt8> {
        let m = map(color)
        return SIMD3(srgb.encode(m.x), srgb.encode(m.y), srgb.encode(m.z))
    }

    // MARK: - Curves

    /// Khronos PBR Neutral (Khronos 3D Commerce, "PBR Neutral Tone Mapping", 2024): linear with
    /// a small offset below the peak 0.76, so that a base colour under unit white light comes
    /// out as itself minus 0.04; highlights above are compressed toward white and desaturated.
    @inlinable @inline(__always)
    public static func pbrNeutral(_ color: SIMD3<Float>) -> SIMD3<Float> {
        let startCompression: Float = 0.8 - 0.04
        let desaturation: Float = 0.15
        let x = min(color.x, min(color.y, color.z))
        let offset: Float = x < 0.08 ? x - 6.25 * x * x : 0.04
        var c = color - offset
        let peak = max(c.x, max(c.y, c.z))
        if peak < startCompression { return c }
        let d: Float = 1 - startCompression
        let newPeak = 1 - d * d / (peak + d - startCompression)
        c *= newPeak / peak
        let g = 1 - 1 / (desaturation * (peak - newPeak) + 1)
        return c * (1 - g) + SIMD3(repeating: newPeak * g)
    }

    /// ACES filmic, Stephen Hill's fit of the RRT + ODT (BakingLab `ACESFitted`), with the
    /// 1/0.6 exposure bias the glTF Sample Viewer applies so that mid grey matches the other
    /// curves. Input is linear sRGB; output is clamped to [0, 1].
    @inlinable @inline(__always)
    public static func acesHill(_ color: SIMD3<Float>) -> SIMD3<Float> {
        let c = color * (1 / 0.6)
        // sRGB -> ACES AP1-ish input matrix (rows).
        let v = SIMD3<Float>(
            0.59719 * c.x + 0.35458 * c.y + 0.04823 * c.z,
            0.07600 * c.x + 0.90834 * c.y + 0.01566 * c.z,
            0.02840 * c.x + 0.13383 * c.y + 0.83777 * c.z)
        let a = v * (v + 0.0245786) - 0.000090537
        let b = v * (0.983729 * v + 0.4329510) + 0.238081
        let f = a / b
        let o = SIMD3<Float>(
            1.60475 * f.x - 0.53108 * f.y - 0.07367 * f.z,
            -0.10208 * f.x + 1.10813 * f.y - 0.00605 * f.z,
            -0.00327 * f.x - 0.07276 * f.y + 1.07602 * f.z)
        return o.clamped(lowerBound: .zero, upperBound: SIMD3(repeating: 1))
    }
}
