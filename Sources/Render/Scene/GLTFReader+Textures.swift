/// Textures, samplers and images.
extension GLTFReader {
    /// Reads texture `index`; its image is `nil` when it has no source Vitrine can decode.
    /// - Parameter usableImages: which images are PNG or JPEG.
    mutating func texture(_ index: Int, usableImages: [Bool]) throws(SceneError) -> Texture {
        let node = textures[index]
        var sampler = Sampler()
        if let s = try node.index("sampler", kind: "sampler", count: samplers.count) {
            sampler = try self.sampler(s)
        }
        guard let sourceNode = try node.member("source") else {
            let names = try node.member("extensions")?.members().keys.sorted() ?? []
            let via = names.isEmpty ? "" : " (its image is given through \(names.joined(separator: ", ")))"
            warn(node.path, "texture has no PNG/JPEG source\(via): drawn without it")
            return Texture(image: nil, sampler: sampler)
        }
        let image = try sourceNode.asIndex(kind: "image", count: images.count)
        return Texture(image: usableImages[image] ? image : nil, sampler: sampler)
    }

    /// Reads sampler `index`; values outside the glTF enums get a warning and the default.
    private mutating func sampler(_ index: Int) throws(SceneError) -> Sampler {
        let node = samplers[index]
        var s = Sampler()
        func read<E: RawRepresentable>(_ key: String, _: E.Type) throws(SceneError) -> E? where E.RawValue == Int {
            guard let v = try node.int(key) else { return nil }
            guard let e = E(rawValue: v) else {
                warn(node.path(key), "\(v) is not a valid \(key): the default is used")
                return nil
            }
            return e
        }
        if let v = try read("magFilter", Sampler.MagFilter.self) { s.magFilter = v }
        if let v = try read("minFilter", Sampler.MinFilter.self) { s.minFilter = v }
        if let v = try read("wrapS", Sampler.Wrap.self) { s.wrapS = v }
        if let v = try read("wrapT", Sampler.Wrap.self) { s.wrapT = v }
        return s
    }

    /// Reads image `index` (from its URI or buffer view) and checks that it is a PNG or JPEG
    /// with a readable header (``ImageCodec/probe(_:)``), which gives its size.
    ///
    /// An image in another format (WebP, KTX2, unknown bytes) is kept with empty data and
    /// `usable == false`, with a warning: textures that use it are drawn without it. A PNG or
    /// JPEG with a broken header is an error.
    /// - Throws: when the image has both or neither of `uri` and `bufferView`, its URI is
    ///   refused or its file missing, or its buffer view is invalid or has a `byteStride`.
    mutating func image(_ index: Int) throws(SceneError) -> (image: SceneImage, usable: Bool) {
        let node = images[index]
        let uriNode = try node.member("uri")
        let viewNode = try node.member("bufferView")
        let declared = try node.string("mimeType")
        let bytes: [UInt8]
        var name = try node.string("name")
        var mediaType = declared
        switch (uriNode, viewNode) {
        case (let uriNode?, nil):
            let uri = try uriNode.asString()
            switch try AssetURI.resolve(uri, baseURL: baseURL, file: file, jsonPath: uriNode.path) {
            case .data(let data, let type):
                bytes = data
                if !type.isEmpty { mediaType = type }
                name = name ?? "images[\(index)] (data URI)"
            case .file(let url):
                bytes = try readExternal(url, jsonPath: uriNode.path)
                name = name ?? uri
            }
        case (nil, let viewNode?):
            let view = try viewNode.asIndex(kind: "bufferView", count: bufferViews.count)
            if try bufferView(view).byteStride != nil {
                throw .invalidData(
                    file: file, jsonPath: viewNode.path, reason: "bufferViews[\(view)] of an image has a byteStride")
            }
            bytes = try bufferViewBytes(view)
            if declared == nil { warn(node.path, "image in a bufferView without a mimeType: sniffed from its bytes") }
            name = name ?? "images[\(index)]"
        default:
            throw .invalidValue(
                file: file, jsonPath: node.path, reason: "an image needs exactly one of 'uri' and 'bufferView'")
        }
        let label = name ?? "image"
        switch ImageSniffer.inspect(bytes) {
        case .usable(let mimeType, let width, let height):
            if let mediaType, mediaType != mimeType {
                warn(node.path, "mimeType says \(mediaType) but the bytes are \(mimeType)")
            }
            return (SceneImage(name: label, mimeType: mimeType, data: bytes, width: width, height: height), true)
        case .unsupported(let mimeType):
            let what = mimeType.map { "a \($0) image" } ?? "not a PNG or JPEG image"
            warn(node.path, "\(label) is \(what): textures using it are drawn without it")
            return (SceneImage(name: label, mimeType: mimeType ?? "application/octet-stream", data: []), false)
        case .broken(let mimeType, let reason):
            throw .invalidImage(file: file, jsonPath: node.path, reason: "\(label) (\(mimeType)): \(reason)")
        }
    }
}
