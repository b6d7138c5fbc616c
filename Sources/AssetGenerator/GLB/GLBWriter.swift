/// Writes a ``GLTFDocument`` as a binary glTF 2.0 file (`.glb`).
///
/// Layout: a 12-byte header, a JSON chunk padded with spaces and a BIN chunk padded with
/// zeros, both to 4 bytes. Each primitive gets one interleaved vertex buffer view
/// (`byteStride` = POSITION 12 + NORMAL 12 + TANGENT 16 when present + TEXCOORD_0 8) and one
/// index buffer view (16-bit indices when they fit). Images follow in their own buffer views.
/// POSITION accessors carry `min`/`max`. The output depends only on the document: no dates,
/// no hash-ordered keys, so the same document gives the same bytes.
///
/// ```swift
/// var doc = GLTFDocument(generator: "vitrine make-assets")
/// let m = doc.addMaterial(GLTFMaterial(name: "white"))
/// let mesh = doc.addMesh(GLTFMesh(name: "box", primitives: [GLTFPrimitive(RoundedBox(size: [1, 1, 1], radius: 0.1).mesh(), material: m)]))
/// doc.sceneNodes = [doc.addNode(GLTFNode(name: "box", mesh: mesh))]
/// let bytes = GLBWriter.write(doc)
/// ```
public enum GLBWriter {
    /// `glTF` in little-endian.
    static let magic: UInt32 = 0x4654_6C67
    /// Chunk type `JSON`.
    static let jsonChunk: UInt32 = 0x4E4F_534A
    /// Chunk type `BIN\0`.
    static let binChunk: UInt32 = 0x004E_4942

    /// The `.glb` bytes of a document.
    public static func write(_ document: GLTFDocument) -> [UInt8] {
        var layout = Layout()
        var meshesJSON: [JSONValue] = []
        for mesh in document.meshes {
            let primitives = mesh.primitives.map { layout.addPrimitive($0) }
            meshesJSON.append(.object([("name", .string(mesh.name)), ("primitives", .array(primitives))]))
        }
        var imagesJSON: [JSONValue] = []
        for image in document.images {
            let view = layout.addView(image.bytes, target: nil, stride: nil)
            imagesJSON.append(
                .object([
                    ("name", .string(image.name)), ("mimeType", .string(image.mimeType)), ("bufferView", .int(view)),
                ]))
        }
        let json = rootJSON(document, meshes: meshesJSON, images: imagesJSON, layout: layout)
        return container(json: Array(json.serialized().utf8), bin: layout.bin)
    }

    /// Header + JSON chunk + BIN chunk.
    static func container(json: [UInt8], bin: [UInt8]) -> [UInt8] {
        var jsonBytes = json
        while jsonBytes.count % 4 != 0 { jsonBytes.append(0x20) }
        var binBytes = bin
        while binBytes.count % 4 != 0 { binBytes.append(0) }
        let total = 12 + 8 + jsonBytes.count + (binBytes.isEmpty ? 0 : 8 + binBytes.count)
        var out: [UInt8] = []
        out.reserveCapacity(total)
        out.appendLE(magic)
        out.appendLE(UInt32(2))
        out.appendLE(UInt32(total))
        out.appendLE(UInt32(jsonBytes.count))
        out.appendLE(jsonChunk)
        out += jsonBytes
        if !binBytes.isEmpty {
            out.appendLE(UInt32(binBytes.count))
            out.appendLE(binChunk)
            out += binBytes
        }
        return out
    }

    // MARK: - Buffer layout

    /// The BIN chunk under construction, with its buffer views and accessors.
    struct Layout {
        var bin: [UInt8] = []
        var views: [JSONValue] = []
        var accessors: [JSONValue] = []

        /// Appends bytes 4-aligned as a new buffer view; returns the view index.
        mutating func addView(_ bytes: [UInt8], target: Int?, stride: Int?) -> Int {
            while bin.count % 4 != 0 { bin.append(0) }
            var members: [(String, JSONValue)] = [
                ("buffer", .int(0)), ("byteOffset", .int(bin.count)), ("byteLength", .int(bytes.count)),
            ]
            if let stride { members.append(("byteStride", .int(stride))) }
            if let target { members.append(("target", .int(target))) }
            bin += bytes
            views.append(.object(members))
            return views.count - 1
        }

        /// Adds an accessor; returns its index.
        mutating func addAccessor(
            view: Int, offset: Int, componentType: Int, count: Int, type: String,
            min: [Float]? = nil, max: [Float]? = nil
        ) -> Int {
            var members: [(String, JSONValue)] = [("bufferView", .int(view))]
            if offset != 0 { members.append(("byteOffset", .int(offset))) }
            members += [("componentType", .int(componentType)), ("count", .int(count)), ("type", .string(type))]
            if let min, let max { members += [("min", .floats(min)), ("max", .floats(max))] }
            accessors.append(.object(members))
            return accessors.count - 1
        }

        /// Writes a primitive's vertices and indices; returns its JSON.
        mutating func addPrimitive(_ primitive: GLTFPrimitive) -> JSONValue {
            let mesh = primitive.data
            let hasTangents = mesh.tangents.count == mesh.vertexCount && mesh.vertexCount > 0
            let stride = 12 + 12 + (hasTangents ? 16 : 0) + 8
            var vertexBytes: [UInt8] = []
            vertexBytes.reserveCapacity(stride * mesh.vertexCount)
            for i in 0..<mesh.vertexCount {
                vertexBytes.appendLE(mesh.positions[i])
                vertexBytes.appendLE(mesh.normals[i])
                if hasTangents { vertexBytes.appendLE(mesh.tangents[i]) }
                vertexBytes.appendLE(mesh.uvs[i].x)
                vertexBytes.appendLE(mesh.uvs[i].y)
            }
            let vertexView = addView(vertexBytes, target: 34962, stride: stride)
            let bounds = mesh.bounds ?? (.zero, .zero)
            var attributes: [(String, JSONValue)] = []
            attributes.append(
                (
                    "POSITION",
                    .int(
                        addAccessor(
                            view: vertexView, offset: 0, componentType: 5126, count: mesh.vertexCount, type: "VEC3",
                            min: [bounds.min.x, bounds.min.y, bounds.min.z],
                            max: [bounds.max.x, bounds.max.y, bounds.max.z]))
                ))
            attributes.append(
                (
                    "NORMAL",
                    .int(
                        addAccessor(
                            view: vertexView, offset: 12, componentType: 5126, count: mesh.vertexCount, type: "VEC3"))
                ))
            if hasTangents {
                attributes.append(
                    (
                        "TANGENT",
                        .int(
                            addAccessor(
                                view: vertexView, offset: 24, componentType: 5126, count: mesh.vertexCount, type: "VEC4"
                            ))
                    ))
            }
            attributes.append(
                (
                    "TEXCOORD_0",
                    .int(
                        addAccessor(
                            view: vertexView, offset: hasTangents ? 40 : 24, componentType: 5126,
                            count: mesh.vertexCount,
                            type: "VEC2"))
                ))
            // Indices: 16-bit when every index fits.
            let small = mesh.vertexCount <= 65535
            var indexBytes: [UInt8] = []
            indexBytes.reserveCapacity(mesh.indices.count * (small ? 2 : 4))
            for index in mesh.indices {
                if small { indexBytes.appendLE(UInt16(index)) } else { indexBytes.appendLE(index) }
            }
            let indexView = addView(indexBytes, target: 34963, stride: nil)
            let indexAccessor = addAccessor(
                view: indexView, offset: 0, componentType: small ? 5123 : 5125, count: mesh.indices.count,
                type: "SCALAR")
            var members: [(String, JSONValue)] = [
                ("attributes", .object(attributes)), ("indices", .int(indexAccessor)),
                ("material", .int(primitive.material)), ("mode", .int(4)),
            ]
            if !primitive.variantMappings.isEmpty {
                let mappings: [JSONValue] = primitive.variantMappings.map {
                    .object([("material", .int($0.material)), ("variants", .ints($0.variants))])
                }
                members.append(
                    ("extensions", .object([("KHR_materials_variants", .object([("mappings", .array(mappings))]))])))
            }
            return .object(members)
        }
    }
}

// MARK: - Little-endian appends

extension [UInt8] {
    /// Appends a `UInt32`, little-endian.
    mutating func appendLE(_ v: UInt32) {
        append(UInt8(truncatingIfNeeded: v))
        append(UInt8(truncatingIfNeeded: v >> 8))
        append(UInt8(truncatingIfNeeded: v >> 16))
        append(UInt8(truncatingIfNeeded: v >> 24))
    }

    /// Appends a `UInt16`, little-endian.
    mutating func appendLE(_ v: UInt16) {
        append(UInt8(truncatingIfNeeded: v))
        append(UInt8(truncatingIfNeeded: v >> 8))
    }

    /// Appends a `Float`'s IEEE bits, little-endian.
    mutating func appendLE(_ v: Float) { appendLE(v.bitPattern) }

    /// Appends three floats.
    mutating func appendLE(_ v: SIMD3<Float>) {
        appendLE(v.x)
        appendLE(v.y)
        appendLE(v.z)
    }

    /// Appends four floats.
    mutating func appendLE(_ v: SIMD4<Float>) {
        appendLE(v.x)
        appendLE(v.y)
        appendLE(v.z)
        appendLE(v.w)
    }
}
