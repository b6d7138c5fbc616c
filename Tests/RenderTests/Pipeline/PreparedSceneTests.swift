import Testing

@testable import Render

@Suite struct PreparedSceneTests {
    @Test func mirroredInstancesReverseWindingAndTangentHandedness() throws {
        var quad = TestScenes.quad()
        quad.tangents = [SIMD4<Float>](repeating: SIMD4(1, 0, 0, 1), count: 4)
        let mirror = Matrix4.trs(translation: SIMD3(2, 0, 0), rotation: SIMD4(0, 0, 0, 1), scale: SIMD3(-1, 1, 1))
        let prepared = try PreparedScene(scene: TestScenes.scene([(quad, .identity), (quad, mirror)]))
        let g = prepared.geometry
        // Same triangle, instance 2: indices 1 and 2 swapped, positions mirrored and moved.
        #expect(Array(g.indices[0..<3]) == [0, 1, 2])
        #expect(Array(g.indices[6..<9]) == [4, 6, 5])
        #expect(g.positions[5] == SIMD3(1.5, -0.5, 0))
        #expect(g.tangents[0] == SIMD4(1, 0, 0, 1))
        #expect(g.tangents[4] == SIMD4(-1, 0, 0, -1))
        // Normals still face +Z (the cofactor matrix with the determinant's sign).
        #expect(g.normals[4] == SIMD3(0, 0, 1))
        let bounds = try #require(prepared.bounds())
        #expect(bounds.min == SIMD3(-0.5, -0.5, 0) && bounds.max == SIMD3(2.5, 0.5, 0))
        #expect(prepared.triangleCount() == 4)
    }

    @Test func tangentsAreGeneratedForNormalMapsOnly() throws {
        var material = Material()
        material.normalTexture = TextureBinding(texture: 0)
        let plain = try PreparedScene(scene: TestScenes.scene([(TestScenes.quad(), .identity)]))
        #expect(plain.geometry.tangents.isEmpty)
        let mapped = try PreparedScene(
            scene: TestScenes.scene([(TestScenes.quad(material: 0), .identity)], materials: [material]))
        #expect(mapped.batches[0].attributes.contains(.tangents))
        // u grows along +X, v along -Y (glTF UV origin top-left): tangent +X, right-handed.
        for v in 0..<4 { #expect(mapped.geometry.tangents[v] == SIMD4(1, 0, 0, 1)) }
    }

    @Test func missingNormalsAreFlatAtShadingTime() throws {
        var quad = TestScenes.quad()
        quad.normals = nil
        let prepared = try PreparedScene(scene: TestScenes.scene([(quad, .identity)]))
        #expect(!prepared.batches[0].attributes.contains(.normals))
    }

    @Test func variantsPickMaterialsPerPrimitive() throws {
        var quad = TestScenes.quad(material: 0)
        quad.variantMappings = [VariantMapping(material: 1, variants: [1])]
        let prepared = try PreparedScene(
            scene: TestScenes.scene([(quad, .identity)], materials: [Material(), Material()], variants: ["A", "B"]))
        #expect(prepared.materialIndex(batch: 0, variant: nil) == 0)
        #expect(prepared.materialIndex(batch: 0, variant: 0) == 0)
        #expect(prepared.materialIndex(batch: 0, variant: 1) == 1)
        #expect(throws: RenderError.unknownVariant("C", available: ["A", "B"])) { try prepared.variantIndex("C") }
    }

    @Test func badIndicesAreReportedNotTrusted() {
        var quad = TestScenes.quad()
        quad.indices = [0, 1, 9]
        #expect(throws: RenderError.self) { try PreparedScene(scene: TestScenes.scene([(quad, .identity)])) }
    }

    @Test func limitsAreEnforced() {
        var options = PrepareOptions()
        options.maxTriangles = 100
        #expect(throws: RenderError.self) {
            try PreparedScene(scene: TestScenes.scene([(TestScenes.sphere(), .identity)]), options: options)
        }
    }
}
