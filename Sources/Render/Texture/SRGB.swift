import Foundation

/// The sRGB transfer function (IEC 61966-2-1) between 8-bit codes and linear values, by table.
///
/// Decoding is a 256-entry table. Encoding rounds exactly: `encode8(x)` is the code `k` whose
/// interval `[t(k - 1/2), t(k + 1/2))` holds `x`, where `t` is the exact sRGB decode. A table
/// indexed by the float's exponent and top 8 mantissa bits gives a first guess that is never
/// more than one code low (a bucket spans less than half a code), and one compare with the
/// threshold table fixes it. So `encode8(decode8(k)) == k` for every code.
public enum SRGB {
    /// Exact decode of an 8-bit sRGB code to linear, computed in double precision.
    public static func decodeExact(_ code: Double) -> Double {
        let c = code / 255
        return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }

    /// Linear value of each 8-bit sRGB code.
    public static let decodeTable: [Float] = (0..<256).map { Float(decodeExact(Double($0))) }

    /// `thresholds[k]`: the smallest linear value (as a Float) that encodes to code `k + 1`.
    static let thresholds: [Float] = (0..<256).map { k -> Float in
        guard k < 255 else { return .infinity }
        let exact = decodeExact(Double(k) + 0.5)
        var f = Float(exact)
        // The first Float at or above the exact boundary.
        if Double(f) < exact { f = f.nextUp }
        while Double(f.nextDown) >= exact { f = f.nextDown }
        return f
    }

    /// Smallest float exponent the bucket table covers: values below 2^-13 all encode to 0.
    static let minExponent = -13
    /// Code of the lower bound of each bucket (exponent, 8 mantissa bits) in [2^-13, 1).
    static let bucketCodes: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 13 * 256)
        for i in 0..<table.count {
            let bits = UInt32(Int(127 + minExponent) << 23) + UInt32(i << 15)
            let x = Float(bitPattern: bits)
            var k = 0
            while k < 255 && x >= thresholds[k] { k += 1 }
            table[i] = UInt8(k)
        }
        return table
    }()

    /// The shared tables as pointers, for hot loops.
    public static let tables = SRGBTables()

    /// Decodes an 8-bit sRGB code to linear.
    @inlinable @inline(__always)
    public static func decode8(_ code: UInt8) -> Float { tables.decode[Int(code)] }

    /// Encodes a linear value to an 8-bit sRGB code with exact rounding; values <= 0 (and NaN)
    /// give 0, values >= 1 give 255.
    @inlinable @inline(__always)
    public static func encode8(_ x: Float) -> UInt8 { tables.encode(x) }
}

/// The sRGB tables as raw pointers (allocated once per process, never freed), so that hot
/// loops index them without array bounds checks or reference counting.
public struct SRGBTables: @unchecked Sendable {
    /// 256 linear values, one per code.
    public let decode: UnsafePointer<Float>
    /// 256 thresholds: the smallest linear value that encodes to `k + 1`.
    public let thresholds: UnsafePointer<Float>
    /// 13 x 256 first guesses indexed by exponent and 8 mantissa bits.
    public let buckets: UnsafePointer<UInt8>
    /// ``buckets`` widened to Int32, for gathers in the batched encode.
    public let buckets32: UnsafePointer<Int32>

    init() {
        decode = Self.copy(SRGB.decodeTable)
        thresholds = Self.copy(SRGB.thresholds)
        buckets = Self.copy(SRGB.bucketCodes)
        buckets32 = Self.copy(SRGB.bucketCodes.map { Int32($0) })
    }

    private static func copy<T>(_ a: [T]) -> UnsafePointer<T> {
        let p = UnsafeMutablePointer<T>.allocate(capacity: a.count)
        p.initialize(from: a, count: a.count)
        return UnsafePointer(p)
    }

    /// Exact-rounding encode of a linear value to an 8-bit sRGB code.
    @inlinable @inline(__always)
    public func encode(_ x: Float) -> UInt8 {
        // 0x39000000 is 2^-13: everything below (and NaN, negative) encodes to 0.
        let bits = x.bitPattern
        guard bits >= 0x3900_0000 else { return 0 }
        guard bits < 0x3F80_0000 else { return bits > 0x7F80_0000 ? 0 : 255 }
        let k = buckets[Int((bits &- 0x3900_0000) &>> 15)]
        return x >= thresholds[Int(k)] ? k &+ 1 : k
    }
}
