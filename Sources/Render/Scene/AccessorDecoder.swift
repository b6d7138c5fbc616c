/// glTF accessor component types (`componentType`).
enum ComponentType: Int, Sendable {
    case byte = 5120, unsignedByte = 5121, short = 5122, unsignedShort = 5123, unsignedInt = 5125, float = 5126

    /// Size of one component in bytes.
    var size: Int {
        switch self {
        case .byte, .unsignedByte: return 1
        case .short, .unsignedShort: return 2
        case .unsignedInt, .float: return 4
        }
    }

    /// The name used in the glTF specification, for messages.
    var name: String {
        switch self {
        case .byte: return "BYTE"
        case .unsignedByte: return "UNSIGNED_BYTE"
        case .short: return "SHORT"
        case .unsignedShort: return "UNSIGNED_SHORT"
        case .unsignedInt: return "UNSIGNED_INT"
        case .float: return "FLOAT"
        }
    }
}

/// The decoding kernels: strided, possibly normalised integer or float components to `Float`,
/// and index components to `UInt32`.
///
/// Callers validate every range first (``GLTFReader`` checks offset + stride * (count - 1) +
/// element size against the bytes); the loops then read with unaligned loads and no checks.
enum AccessorDecoder {
    /// Decodes `count` elements of `components` components each.
    /// - Parameters:
    ///   - src: the buffer bytes.
    ///   - offset: byte offset of the first element in `src`.
    ///   - stride: bytes from one element to the next.
    ///   - dst: output; element `i` component `c` goes to `dst[i * dstStride + c]`.
    ///   - normalized: integer components map to [0, 1] or [-1, 1] as the glTF specification says
    ///     (`max(c / 127, -1)` for BYTE, `c / 255` for UNSIGNED_BYTE, and so on).
    static func decodeFloats(
        _ src: UnsafeRawBufferPointer, offset: Int, stride: Int, count: Int, components: Int,
        componentType: ComponentType, normalized: Bool, into dst: UnsafeMutablePointer<Float>, dstStride: Int
    ) {
        let layout = Layout(offset: offset, stride: stride, count: count, components: components, dstStride: dstStride)
        switch componentType {
        case .float: decode(src, layout, dst, Float.self) { $0 }
        case .byte:
            if normalized {
                decode(src, layout, dst, Int8.self) { max(Float($0) / 127, -1) }
            } else {
                decode(src, layout, dst, Int8.self) { Float($0) }
            }
        case .unsignedByte:
            if normalized {
                decode(src, layout, dst, UInt8.self) { Float($0) / 255 }
            } else {
                decode(src, layout, dst, UInt8.self) { Float($0) }
            }
        case .short:
            if normalized {
                decode(src, layout, dst, Int16.self) { max(Float($0) / 32767, -1) }
            } else {
                decode(src, layout, dst, Int16.self) { Float($0) }
            }
        case .unsignedShort:
            if normalized {
                decode(src, layout, dst, UInt16.self) { Float($0) / 65535 }
            } else {
                decode(src, layout, dst, UInt16.self) { Float($0) }
            }
        case .unsignedInt:
            if normalized {
                decode(src, layout, dst, UInt32.self) { Float(Double($0) / 4_294_967_295) }
            } else {
                decode(src, layout, dst, UInt32.self) { Float($0) }
            }
        }
    }

    /// Decodes `count` unsigned integers (UNSIGNED_BYTE, UNSIGNED_SHORT, UNSIGNED_INT) and
    /// returns the largest value, so callers can check indices against a vertex count in the
    /// same pass.
    static func decodeIndices(
        _ src: UnsafeRawBufferPointer, offset: Int, stride: Int, count: Int, componentType: ComponentType,
        into dst: UnsafeMutablePointer<UInt32>
    ) -> UInt32 {
        switch componentType {
        case .unsignedByte: return decodeUnsigned(src, offset, stride, count, dst, UInt8.self)
        case .unsignedShort: return decodeUnsigned(src, offset, stride, count, dst, UInt16.self)
        default: return decodeUnsigned(src, offset, stride, count, dst, UInt32.self)
        }
    }

    // MARK: - Kernels

    private struct Layout {
        var offset: Int
        var stride: Int
        var count: Int
        var components: Int
        var dstStride: Int
    }

    @inline(__always)
    private static func decode<T: BitwiseCopyable>(
        _ src: UnsafeRawBufferPointer, _ l: Layout, _ dst: UnsafeMutablePointer<Float>, _: T.Type,
        _ convert: (T) -> Float
    ) {
        guard let base = src.baseAddress, l.count > 0 else { return }
        let size = MemoryLayout<T>.size
        var p = base + l.offset
        var out = dst
        for _ in 0..<l.count {
            for c in 0..<l.components {
                out[c] = convert(p.loadUnaligned(fromByteOffset: c * size, as: T.self))
            }
            p += l.stride
            out += l.dstStride
        }
    }

    @inline(__always)
    private static func decodeUnsigned<T: FixedWidthInteger & UnsignedInteger>(
        _ src: UnsafeRawBufferPointer, _ offset: Int, _ stride: Int, _ count: Int,
        _ dst: UnsafeMutablePointer<UInt32>, _: T.Type
    ) -> UInt32 {
        guard let base = src.baseAddress, count > 0 else { return 0 }
        var p = base + offset
        var largest: UInt32 = 0
        for i in 0..<count {
            let v = UInt32(truncatingIfNeeded: T(littleEndian: p.loadUnaligned(as: T.self)))
            dst[i] = v
            largest = max(largest, v)
            p += stride
        }
        return largest
    }
}
