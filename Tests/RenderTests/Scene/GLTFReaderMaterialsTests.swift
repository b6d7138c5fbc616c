import Foundation
import Testing

@testable import Render

@Suite struct GLTFReaderMaterialsTests {
    /// A 2x1 RGBA PNG.
    static let pngBase64 =
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAADklEQVR4nGP4z8AAQv8BD/kD/YURmXYAAAAASUVORK5CYII="
    static var png: [UInt8] { Array(Data(base64Encoded: pngBase64)!) }

    /// One triangle with UVs and the given material JSON, plus one PNG texture (as a data URI).
    private func builder(material: [String: Any]) -> GLTFBuilder {
        var b = GLTFBuilder()
        let positions = b.addPositions([SIMD3(0, 0, 0), SIMD3(1, 0, 0), SIMD3(0, 1, 0)])
        let uvView = b.addView(GLTFBuilder.bytes([Float(0), 0, 1, 0, 0, 1]))
        let uv = b.addAccessor(view: uvView, componentType: 5126, type: "VEC2", count: 3)
        b.append("images", ["uri": "data:image/png;base64," + Self.pngBase64])
        b.append("samplers", ["magFilter": 9728, "wrapS": 33071, "wrapT": 33648])
        b.append("textures", ["source": 0, "sampler": 0])
        b.append("materials", material)
        b.addMeshNode(["attributes": ["POSITION": positions, "TEXCOORD_0": uv], "material": 0])
        return b
    }

    @Test func metallicRoughnessMaterialWithAllTextures() throws {
        let b = builder(material: [
            "name": "leather",
            "pbrMetallicRoughness": [
                "baseColorFactor": [0.5, 0.25, 1, 0.75], "baseColorTexture": ["index": 0],
                "metallicFactor": 0.2, "roughnessFactor": 0.7, "metallicRoughnessTexture": ["index": 0, "texCoord": 1],
            ],
            "normalTexture": ["index": 0, "scale": 0.5], "occlusionTexture": ["index": 0, "strength": 0.3],
            "emissiveTexture": ["index": 0], "emissiveFactor": [1, 0.5, 0], "alphaMode": "MASK", "alphaCutoff": 0.3,
            "doubleSided": true,
        ])
        let scene = try b.importGLB()
        let m = scene.materials[0]
        #expect(m.name == "leather")
        #expect(m.baseColorFactor == SIMD4(0.5, 0.25, 1, 0.75))
        #expect(m.metallicFactor == 0.2 && m.roughnessFactor == 0.7)
        #expect(m.metallicRoughnessTexture == TextureBinding(texture: 0, texCoord: 1))
        #expect(m.normalScale == 0.5 && m.occlusionStrength == 0.3)
        #expect(m.emissiveFactor == SIMD3(1, 0.5, 0))
        #expect(m.alphaMode == .mask && m.alphaCutoff == 0.3 && m.doubleSided)
        #expect(
            scene.textures[0]
                == Texture(image: 0, sampler: Sampler(magFilter: .nearest, wrapS: .clampToEdge, wrapT: .mirroredRepeat))
        )
        #expect(scene.images[0].mimeType == "image/png")
        #expect(scene.images[0].data == Self.png)
        #expect(scene.images[0].width == 2 && scene.images[0].height == 1)
        // texCoord 1 is sampled but the primitive has one UV set: a zero set is added.
        #expect(scene.meshes[0].primitives[0].texcoords.count == 2)
        #expect(scene.warnings.contains { $0.path == "meshes[0].primitives[0]" })
    }

    @Test func textureTransformOnEveryTextureInfo() throws {
        let transform: [String: Any] = [
            "KHR_texture_transform": ["offset": [0.5, 0.25], "rotation": 1.5, "scale": [2, 3], "texCoord": 0]
        ]
        let b = builder(material: [
            "pbrMetallicRoughness": ["baseColorTexture": ["index": 0, "texCoord": 1, "extensions": transform]],
            "normalTexture": ["index": 0, "extensions": transform],
            "extensions": ["KHR_materials_sheen": ["sheenColorTexture": ["index": 0, "extensions": transform]]],
        ])
        let m = try b.importGLB().materials[0]
        let expected = TextureBinding(
            texture: 0, texCoord: 0,
            transform: TextureTransform(offset: SIMD2(0.5, 0.25), rotation: 1.5, scale: SIMD2(2, 3)))
        #expect(m.baseColorTexture == expected)
        #expect(m.normalTexture == expected)
        #expect(m.sheen?.colorTexture == expected)
    }

    @Test func materialExtensions() throws {
        let b = builder(material: [
            "emissiveFactor": [1, 1, 1],
            "extensions": [
                "KHR_materials_emissive_strength": ["emissiveStrength": 4],
                "KHR_materials_unlit": [String: Any](),
                "KHR_materials_sheen": ["sheenColorFactor": [0.1, 0.2, 0.3], "sheenRoughnessFactor": 0.4],
                "KHR_materials_clearcoat": [
                    "clearcoatFactor": 0.6, "clearcoatRoughnessFactor": 0.1, "clearcoatNormalTexture": ["index": 0],
                ],
                "KHR_materials_transmission": ["transmissionFactor": 0.9],
            ],
        ])
        let scene = try b.importGLB()
        let m = scene.materials[0]
        #expect(m.emissiveStrength == 4)
        #expect(m.unlit)
        #expect(m.sheen?.colorFactor == SIMD3(0.1, 0.2, 0.3) && m.sheen?.roughnessFactor == 0.4)
        #expect(m.clearcoat?.factor == 0.6 && m.clearcoat?.normalTexture?.texture == 0)
        #expect(m.transmissionFactor == 0.9)
        #expect(scene.warnings.contains { $0.path == "materials[0].extensions.KHR_materials_transmission" })
    }

    @Test func variantsAreReadFromRootAndPrimitives() throws {
        var b = builder(material: ["name": "red"])
        b.append("materials", ["name": "blue"])
        b.json["extensions"] = ["KHR_materials_variants": ["variants": [["name": "Red"], ["name": "Blue"]]]]
        b.json["extensionsUsed"] = ["KHR_materials_variants"]
        var meshes = b.json["meshes"] as! [[String: Any]]
        var primitives = meshes[0]["primitives"] as! [[String: Any]]
        primitives[0]["extensions"] = [
            "KHR_materials_variants": [
                "mappings": [["material": 1, "variants": [1]], ["material": 0, "variants": [0]]]
            ]
        ]
        meshes[0]["primitives"] = primitives
        b.json["meshes"] = meshes
        let scene = try b.importGLB()
        #expect(scene.variants == ["Red", "Blue"])
        let p = scene.meshes[0].primitives[0]
        #expect(
            p.variantMappings == [
                VariantMapping(material: 1, variants: [1]), VariantMapping(material: 0, variants: [0]),
            ])
        #expect(p.material(forVariant: 1) == 1)
        #expect(p.material(forVariant: nil) == 0)

        primitives[0]["extensions"] = ["KHR_materials_variants": ["mappings": [["material": 1, "variants": [2]]]]]
        meshes[0]["primitives"] = primitives
        b.json["meshes"] = meshes
        let error = #expect(throws: SceneError.self) { try b.importGLB() }
        #expect(error?.location == "meshes[0].primitives[0].extensions.KHR_materials_variants.mappings[0].variants[0]")
    }

    @Test func requiredUnsupportedExtensionIsAnErrorNamingIt() throws {
        var b = builder(material: [:])
        b.json["extensionsUsed"] = ["KHR_draco_mesh_compression", "KHR_materials_volume"]
        b.json["extensionsRequired"] = ["KHR_draco_mesh_compression"]
        let error = #expect(throws: SceneError.self) { try b.importGLB() }
        #expect(
            error
                == .unsupportedExtension(
                    file: "test.glb", jsonPath: "extensionsRequired[0]", name: "KHR_draco_mesh_compression"))
        #expect(error?.description.contains("KHR_draco_mesh_compression") == true)
        b.json["extensionsRequired"] = ["KHR_texture_transform", "KHR_mesh_quantization", "KHR_materials_variants"]
        let scene = try b.importGLB()
        #expect(scene.warnings.filter { $0.path.hasPrefix("extensionsUsed") }.count == 2)
        #expect(scene.warnings.contains { $0.message.contains("KHR_materials_volume") })
    }

    @Test func imagesInBufferViewsAreSniffedAndNonPNGJPEGAreLeftOut() throws {
        var b = builder(material: ["pbrMetallicRoughness": ["baseColorTexture": ["index": 1]]])
        let view = b.addView(Self.png)
        b.append("images", ["bufferView": view])
        b.append(
            "images", ["uri": "data:image/png;base64," + Data(Array("RIFF0000WEBPVP8 ".utf8)).base64EncodedString()])
        b.append("textures", ["source": 1])
        b.append("textures", ["source": 2])
        b.append("textures", ["extensions": ["KHR_texture_basisu": ["source": 0]]])
        let scene = try b.importGLB()
        #expect(scene.images[1].mimeType == "image/png")
        #expect(scene.images[1].data == Self.png)
        #expect(scene.textures[1].image == 1)
        #expect(scene.images[2].mimeType == "image/webp" && scene.images[2].data.isEmpty)
        #expect(scene.textures[2].image == nil)
        #expect(scene.textures[3].image == nil)
        #expect(scene.warnings.contains { $0.path == "images[2]" })
        #expect(scene.warnings.contains { $0.path == "textures[3]" && $0.message.contains("KHR_texture_basisu") })
    }

    /// PNG magic bytes with a damaged header (the IHDR CRC no longer matches) are an error,
    /// found by ``ImageCodec/probe(_:)`` without decoding pixels.
    @Test func imageWithABrokenHeaderIsAnError() throws {
        var broken = Self.png
        broken[17] ^= 0xFF
        var b = builder(material: [:])
        b.json["images"] = [["uri": "data:image/png;base64," + Data(broken).base64EncodedString(), "name": "logo"]]
        let error = #expect(throws: SceneError.self) { try b.importGLB() }
        guard case .invalidImage(_, let path, let reason)? = error else {
            Issue.record("expected invalidImage, got \(String(describing: error))")
            return
        }
        #expect(path == "images[0]")
        #expect(reason.contains("logo"))
    }

    @Test func badTextureReferencesNameTheirPath() throws {
        let b = builder(material: ["occlusionTexture": ["index": 5]])
        let error = #expect(throws: SceneError.self) { try b.importGLB() }
        #expect(error?.location == "materials[0].occlusionTexture.index")
        var c = builder(material: [:])
        c.json["textures"] = [["source": 0, "sampler": 4]]
        let sampler = #expect(throws: SceneError.self) { try c.importGLB() }
        #expect(sampler?.location == "textures[0].sampler")
        var d = builder(material: [:])
        d.json["images"] = [["uri": "data:image/png;base64,@@@"]]
        let uri = #expect(throws: SceneError.self) { try d.importGLB() }
        #expect(uri?.location == "images[0].uri")
    }

    @Test func outOfRangeFactorsAreClampedWithWarnings() throws {
        let b = builder(material: [
            "pbrMetallicRoughness": ["metallicFactor": 2, "baseColorFactor": [2, 0, 0, 1]], "alphaMode": "GLASS",
        ])
        let scene = try b.importGLB()
        #expect(scene.materials[0].metallicFactor == 1)
        #expect(scene.materials[0].baseColorFactor == SIMD4(1, 0, 0, 1))
        #expect(scene.materials[0].alphaMode == .opaque)
        #expect(scene.warnings.count >= 3)
    }
}
