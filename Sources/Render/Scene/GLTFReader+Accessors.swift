/// Accessors: validation of their layout against the bytes, then decoding.
extension GLTFReader {
    /// A validated accessor, ready to decode.
    struct Accessor {
        /// Path of the accessor (`accessors[7]`).
        var path: String
        var componentType: ComponentType
        /// `SCALAR`, `VEC3`, `MAT4` ...
        var type: String
        /// Components per element (1...4, or 4/9/16 for matrices).
        var components: Int
        var normalized: Bool
        var count: Int
        /// Dense data: bytes (the whole buffer), offset of element 0, stride. `nil`: all zeros.
        var dense: Strided?
        /// Sparse substitution, if any.
        var sparse: Sparse?
        /// `min` / `max` from the file, if given.
        var min: [Float]?
        var max: [Float]?
    }

    /// Elements at `offset + i * stride` in buffer `buffer` (checked to lie within it; the
    /// bytes are read when the accessor is decoded).
    struct Strided {
        var buffer: Int
        var offset: Int
        var stride: Int
    }

    /// The sparse part of an accessor: `count` indices and the values that replace them.
    struct Sparse {
        var count: Int
        var indexType: ComponentType
        var indices: Strided
        var values: Strided
    }

    /// Reads and validates accessor `index` (its layout; the bytes are read when it is decoded).
    /// - Parameter usedBy: path of the reference, for messages.
    /// - Throws: ``SceneError`` for a bad component type / type / count, misaligned offsets, a
    ///   stride smaller than an element, or a range past the end of its buffer view.
    mutating func accessor(_ index: Int, usedBy: String) throws(SceneError) -> Accessor {
        usedAccessors.insert(index)
        let node = accessors[index]
        let ctNode = try node.required("componentType")
        guard let componentType = ComponentType(rawValue: try ctNode.asInt()) else {
            throw ctNode.error("componentType \(try ctNode.asInt()) is not a glTF component type")
        }
        let typeNode = try node.required("type")
        let type = try typeNode.asString()
        let components: Int
        switch type {
        case "SCALAR": components = 1
        case "VEC2": components = 2
        case "VEC3": components = 3
        case "VEC4", "MAT2": components = 4
        case "MAT3": components = 9
        case "MAT4": components = 16
        default: throw typeNode.error("type '\(type)' is not SCALAR, VEC2, VEC3, VEC4, MAT2, MAT3 or MAT4")
        }
        let count = try node.requiredInt("count", minimum: 1)
        let normalized = try node.bool("normalized") ?? false
        if normalized, componentType == .float || componentType == .unsignedInt {
            throw .invalidValue(
                file: file, jsonPath: node.path("normalized"),
                reason: "normalized is only allowed for BYTE, UNSIGNED_BYTE, SHORT and UNSIGNED_SHORT components")
        }
        var accessor = Accessor(
            path: node.path, componentType: componentType, type: type, components: components,
            normalized: normalized, count: count, min: try node.floatArray("min"), max: try node.floatArray("max"))
        let elementSize = Self.elementSize(type: type, componentType: componentType)
        if let viewIndex = try node.index("bufferView", kind: "bufferView", count: bufferViews.count) {
            let byteOffset = try node.int("byteOffset", default: 0)
            let view = try bufferView(viewIndex)
            let stride = view.byteStride ?? elementSize
            let size = componentType.size
            guard byteOffset % size == 0, (view.byteOffset + byteOffset) % size == 0 else {
                throw .invalidData(
                    file: file, jsonPath: node.path("byteOffset"),
                    reason: "offset \(view.byteOffset + byteOffset) in the buffer is not a multiple of the "
                        + "component size \(size)")
            }
            guard stride >= elementSize else {
                throw .invalidData(
                    file: file, jsonPath: node.path,
                    reason: "byteStride \(stride) of bufferViews[\(viewIndex)] is smaller than one element "
                        + "(\(elementSize) bytes)")
            }
            try checkRange(
                start: byteOffset, stride: stride, count: count, elementSize: elementSize, available: view.byteLength,
                path: node.path("byteOffset"), what: "bufferViews[\(viewIndex)]", usedBy: usedBy)
            accessor.dense = Strided(buffer: view.buffer, offset: view.byteOffset + byteOffset, stride: stride)
        } else if try node.member("byteOffset") != nil {
            throw .invalidValue(
                file: file, jsonPath: node.path("byteOffset"), reason: "byteOffset is given without a bufferView")
        }
        if let sparseNode = try node.member("sparse") {
            accessor.sparse = try sparse(
                sparseNode, accessorCount: count, componentType: componentType, elementSize: elementSize,
                usedBy: usedBy)
        }
        return accessor
    }

    /// Bytes of one element, with matrix columns padded to 4 bytes as glTF lays them out.
    static func elementSize(type: String, componentType: ComponentType) -> Int {
        let size = componentType.size
        switch type {
        case "MAT2": return size == 1 ? 8 : 4 * size
        case "MAT3": return size == 1 ? 12 : (size == 2 ? 24 : 9 * size)
        case "MAT4": return 16 * size
        case "VEC2": return 2 * size
        case "VEC3": return 3 * size
        case "VEC4": return 4 * size
        default: return size
        }
    }

    /// Checks `start + stride * (count - 1) + elementSize <= available` without overflow.
    func checkRange(
        start: Int, stride: Int, count: Int, elementSize: Int, available: Int, path: String, what: String,
        usedBy: String
    ) throws(SceneError) {
        let (span, o1) = stride.multipliedReportingOverflow(by: count - 1)
        let (end1, o2) = start.addingReportingOverflow(span)
        let (end, o3) = end1.addingReportingOverflow(elementSize)
        guard !o1, !o2, !o3, end <= available else {
            let needed = o1 || o2 || o3 ? "more than 2^63" : "\(end)"
            throw .invalidData(
                file: file, jsonPath: path,
                reason: "\(count) elements of \(elementSize) bytes, stride \(stride), from byte \(start) need "
                    + "\(needed) bytes, but \(what) has \(available): reads past its end (used by \(usedBy))")
        }
    }

    private mutating func sparse(
        _ node: JSONNode, accessorCount: Int, componentType: ComponentType, elementSize: Int, usedBy: String
    ) throws(SceneError) -> Sparse {
        let count = try node.requiredInt("count", minimum: 1)
        guard count <= accessorCount else {
            throw .invalidValue(
                file: file, jsonPath: node.path("count"),
                reason: "sparse count \(count) is larger than the accessor's count \(accessorCount)")
        }
        let indicesNode = try node.required("indices")
        let valuesNode = try node.required("values")
        let ctNode = try indicesNode.required("componentType")
        guard let indexType = ComponentType(rawValue: try ctNode.asInt()),
            [.unsignedByte, .unsignedShort, .unsignedInt].contains(indexType)
        else {
            throw ctNode.error("sparse indices must be UNSIGNED_BYTE, UNSIGNED_SHORT or UNSIGNED_INT")
        }
        let indices = try sparsePart(
            indicesNode, count: count, elementSize: indexType.size, alignment: indexType.size, usedBy: usedBy)
        let values = try sparsePart(
            valuesNode, count: count, elementSize: elementSize, alignment: componentType.size, usedBy: usedBy)
        return Sparse(count: count, indexType: indexType, indices: indices, values: values)
    }

    /// The tightly packed data of sparse indices or values.
    private mutating func sparsePart(
        _ node: JSONNode, count: Int, elementSize: Int, alignment: Int, usedBy: String
    ) throws(SceneError) -> Strided {
        let viewIndex = try node.requiredIndex("bufferView", kind: "bufferView", count: bufferViews.count)
        let byteOffset = try node.int("byteOffset", default: 0)
        let view = try bufferView(viewIndex)
        guard view.byteStride == nil else {
            throw .invalidData(
                file: file, jsonPath: node.path("bufferView"),
                reason: "bufferViews[\(viewIndex)] has a byteStride, which sparse data must not have")
        }
        guard (view.byteOffset + byteOffset) % alignment == 0 else {
            throw .invalidData(
                file: file, jsonPath: node.path("byteOffset"),
                reason: "offset \(view.byteOffset + byteOffset) is not a multiple of the component size \(alignment)")
        }
        try checkRange(
            start: byteOffset, stride: elementSize, count: count, elementSize: elementSize,
            available: view.byteLength, path: node.path("byteOffset"), what: "bufferViews[\(viewIndex)]",
            usedBy: usedBy)
        return Strided(buffer: view.buffer, offset: view.byteOffset + byteOffset, stride: elementSize)
    }
}

extension JSONNode {
    /// An array member of finite numbers of any length (accessor `min` / `max`), or `nil`.
    func floatArray(_ key: String) throws(SceneError) -> [Float]? {
        guard let elements = try array(key) else { return nil }
        var out: [Float] = []
        for e in elements { out.append(try e.asFloat()) }
        return out
    }
}
