import Foundation
import Testing

@testable import Render

@Suite struct GLTFReaderAccessorsTests {
    private static let triangle: [SIMD3<Float>] = [SIMD3(0, 0, 0), SIMD3(1, 0, 0), SIMD3(0, 1, 0)]

    /// Imports both forms of a document and returns the GLB one after checking they agree.
    private func importBoth(_ b: GLTFBuilder) throws -> Scene {
        let glb = try b.importGLB()
        let gltf = try b.importGLTF()
        #expect(glb.meshes.map { $0.primitives.map(\.positions) } == gltf.meshes.map { $0.primitives.map(\.positions) })
        return glb
    }

    @Test func sparseAccessorReplacesDenseValues() throws {
        var b = GLTFBuilder()
        let base: [SIMD3<Float>] = [SIMD3(0, 0, 0), SIMD3(1, 0, 0), SIMD3(0, 1, 0), SIMD3(1, 1, 0)]
        let dense = b.addView(GLTFBuilder.bytes(base.flatMap { [$0.x, $0.y, $0.z] }))
        let sparseIndices = b.addView(GLTFBuilder.bytes([UInt16(1), UInt16(3)]))
        let sparseValues = b.addView(GLTFBuilder.bytes([Float(5), 6, 7, 8, 9, 10]))
        let positions = b.addAccessor(
            view: dense, componentType: 5126, type: "VEC3", count: 4, min: [0, 0, 0], max: [8, 9, 10],
            sparse: [
                "count": 2, "indices": ["bufferView": sparseIndices, "componentType": 5123],
                "values": ["bufferView": sparseValues],
            ])
        b.addMeshNode(["attributes": ["POSITION": positions], "mode": 5])
        let p = try importBoth(b).meshes[0].primitives[0]
        #expect(p.positions == [SIMD3(0, 0, 0), SIMD3(5, 6, 7), SIMD3(0, 1, 0), SIMD3(8, 9, 10)])
    }

    /// An accessor without a buffer view is all zeros, with the sparse values on top.
    @Test func sparseAccessorWithoutBufferViewStartsFromZeros() throws {
        var b = GLTFBuilder()
        let sparseIndices = b.addView([2])
        let sparseValues = b.addView(GLTFBuilder.bytes([Float(1), 2, 3]))
        let positions = b.addAccessor(
            view: nil, componentType: 5126, type: "VEC3", count: 3, min: [0, 0, 0], max: [1, 2, 3],
            sparse: [
                "count": 1, "indices": ["bufferView": sparseIndices, "componentType": 5121],
                "values": ["bufferView": sparseValues],
            ])
        b.addMeshNode(["attributes": ["POSITION": positions]])
        let p = try importBoth(b).meshes[0].primitives[0]
        #expect(p.positions == [SIMD3(0, 0, 0), SIMD3(0, 0, 0), SIMD3(1, 2, 3)])
    }

    @Test func sparseIndexPastTheCountIsAnError() throws {
        var b = GLTFBuilder()
        let sparseIndices = b.addView([7])
        let sparseValues = b.addView(GLTFBuilder.bytes([Float(1), 2, 3]))
        let positions = b.addAccessor(
            view: nil, componentType: 5126, type: "VEC3", count: 3,
            sparse: [
                "count": 1, "indices": ["bufferView": sparseIndices, "componentType": 5121],
                "values": ["bufferView": sparseValues],
            ])
        b.addMeshNode(["attributes": ["POSITION": positions]])
        let error = #expect(throws: SceneError.self) { try b.importGLB() }
        #expect(error?.location == "accessors[0].sparse.indices")
    }

    /// Normalised integers follow the glTF formulas: BYTE max(c / 127, -1), UNSIGNED_BYTE
    /// c / 255, SHORT max(c / 32767, -1), UNSIGNED_SHORT c / 65535.
    @Test func normalisedIntegersAreDequantised() throws {
        var b = GLTFBuilder()
        b.json["extensionsUsed"] = ["KHR_mesh_quantization"]
        b.json["extensionsRequired"] = ["KHR_mesh_quantization"]
        let positions = b.addPositions(Self.triangle)
        let ubyteView = b.addView([0, 255, 0, 0, 128, 51, 0, 0, 255, 0, 0, 0], stride: 4)
        let shortView = b.addView(GLTFBuilder.bytes([Int16(-32768), 32767, 0, -16384, 16384, 0]))
        let ushortView = b.addView(GLTFBuilder.bytes([UInt16(0), 65535, 32768, 13107, 65535, 65535]))
        let uvUbyte = b.addAccessor(view: ubyteView, componentType: 5121, type: "VEC2", count: 3, normalized: true)
        let uvShort = b.addAccessor(view: shortView, componentType: 5122, type: "VEC2", count: 3, normalized: true)
        let uvUshort = b.addAccessor(view: ushortView, componentType: 5123, type: "VEC2", count: 3, normalized: true)
        b.addMeshNode([
            "attributes": [
                "POSITION": positions, "TEXCOORD_0": uvUbyte, "TEXCOORD_1": uvShort, "TEXCOORD_2": uvUshort,
            ]
        ])
        let p = try importBoth(b).meshes[0].primitives[0]
        #expect(p.texcoords[0] == [SIMD2(0, 1), SIMD2(128 / 255, 51 / 255), SIMD2(1, 0)])
        #expect(p.texcoords[1] == [SIMD2(-1, 1), SIMD2(0, Float(-16384) / 32767), SIMD2(Float(16384) / 32767, 0)])
        #expect(p.texcoords[2] == [SIMD2(0, 1), SIMD2(Float(32768) / 65535, Float(13107) / 65535), SIMD2(1, 1)])

        var c = GLTFBuilder()
        c.json["extensionsUsed"] = ["KHR_mesh_quantization"]
        let pos = c.addPositions([SIMD3(0, 0, 0), SIMD3(1, 0, 0)])
        let view = c.addView(GLTFBuilder.bytes([Int8(-128), -127, 0, 127, 64, -64, 0, 0]), stride: 4)
        let uv = c.addAccessor(view: view, componentType: 5120, type: "VEC2", count: 2, normalized: true)
        c.addMeshNode(["attributes": ["POSITION": pos, "TEXCOORD_0": uv]])
        let q = try c.importGLB().meshes[0].primitives[0]
        #expect(q.texcoords[0] == [SIMD2(-1, -1), SIMD2(Float(64) / 127, Float(-64) / 127)])
    }

    /// Quantised positions (UNSIGNED_SHORT, not normalised) need KHR_mesh_quantization.
    @Test func quantisedPositionsNeedTheExtension() throws {
        var b = GLTFBuilder()
        let view = b.addView(GLTFBuilder.bytes([UInt16(0), 0, 0, 0, 1000, 0, 0, 0, 0, 2000, 0, 0]), stride: 8)
        let positions = b.addAccessor(
            view: view, componentType: 5123, type: "VEC3", count: 3, min: [0, 0, 0], max: [1000, 2000, 0])
        b.addMeshNode(["attributes": ["POSITION": positions]])
        let error = #expect(throws: SceneError.self) { try b.importGLB() }
        #expect(error?.location == "meshes[0].primitives[0].attributes.POSITION")
        #expect(error?.reason.contains("KHR_mesh_quantization") == true)
        b.json["extensionsUsed"] = ["KHR_mesh_quantization"]
        let p = try b.importGLB().meshes[0].primitives[0]
        #expect(p.positions == [SIMD3(0, 0, 0), SIMD3(1000, 0, 0), SIMD3(0, 2000, 0)])
    }

    /// Interleaved POSITION + NORMAL with byteStride 24, and the stride rules.
    @Test func interleavedAttributesUseTheStride() throws {
        var b = GLTFBuilder()
        var floats: [Float] = []
        for p in Self.triangle { floats += [p.x, p.y, p.z, 0, 0, 1] }
        let view = b.addView(GLTFBuilder.bytes(floats), stride: 24)
        let positions = b.addAccessor(
            view: view, componentType: 5126, type: "VEC3", count: 3, min: [0, 0, 0], max: [1, 1, 0])
        let normals = b.addAccessor(view: view, componentType: 5126, type: "VEC3", count: 3, byteOffset: 12)
        b.addMeshNode(["attributes": ["POSITION": positions, "NORMAL": normals]])
        let p = try importBoth(b).meshes[0].primitives[0]
        #expect(p.positions == Self.triangle)
        #expect(p.normals == Array(repeating: SIMD3(0, 0, 1), count: 3))
        #expect(p.indices == [0, 1, 2])
    }

    @Test(arguments: [(2, "multiple of 4"), (256, "multiple of 4"), (8, "smaller than one element")])
    func badStridesAreErrors(stride: Int, message: String) throws {
        var b = GLTFBuilder()
        let view = b.addView([UInt8](repeating: 0, count: 64), stride: stride)
        let positions = b.addAccessor(view: view, componentType: 5126, type: "VEC3", count: 2)
        b.addMeshNode(["attributes": ["POSITION": positions]])
        let error = #expect(throws: SceneError.self) { try b.importGLB() }
        #expect(error?.reason.contains(message) == true, "\(String(describing: error))")
        #expect(error?.location.hasPrefix(stride == 8 ? "accessors[0]" : "bufferViews[0].byteStride") == true)
    }

    @Test func accessorPastTheEndOfItsViewNamesBoth() throws {
        var b = GLTFBuilder()
        let view = b.addView([UInt8](repeating: 0, count: 30))
        let positions = b.addAccessor(view: view, componentType: 5126, type: "VEC3", count: 3)
        b.addMeshNode(["attributes": ["POSITION": positions]])
        let error = #expect(throws: SceneError.self) { try b.importGLB() }
        #expect(error?.location == "accessors[0].byteOffset")
        #expect(error?.reason.contains("bufferViews[0]") == true)
        #expect(error?.reason.contains("meshes[0].primitives[0].attributes.POSITION") == true)
        #expect(error?.description.hasPrefix("test.glb: accessors[0].byteOffset: ") == true)
    }

    @Test func overflowingSizesAreErrorsNotTraps() throws {
        var b = GLTFBuilder()
        let view = b.addView([UInt8](repeating: 0, count: 64), stride: 252)
        let positions = b.addAccessor(
            view: view, componentType: 5126, type: "VEC3", count: 9_007_199_254_740_000,
            byteOffset: 9_007_199_254_740_000)
        b.addMeshNode(["attributes": ["POSITION": positions]])
        #expect(throws: SceneError.self) { try b.importGLB() }
    }

    @Test func misalignedOffsetsAndZeroCountsAreErrors() throws {
        var b = GLTFBuilder()
        let view = b.addView([UInt8](repeating: 0, count: 64))
        let misaligned = b.addAccessor(view: view, componentType: 5126, type: "VEC3", count: 2, byteOffset: 2)
        b.addMeshNode(["attributes": ["POSITION": misaligned]])
        let error = #expect(throws: SceneError.self) { try b.importGLB() }
        #expect(error?.location == "accessors[0].byteOffset")

        var c = GLTFBuilder()
        let empty = c.addAccessor(view: nil, componentType: 5126, type: "VEC3", count: 0)
        c.addMeshNode(["attributes": ["POSITION": empty]])
        let zero = #expect(throws: SceneError.self) { try c.importGLB() }
        #expect(zero?.location == "accessors[0].count")
    }

    @Test func indexAtOrPastTheVertexCountIsAnError() throws {
        var b = GLTFBuilder()
        let positions = b.addPositions(Self.triangle)
        let indices = b.addIndices([0, 1, 3])
        b.addMeshNode(["attributes": ["POSITION": positions], "indices": indices])
        let error = #expect(throws: SceneError.self) { try b.importGLB() }
        #expect(error?.location == "meshes[0].primitives[0].indices")
        #expect(error?.reason.contains("index 3") == true)
    }

    @Test func zeroFilledAccessorsAreBoundedByTheVertexLimit() throws {
        var b = GLTFBuilder()
        let huge = b.addAccessor(view: nil, componentType: 5126, type: "VEC3", count: 4_000_000_000_000)
        b.addMeshNode(["attributes": ["POSITION": huge]])
        let error = #expect(throws: SceneError.self) { try b.importGLB() }
        guard case .limitExceeded(_, _, _, let value, let limit)? = error else {
            Issue.record("expected limitExceeded, got \(String(describing: error))")
            return
        }
        #expect(value == 4_000_000_000_000)
        #expect(limit == ImportOptions().maxVertices)
        let small = ImportOptions(maxTriangles: 0)
        var c = GLTFBuilder()
        let positions = c.addPositions(Self.triangle)
        c.addMeshNode(["attributes": ["POSITION": positions]])
        #expect(throws: SceneError.self) { try c.importGLB(options: small) }
    }

    @Test func warningsAreCappedAndCounted() throws {
        var b = GLTFBuilder()
        let positions = b.addPositions(Self.triangle)
        var attributes: [String: Any] = ["POSITION": positions]
        for i in 0..<1500 { attributes["UNKNOWN\(i)"] = positions }
        b.addMeshNode(["attributes": attributes])
        let scene = try b.importGLB()
        #expect(scene.warnings.count == GLTFReader.maxWarnings + 1)
        #expect(scene.warnings.last?.message == "500 more warnings not listed")
    }

    @Test func colorsVec3GetAlphaOneAndUnorm16IsRead() throws {
        var b = GLTFBuilder()
        let positions = b.addPositions(Self.triangle)
        let view = b.addView(GLTFBuilder.bytes([UInt16(65535), 0, 0, 32768, 0, 65535, 0, 0, 0, 0, 0, 65535]))
        let colors = b.addAccessor(view: view, componentType: 5123, type: "VEC4", count: 3, normalized: true)
        let rgbView = b.addView(GLTFBuilder.bytes([Float(1), 0.5, 0, 0, 1, 0, 0, 0, 1]))
        let rgb = b.addAccessor(view: rgbView, componentType: 5126, type: "VEC3", count: 3)
        b.addMeshNode(["attributes": ["POSITION": positions, "COLOR_0": colors]])
        let p = try importBoth(b).meshes[0].primitives[0]
        #expect(p.colors == [SIMD4(1, 0, 0, Float(32768) / 65535), SIMD4(0, 1, 0, 0), SIMD4(0, 0, 0, 1)])
        b.json["meshes"] = [["primitives": [["attributes": ["POSITION": positions, "COLOR_0": rgb]]]]]
        let q = try b.importGLB().meshes[0].primitives[0]
        #expect(q.colors == [SIMD4(1, 0.5, 0, 1), SIMD4(0, 1, 0, 1), SIMD4(0, 0, 1, 1)])
    }
}
