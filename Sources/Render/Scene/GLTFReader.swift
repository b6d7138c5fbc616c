import Foundation

/// The state of one glTF import: the parsed JSON, the binary data loaded so far, the limits
/// and the running budgets, and the warnings collected.
///
/// Binary data is loaded lazily: a buffer is read (or its data URI decoded) the first time an
/// accessor or image needs it, and accessors and buffer views are validated when they are
/// used. Objects nothing refers to are not read at all, as glTF viewers do.
struct GLTFReader {
    /// File name for messages.
    let file: String
    /// The JSON root object.
    let root: JSONNode
    /// Limits.
    let options: ImportOptions
    /// Folder that relative URIs resolve against, or `nil` (embedded data only).
    let baseURL: URL?
    /// The GLB BIN chunk, when the file is a GLB with one.
    let glbBinary: [UInt8]?
    /// Whether the file is a GLB (buffer 0 without a URI is then the BIN chunk).
    let isGLB: Bool
    /// `extensionsUsed`, as a set.
    let extensionsUsed: Set<String>

    /// Top-level arrays, read once.
    let accessors: [JSONNode]
    let bufferViews: [JSONNode]
    let buffers: [JSONNode]
    let images: [JSONNode]
    let samplers: [JSONNode]
    let textures: [JSONNode]
    let materials: [JSONNode]
    let meshes: [JSONNode]
    let nodes: [JSONNode]
    let cameras: [JSONNode]
    let scenes: [JSONNode]

    /// Findings so far.
    var warnings: [SceneWarning] = []
    /// Warnings past ``maxWarnings``, counted only.
    var suppressedWarnings = 0
    /// Buffers read so far.
    var loadedBuffers: [Int: [UInt8]] = [:]
    /// Accessors read so far (the others are reported as unused).
    var usedAccessors = Set<Int>()
    /// Bytes of the file itself plus every external file read.
    var bytesRead: Int
    /// Vertices and triangles decoded so far (against the limits).
    var totalVertices = 0
    var totalTriangles = 0

    /// Prepares a reader for a parsed document.
    /// - Throws: ``SceneError`` when a top-level collection is not an array or is above
    ///   ``ImportOptions/maxObjects`` (``ImportOptions/maxNodes`` for nodes).
    init(
        file: String, root: JSONNode, options: ImportOptions, baseURL: URL?, glbBinary: [UInt8]?, isGLB: Bool,
        bytesRead: Int
    ) throws(SceneError) {
        self.file = file
        self.root = root
        self.options = options
        self.baseURL = options.allowExternalFiles ? baseURL : nil
        self.glbBinary = glbBinary
        self.isGLB = isGLB
        self.bytesRead = bytesRead
        self.extensionsUsed = Set(try root.strings("extensionsUsed") ?? [])
        func collection(_ key: String, limit: Int) throws(SceneError) -> [JSONNode] {
            let count = try root.count(key)
            guard count <= limit else {
                throw .limitExceeded(file: file, jsonPath: key, what: "number of \(key)", value: count, limit: limit)
            }
            return try root.array(key) ?? []
        }
        accessors = try collection("accessors", limit: options.maxObjects)
        bufferViews = try collection("bufferViews", limit: options.maxObjects)
        buffers = try collection("buffers", limit: options.maxObjects)
        images = try collection("images", limit: options.maxObjects)
        samplers = try collection("samplers", limit: options.maxObjects)
        textures = try collection("textures", limit: options.maxObjects)
        materials = try collection("materials", limit: options.maxObjects)
        meshes = try collection("meshes", limit: options.maxObjects)
        nodes = try collection("nodes", limit: options.maxNodes)
        cameras = try collection("cameras", limit: options.maxObjects)
        scenes = try collection("scenes", limit: options.maxObjects)
    }

    /// Records a warning; past ``maxWarnings`` they are only counted.
    mutating func warn(_ path: String, _ message: String) {
        if warnings.count < Self.maxWarnings {
            warnings.append(SceneWarning(path: path, message: message))
        } else {
            suppressedWarnings += 1
        }
    }

    /// Warnings kept per import (a hostile file could otherwise produce millions).
    static let maxWarnings = 1000

    // MARK: - Buffers

    /// The bytes of buffer `index` (at least `byteLength` of them), loading them on first use.
    /// - Throws: when the buffer has no data, its URI is refused, its file is missing or
    ///   shorter than `byteLength`, or a limit is exceeded.
    mutating func bufferBytes(_ index: Int) throws(SceneError) -> [UInt8] {
        if let cached = loadedBuffers[index] { return cached }
        let node = buffers[index]
        let byteLength = try node.requiredInt("byteLength", minimum: 1)
        let data: [UInt8]
        if let uriNode = try node.member("uri") {
            let uri = try uriNode.asString()
            switch try AssetURI.resolve(uri, baseURL: baseURL, file: file, jsonPath: uriNode.path) {
            case .data(let bytes, let mediaType):
                if isGLB { warn(uriNode.path, "a data: URI in a GLB file (the BIN chunk is the usual place)") }
                if !["application/octet-stream", "application/gltf-buffer", ""].contains(mediaType) {
                    warn(uriNode.path, "data: URI media type '\(mediaType)' is not application/octet-stream")
                }
                data = bytes
            case .file(let url):
                data = try readExternal(url, jsonPath: uriNode.path)
            }
        } else if isGLB, index == 0 {
            guard let glbBinary else {
                throw .invalidData(
                    file: file, jsonPath: node.path, reason: "buffer 0 has no uri and the GLB has no BIN chunk")
            }
            data = glbBinary
            if data.count > byteLength + 3 {
                warn(node.path, "GLB BIN chunk has \(data.count - byteLength) bytes more than byteLength")
            }
        } else {
            throw .invalidData(
                file: file, jsonPath: node.path,
                reason: isGLB
                    ? "has no uri (only buffer 0 of a GLB may use the BIN chunk)"
                    : "has no uri, so there is no data (a .gltf file has no BIN chunk)")
        }
        guard data.count >= byteLength else {
            throw .invalidData(
                file: file, jsonPath: node.path("byteLength"),
                reason: "byteLength is \(byteLength) but the data has only \(data.count) bytes")
        }
        loadedBuffers[index] = data
        return data
    }

    /// Reads an external file within the per-file and total byte limits.
    mutating func readExternal(_ url: URL, jsonPath: String) throws(SceneError) -> [UInt8] {
        let remaining = options.maxTotalBytes - bytesRead
        let bytes = try AssetFile.read(
            url, maxBytes: min(options.maxFileBytes, max(remaining, 0)), file: file, jsonPath: jsonPath)
        bytesRead += bytes.count
        return bytes
    }

    // MARK: - Buffer views

    /// A validated buffer view: where its bytes are and how they are laid out.
    struct BufferView {
        /// Index into ``GLTFReader/buffers``.
        var buffer: Int
        /// Byte offset into the buffer.
        var byteOffset: Int
        /// Length in bytes (>= 1), within the buffer.
        var byteLength: Int
        /// Stride for vertex attributes, if given (4...252, a multiple of 4).
        var byteStride: Int?
    }

    /// Validates buffer view `index`.
    /// - Throws: when its buffer does not exist, its range leaves the buffer's `byteLength`,
    ///   or `byteStride` is outside 4...252 or not a multiple of 4.
    func bufferView(_ index: Int) throws(SceneError) -> BufferView {
        let node = bufferViews[index]
        let buffer = try node.requiredIndex("buffer", kind: "buffer", count: buffers.count)
        let byteOffset = try node.int("byteOffset", default: 0)
        let byteLength = try node.requiredInt("byteLength", minimum: 1)
        let bufferLength = try buffers[buffer].requiredInt("byteLength", minimum: 1)
        // JSON integers are < 2^53, so the sum cannot overflow.
        guard byteOffset + byteLength <= bufferLength else {
            throw .invalidData(
                file: file, jsonPath: node.path("byteLength"),
                reason: "bytes \(byteOffset)..<\(byteOffset + byteLength) leave buffers[\(buffer)] "
                    + "(byteLength \(bufferLength))")
        }
        var stride: Int?
        if let strideNode = try node.member("byteStride") {
            let s = try strideNode.asInt()
            guard (4...252).contains(s), s % 4 == 0 else {
                throw strideNode.error("byteStride must be a multiple of 4 in 4...252, found \(s)")
            }
            stride = s
        }
        return BufferView(buffer: buffer, byteOffset: byteOffset, byteLength: byteLength, byteStride: stride)
    }

    /// The bytes of a buffer view (a copy of just its range).
    mutating func bufferViewBytes(_ index: Int) throws(SceneError) -> [UInt8] {
        let view = try bufferView(index)
        let data = try bufferBytes(view.buffer)
        return Array(data[view.byteOffset..<(view.byteOffset + view.byteLength)])
    }
}
