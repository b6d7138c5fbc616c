import CVector

/// Tone mapping and sRGB encoding for 8 pixels at once, lane for lane the operations of
/// ``ToneMapper/map(_:)`` and ``ToneMapper/encode(_:)`` (bit-identical).
extension ToneMapper {
    /// Display-linear colours in [0, 1] (``map(_:)`` per lane).
    @inlinable @inline(__always)
    public func map8(_ color: Vector3x8) -> Vector3x8 {
        // Negative or NaN radiance (from bad input) becomes 0 before the curve.
        @inline(__always) func exposed(_ x: SIMD8<Float>) -> SIMD8<Float> {
            v_select8(v_gt8(x, .zero), x * scale, .zero)
        }
        let c = Vector3x8(exposed(color.x), exposed(color.y), exposed(color.z))
        switch mode {
        case .pbrNeutral: return Self.pbrNeutral8(c)
        case .aces: return Self.acesHill8(c)
        case .none: return Self.clamp01(c)
        }
    }

    /// 8-bit sRGB codes (0...255) per channel and lane (``encode(_:)`` per lane).
    @inlinable @inline(__always)
    public func encode8(_ color: Vector3x8) -> (r: SIMD8<Int32>, g: SIMD8<Int32>, b: SIMD8<Int32>) {
        let m = map8(color)
        return (srgb.encode8(m.x), srgb.encode8(m.y), srgb.encode8(m.z))
    }

    /// `clamped(lowerBound: 0, upperBound: 1)` per lane.
    @inlinable @inline(__always)
    static func clamp01(_ c: Vector3x8) -> Vector3x8 {
        @inline(__always) func clamp(_ x: SIMD8<Float>) -> SIMD8<Float> {
            v_minimum8(v_maximum8(x, .zero), SIMD8(repeating: 1))
        }
        return Vector3x8(clamp(c.x), clamp(c.y), clamp(c.z))
    }

    /// ``pbrNeutral(_:)`` per lane.
    @inlinable @inline(__always)
    static func pbrNeutral8(_ color: Vector3x8) -> Vector3x8 {
        let startCompression: Float = 0.8 - 0.04
        let desaturation: Float = 0.15
        let x = v_smin8(color.x, v_smin8(color.y, color.z))
        let offset = v_select8(v_lt8(x, SIMD8(repeating: 0.08)), x - 6.25 * x * x, SIMD8(repeating: 0.04))
        let c = color - Vector3x8(offset, offset, offset)
        let peak = v_smax8(c.x, v_smax8(c.y, c.z))
        let d: Float = 1 - startCompression
        let newPeak = 1 - d * d / (peak + d - startCompression)
        let k = newPeak / peak
        let g = 1 - 1 / (desaturation * (peak - newPeak) + 1)
        let grey = newPeak * g
        let compressed = Vector3x8(c.x * k * (1 - g) + grey, c.y * k * (1 - g) + grey, c.z * k * (1 - g) + grey)
        return Vector3x8.select(v_lt8(peak, SIMD8(repeating: startCompression)), c, compressed)
    }

    /// ``acesHill(_:)`` per lane.
    @inlinable @inline(__always)
    static func acesHill8(_ color: Vector3x8) -> Vector3x8 {
        let c = color * SIMD8(repeating: 1 / 0.6)
        let v = Vector3x8(
            0.59719 * c.x + 0.35458 * c.y + 0.04823 * c.z,
            0.07600 * c.x + 0.90834 * c.y + 0.01566 * c.z,
            0.02840 * c.x + 0.13383 * c.y + 0.83777 * c.z)
        @inline(__always) func curve(_ v: SIMD8<Float>) -> SIMD8<Float> {
            let a = v * (v + 0.0245786) - 0.000090537
            let b = v * (0.983729 * v + 0.4329510) + 0.238081
            return a / b
        }
        let f = Vector3x8(curve(v.x), curve(v.y), curve(v.z))
        let o = Vector3x8(
            1.60475 * f.x - 0.53108 * f.y - 0.07367 * f.z,
            -0.10208 * f.x + 1.10813 * f.y - 0.00605 * f.z,
            -0.00327 * f.x - 0.07276 * f.y + 1.07602 * f.z)
        return clamp01(o)
    }
}
