import Foundation
import Render
import Testing

@testable import AssetGenerator

@Suite struct GLBWriterTests {
    /// A small document: a textured rounded box with tangents, a plain lathe, two variants.
    static func sample(big: Bool = false) -> GLTFDocument {
        var doc = GLTFDocument(generator: "test")
        let texture = doc.addTexture(GLTFImage(name: "t", mimeType: "image/png", bytes: [1, 2, 3, 4, 5]))
        var a = GLTFMaterial(name: "a")
        a.baseColorTexture = GLTFTextureRef(texture, scale: SIMD2(2, 2))
        a.normalTexture = GLTFTextureRef(texture)
        var b = GLTFMaterial(name: "b")
        b.sheenColorFactor = SIMD3(0.5, 0.5, 0.5)
        let ia = doc.addMaterial(a)
        let ib = doc.addMaterial(b)
        doc.variants = ["one", "two"]
        var box = RoundedBox(size: SIMD3(0.2, 0.1, 0.3), radius: 0.02, segments: big ? 110 : 4).mesh()
        box.computeTangents()
        let lathe = Lathe(sides: 8).mesh(Lathe.Segment(points: [SIMD2(0.1, 0), SIMD2(0.1, 0.2)]))
        let mesh = doc.addMesh(
            GLTFMesh(
                name: "m",
                primitives: [
                    GLTFPrimitive(box, material: ia, variantMappings: [(ia, [0]), (ib, [1])]),
                    GLTFPrimitive(lathe, material: ib),
                ]))
        let child = doc.addNode(GLTFNode(name: "child", mesh: mesh, translation: SIMD3(0, 0.05, 0)))
        doc.sceneNodes = [doc.addNode(GLTFNode(name: "root", children: [child]))]
        return doc
    }

    @Test func containerIsAlignedAndComplete() throws {
        let bytes = GLBWriter.write(Self.sample())
        let glb = try GLBInspector(bytes)
        #expect(bytes.count % 4 == 0)
        let asset = try #require(glb.json["asset"] as? [String: Any])
        #expect(asset["version"] as? String == "2.0")
        #expect(asset["generator"] as? String == "test")
        // JSON padded with spaces, BIN with zeros.
        let jsonLength = Int(bytes[12]) | Int(bytes[13]) << 8
        #expect(
            String(decoding: bytes[20..<(20 + jsonLength)], as: UTF8.self).hasSuffix("}")
                || bytes[20 + jsonLength - 1] == 0x20)
        #expect(
            glb.json["extensionsUsed"] as? [String] == [
                "KHR_materials_sheen", "KHR_materials_variants", "KHR_texture_transform",
            ])
        let buffers = glb.array("buffers")
        #expect(buffers.count == 1 && buffers[0]["byteLength"] as? Int == glb.bin.count)
    }

    @Test func accessorsMatchTheirData() throws {
        let doc = Self.sample()
        let glb = try GLBInspector(GLBWriter.write(doc))
        let primitives = try #require(glb.array("meshes").first?["primitives"] as? [[String: Any]])
        for (k, p) in primitives.enumerated() {
            let source = doc.meshes[0].primitives[k].data
            let attributes = try #require(p["attributes"] as? [String: Int])
            let position = try #require(attributes["POSITION"])
            let values = try glb.floats(position)
            #expect(values.count == source.vertexCount)
            #expect(values.map { SIMD3($0[0], $0[1], $0[2]) } == source.positions)
            // min/max are exactly the data's bounds.
            let accessor = glb.array("accessors")[position]
            let bounds = try #require(source.bounds)
            #expect((accessor["min"] as? [Double])?.map(Float.init) == [bounds.min.x, bounds.min.y, bounds.min.z])
            #expect((accessor["max"] as? [Double])?.map(Float.init) == [bounds.max.x, bounds.max.y, bounds.max.z])
            #expect(try glb.floats(try #require(attributes["TEXCOORD_0"])).map { SIMD2($0[0], $0[1]) } == source.uvs)
            #expect(
                try glb.floats(try #require(attributes["NORMAL"])).map { SIMD3($0[0], $0[1], $0[2]) } == source.normals)
            #expect((attributes["TANGENT"] != nil) == !source.tangents.isEmpty)
            // Interleaved: the stride is the vertex size.
            let view = glb.array("bufferViews")[glb.array("accessors")[position]["bufferView"] as? Int ?? -1]
            #expect(view["byteStride"] as? Int == (source.tangents.isEmpty ? 32 : 48))
            #expect(view["target"] as? Int == 34962)
            let indices = try glb.indices(try #require(p["indices"] as? Int))
            #expect(indices == source.indices.map(Int.init))
            #expect(p["mode"] as? Int == 4)
        }
    }

    @Test func variantsAndTextureTransformAreWritten() throws {
        let glb = try GLBInspector(GLBWriter.write(Self.sample()))
        let root = try #require(glb.json["extensions"] as? [String: Any])
        let variants = try #require((root["KHR_materials_variants"] as? [String: Any])?["variants"] as? [[String: Any]])
        #expect(variants.map { $0["name"] as? String } == ["one", "two"])
        let primitive = try #require((glb.array("meshes")[0]["primitives"] as? [[String: Any]])?.first)
        let mappings = try #require(
            ((primitive["extensions"] as? [String: Any])?["KHR_materials_variants"] as? [String: Any])?["mappings"]
                as? [[String: Any]])
        #expect(mappings.count == 2)
        #expect(mappings[1]["material"] as? Int == 1 && mappings[1]["variants"] as? [Int] == [1])
        let material = glb.array("materials")[0]
        let pbr = try #require(material["pbrMetallicRoughness"] as? [String: Any])
        let base = try #require(pbr["baseColorTexture"] as? [String: Any])
        let transform = (base["extensions"] as? [String: Any])?["KHR_texture_transform"] as? [String: Any]
        #expect(transform?["scale"] as? [Double] == [2, 2])
        let sheen =
            (glb.array("materials")[1]["extensions"] as? [String: Any])?["KHR_materials_sheen"] as? [String: Any]
        #expect(sheen?["sheenColorFactor"] as? [Double] == [0.5, 0.5, 0.5])
    }

    @Test func imagesLiveInBufferViews() throws {
        let glb = try GLBInspector(GLBWriter.write(Self.sample()))
        #expect(try glb.image(0) == [1, 2, 3, 4, 5])
        #expect(glb.array("images")[0]["mimeType"] as? String == "image/png")
        #expect(glb.array("textures")[0]["source"] as? Int == 0)
    }

    @Test func sameDocumentSameBytes() {
        #expect(GLBWriter.write(Self.sample()) == GLBWriter.write(Self.sample()))
    }

    @Test func largeMeshesUse32BitIndices() throws {
        let doc = Self.sample(big: true)
        #expect(doc.meshes[0].primitives[0].data.vertexCount > 65535)
        let glb = try GLBInspector(GLBWriter.write(doc))
        let primitive = try #require((glb.array("meshes")[0]["primitives"] as? [[String: Any]])?.first)
        let accessor = glb.array("accessors")[try #require(primitive["indices"] as? Int)]
        #expect(accessor["componentType"] as? Int == 5125)
        let small = try #require((glb.array("meshes")[0]["primitives"] as? [[String: Any]])?.last)
        #expect(glb.array("accessors")[try #require(small["indices"] as? Int)]["componentType"] as? Int == 5123)
    }

    @Test func boundsFollowTheNodeTree() throws {
        let glb = try GLBInspector(GLBWriter.write(Self.sample()))
        let (triangles, lo, hi) = try glb.trianglesAndBounds()
        let doc = Self.sample()
        #expect(triangles == doc.meshes[0].primitives.reduce(0) { $0 + $1.data.triangleCount })
        #expect(abs(lo.y - 0.0) < 1e-6 && abs(hi.y - 0.25) < 1e-6)
    }
}
