import Foundation

@testable import Render

/// Builds small glTF documents in tests: binary data goes into one buffer, written as a GLB
/// BIN chunk or as a base64 data URI.
struct GLTFBuilder {
    var json: [String: Any] = ["asset": ["version": "2.0"]]
    var bin: [UInt8] = []

    /// Appends an element to a top-level array and returns its index.
    @discardableResult
    mutating func append(_ key: String, _ object: [String: Any]) -> Int {
        var array = json[key] as? [Any] ?? []
        array.append(object)
        json[key] = array
        return array.count - 1
    }

    /// Adds bytes (4-aligned in the buffer) and a buffer view over them.
    mutating func addView(_ bytes: [UInt8], stride: Int? = nil) -> Int {
        while bin.count % 4 != 0 { bin.append(0) }
        var view: [String: Any] = ["buffer": 0, "byteOffset": bin.count, "byteLength": bytes.count]
        if let stride { view["byteStride"] = stride }
        bin += bytes
        return append("bufferViews", view)
    }

    /// Adds an accessor.
    mutating func addAccessor(
        view: Int?, componentType: Int, type: String, count: Int, byteOffset: Int? = nil, normalized: Bool = false,
        min: [Double]? = nil, max: [Double]? = nil, sparse: [String: Any]? = nil
    ) -> Int {
        var a: [String: Any] = ["componentType": componentType, "type": type, "count": count]
        if let view { a["bufferView"] = view }
        if let byteOffset { a["byteOffset"] = byteOffset }
        if normalized { a["normalized"] = true }
        if let min { a["min"] = min }
        if let max { a["max"] = max }
        if let sparse { a["sparse"] = sparse }
        return append("accessors", a)
    }

    /// Adds FLOAT VEC3 positions with min/max.
    mutating func addPositions(_ p: [SIMD3<Float>]) -> Int {
        let view = addView(Self.bytes(p.flatMap { [$0.x, $0.y, $0.z] }))
        let lo = p.reduce(SIMD3(repeating: Float.infinity)) { pointwiseMin($0, $1) }
        let hi = p.reduce(SIMD3(repeating: -Float.infinity)) { pointwiseMax($0, $1) }
        return addAccessor(
            view: view, componentType: 5126, type: "VEC3", count: p.count,
            min: [Double(lo.x), Double(lo.y), Double(lo.z)], max: [Double(hi.x), Double(hi.y), Double(hi.z)])
    }

    /// Adds UNSIGNED_SHORT indices.
    mutating func addIndices(_ indices: [UInt16]) -> Int {
        let view = addView(Self.bytes(indices))
        return addAccessor(view: view, componentType: 5123, type: "SCALAR", count: indices.count)
    }

    /// Adds a mesh with one primitive, a node drawing it, and a scene with that node.
    @discardableResult
    mutating func addMeshNode(_ primitive: [String: Any]) -> Int {
        let mesh = append("meshes", ["primitives": [primitive]])
        let node = append("nodes", ["mesh": mesh])
        json["scenes"] = [["nodes": [node]]]
        json["scene"] = 0
        return mesh
    }

    /// Little-endian bytes of plain values.
    static func bytes<T>(_ values: [T]) -> [UInt8] {
        values.withUnsafeBytes { Array($0) }
    }

    /// The JSON text (with the buffer declared when there is binary data, without a URI).
    func jsonBytes(bufferURI: String? = nil) -> [UInt8] {
        var doc = json
        if !bin.isEmpty || bufferURI != nil {
            var buffer: [String: Any] = ["byteLength": bin.count]
            if let bufferURI { buffer["uri"] = bufferURI }
            doc["buffers"] = [buffer]
        }
        let data = try! JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys])
        return Array(data)
    }

    /// A `.gltf` with the buffer as a base64 data URI.
    func gltf() -> [UInt8] {
        jsonBytes(
            bufferURI: bin.isEmpty ? nil : "data:application/octet-stream;base64," + Data(bin).base64EncodedString())
    }

    /// A `.glb` with the buffer in the BIN chunk.
    func glb() -> [UInt8] {
        Self.glb(json: jsonBytes(), bin: bin.isEmpty ? nil : bin)
    }

    /// Assembles a GLB from a JSON text and an optional BIN chunk (both padded).
    static func glb(json: [UInt8], bin: [UInt8]?) -> [UInt8] {
        var j = json
        while j.count % 4 != 0 { j.append(0x20) }
        var out: [UInt8] = []
        func u32(_ v: Int) { out += bytes([UInt32(v)]) }
        var total = 12 + 8 + j.count
        var b = bin ?? []
        while b.count % 4 != 0 { b.append(0) }
        if bin != nil { total += 8 + b.count }
        out += Array("glTF".utf8)
        u32(2)
        u32(total)
        u32(j.count)
        out += Array("JSON".utf8)
        out += j
        if bin != nil {
            u32(b.count)
            out += [0x42, 0x49, 0x4E, 0x00]
            out += b
        }
        return out
    }

    /// Imports the `.gltf` form.
    func importGLTF(options: ImportOptions = .init()) throws -> Scene {
        try GLTFImporter.importGLTF(gltf(), name: "test.gltf", baseURL: nil, options: options)
    }

    /// Imports the `.glb` form.
    func importGLB(options: ImportOptions = .init()) throws -> Scene {
        try GLTFImporter.importGLB(glb(), name: "test.glb", baseURL: nil, options: options)
    }
}
