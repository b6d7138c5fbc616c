/// Decoding validated accessors into the arrays of a ``Primitive``.
extension GLTFReader {
    /// Decodes an accessor into SIMD vectors of `Float`: the accessor's components go into the
    /// first lanes (dequantised when normalised), the other lanes keep `fill`'s values (so a
    /// VEC3 colour read as `SIMD4` gets alpha 1). Sparse values are applied over the dense
    /// data, or over zeros when the accessor has no buffer view.
    /// - Throws: when a sparse index is not below the accessor's count.
    mutating func decodeVectors<V: SIMD>(_ a: Accessor, fill: V, path: String) throws(SceneError) -> [V]
    where V.Scalar == Float {
        precondition(a.components <= V.scalarCount, "caller checks the accessor type")
        let floatStride = MemoryLayout<V>.stride / MemoryLayout<Float>.stride
        var out = [V](repeating: a.dense == nil ? Self.zeroLanes(fill, components: a.components) : fill, count: a.count)
        var sparseIndices: [UInt32] = []
        var sparseValues: [Float] = []
        if let s = a.sparse {
            sparseIndices = try decodeSparseIndices(s, accessor: a, path: path)
            sparseValues = [Float](repeating: 0, count: s.count * a.components)
            let bytes = try bufferBytes(s.values.buffer)
            sparseValues.withUnsafeMutableBufferPointer { dst in
                bytes.withUnsafeBytes { src in
                    AccessorDecoder.decodeFloats(
                        src, offset: s.values.offset, stride: s.values.stride, count: s.count,
                        components: a.components, componentType: a.componentType, normalized: a.normalized,
                        into: dst.baseAddress!, dstStride: a.components)
                }
            }
        }
        var denseBytes: [UInt8] = []
        if let d = a.dense { denseBytes = try bufferBytes(d.buffer) }
        out.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            base.withMemoryRebound(to: Float.self, capacity: a.count * floatStride) { dst in
                if let d = a.dense {
                    denseBytes.withUnsafeBytes { src in
                        AccessorDecoder.decodeFloats(
                            src, offset: d.offset, stride: d.stride, count: a.count, components: a.components,
                            componentType: a.componentType, normalized: a.normalized, into: dst, dstStride: floatStride)
                    }
                }
                for (k, index) in sparseIndices.enumerated() {
                    for c in 0..<a.components {
                        dst[Int(index) * floatStride + c] = sparseValues[k * a.components + c]
                    }
                }
            }
        }
        return out
    }

    /// `fill` with the accessor's lanes set to zero (the value of an accessor without data).
    private static func zeroLanes<V: SIMD>(_ fill: V, components: Int) -> V where V.Scalar == Float {
        var v = fill
        for c in 0..<components { v[c] = 0 }
        return v
    }

    /// Decodes an index accessor (`SCALAR` of UNSIGNED_BYTE/SHORT/INT) and checks every index
    /// against `vertexCount`.
    /// - Throws: for another type, or an index `>= vertexCount` (this includes primitive
    ///   restart values such as 65535, which glTF does not allow).
    mutating func decodeIndices(_ a: Accessor, vertexCount: Int, path: String) throws(SceneError) -> [UInt32] {
        guard a.type == "SCALAR", [.unsignedByte, .unsignedShort, .unsignedInt].contains(a.componentType),
            !a.normalized
        else {
            throw .invalidData(
                file: file, jsonPath: path,
                reason: "\(a.path) is \(a.type) \(a.componentType.name)\(a.normalized ? " normalized" : ""); "
                    + "indices must be SCALAR UNSIGNED_BYTE, UNSIGNED_SHORT or UNSIGNED_INT")
        }
        if let d = a.dense, d.stride != a.componentType.size {
            throw .invalidData(
                file: file, jsonPath: path,
                reason: "\(a.path) is in a bufferView with a byteStride, which index data must not have")
        }
        var largest: UInt32 = 0
        var out = [UInt32](repeating: 0, count: a.count)
        if let d = a.dense {
            let bytes = try bufferBytes(d.buffer)
            out.withUnsafeMutableBufferPointer { dst in
                bytes.withUnsafeBytes { src in
                    largest = AccessorDecoder.decodeIndices(
                        src, offset: d.offset, stride: d.stride, count: a.count, componentType: a.componentType,
                        into: dst.baseAddress!)
                }
            }
        }
        if let s = a.sparse {
            let indices = try decodeSparseIndices(s, accessor: a, path: path)
            var values = [UInt32](repeating: 0, count: s.count)
            let bytes = try bufferBytes(s.values.buffer)
            values.withUnsafeMutableBufferPointer { dst in
                bytes.withUnsafeBytes { src in
                    _ = AccessorDecoder.decodeIndices(
                        src, offset: s.values.offset, stride: s.values.stride, count: s.count,
                        componentType: a.componentType, into: dst.baseAddress!)
                }
            }
            for (k, i) in indices.enumerated() { out[Int(i)] = values[k] }
            largest = out.max() ?? 0
        }
        guard Int(largest) < vertexCount else {
            let position = out.firstIndex { Int($0) >= vertexCount } ?? 0
            throw .invalidData(
                file: file, jsonPath: path,
                reason: "\(a.path) element \(position) is index \(out[position]), but the primitive has only "
                    + "\(vertexCount) vertices")
        }
        return out
    }

    /// The sparse indices of an accessor, each checked to be below the accessor's count.
    private mutating func decodeSparseIndices(_ s: Sparse, accessor a: Accessor, path: String) throws(SceneError)
        -> [UInt32]
    {
        var indices = [UInt32](repeating: 0, count: s.count)
        let bytes = try bufferBytes(s.indices.buffer)
        let largest = indices.withUnsafeMutableBufferPointer { dst in
            bytes.withUnsafeBytes { src in
                AccessorDecoder.decodeIndices(
                    src, offset: s.indices.offset, stride: s.indices.stride, count: s.count,
                    componentType: s.indexType, into: dst.baseAddress!)
            }
        }
        guard Int(largest) < a.count else {
            throw .invalidData(
                file: file, jsonPath: "\(a.path).sparse.indices",
                reason: "sparse index \(largest) is not below the accessor's count \(a.count) (used by \(path))")
        }
        return indices
    }
}
