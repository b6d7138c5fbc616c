import Foundation
import Testing

@testable import Render

@Suite struct GLBContainerTests {
    /// A small but complete GLB: one triangle with indices, positions and normals.
    static func triangleGLB() -> [UInt8] {
        var b = GLTFBuilder()
        let positions = b.addPositions([SIMD3(0, 0, 0), SIMD3(1, 0, 0), SIMD3(0, 1, 0)])
        let indices = b.addIndices([0, 1, 2])
        b.addMeshNode(["attributes": ["POSITION": positions], "indices": indices])
        return b.glb()
    }

    @Test func wellFormedGLBSplitsIntoChunks() throws {
        let bytes = Self.triangleGLB()
        let container = try GLBContainer.parse(bytes, file: "t.glb")
        #expect(container.json.lowerBound == 20)
        let bin = try #require(container.bin)
        #expect(bin.upperBound == bytes.count)
        #expect(container.warnings.isEmpty)
        let scene = try GLTFImporter.importGLB(bytes, name: "t.glb", baseURL: nil)
        #expect(scene.triangleCount() == 1)
    }

    /// Every proper prefix of a valid GLB must be refused with a typed error: the header
    /// length no longer matches, or a chunk is cut.
    @Test func everyTruncationIsAnError() throws {
        let bytes = Self.triangleGLB()
        for length in 0..<bytes.count {
            let prefix = Array(bytes[0..<length])
            #expect(throws: SceneError.self, "prefix of \(length) bytes") {
                try GLTFImporter.importGLB(prefix, name: "t.glb", baseURL: nil)
            }
        }
    }

    /// Every prefix with the header's length field patched to match is still refused (a chunk
    /// is cut), which exercises the chunk checks rather than the length check.
    @Test func everyTruncationWithPatchedLengthIsAnError() throws {
        let bytes = Self.triangleGLB()
        for length in 12..<bytes.count {
            var prefix = Array(bytes[0..<length])
            prefix.replaceSubrange(8..<12, with: GLTFBuilder.bytes([UInt32(length)]))
            #expect(throws: SceneError.self, "patched prefix of \(length) bytes") {
                try GLTFImporter.importGLB(prefix, name: "t.glb", baseURL: nil)
            }
        }
    }

    @Test func chunkClaimingFourGibibytesFailsWithoutAllocating() throws {
        var bytes = Self.triangleGLB()
        // The BIN chunk header follows the JSON chunk.
        let container = try GLBContainer.parse(bytes, file: "t.glb")
        let binHeader = container.json.upperBound
        bytes.replaceSubrange(binHeader..<(binHeader + 4), with: GLTFBuilder.bytes([UInt32.max]))
        let error = #expect(throws: SceneError.self) { try GLBContainer.parse(bytes, file: "huge.glb") }
        guard case .invalidGLB(let file, let offset, let reason)? = error else {
            Issue.record("expected invalidGLB, got \(String(describing: error))")
            return
        }
        #expect(file == "huge.glb")
        #expect(offset == binHeader)
        #expect(reason.contains("4294967295"))
    }

    @Test func headerLengthOfFourGibibytesIsRefused() {
        var bytes = Self.triangleGLB()
        bytes.replaceSubrange(8..<12, with: GLTFBuilder.bytes([UInt32.max]))
        let error = #expect(throws: SceneError.self) { try GLBContainer.parse(bytes, file: "t.glb") }
        #expect(error?.location == "byte 8")
    }

    @Test func wrongMagicAndVersionAreRefused() {
        var bytes = Self.triangleGLB()
        bytes[0] = UInt8(ascii: "x")
        #expect(throws: SceneError.self) { try GLBContainer.parse(bytes, file: "t.glb") }
        var v1 = Self.triangleGLB()
        v1[4] = 1
        let error = #expect(throws: SceneError.self) { try GLBContainer.parse(v1, file: "t.glb") }
        #expect(error?.reason.contains("version 1") == true)
    }

    @Test func binFirstOrTwiceIsRefused() {
        let json = Array(#"{"asset":{"version":"2.0"}}"#.utf8)
        let ok = GLTFBuilder.glb(json: json, bin: [1, 2, 3, 4])
        var twice = ok
        twice += GLTFBuilder.bytes([UInt32(4)]) + [0x42, 0x49, 0x4E, 0x00] + [0, 0, 0, 0]
        twice.replaceSubrange(8..<12, with: GLTFBuilder.bytes([UInt32(twice.count)]))
        let error = #expect(throws: SceneError.self) { try GLBContainer.parse(twice, file: "t.glb") }
        #expect(error?.reason.contains("second BIN") == true)
    }

    @Test func extraBytesAndUnknownChunksGiveWarnings() throws {
        let json = Array(#"{"asset":{"version":"2.0"}}"#.utf8)
        var bytes = GLTFBuilder.glb(json: json, bin: nil)
        bytes += GLTFBuilder.bytes([UInt32(4)]) + Array("XTRA".utf8) + [0, 0, 0, 0]
        bytes.replaceSubrange(8..<12, with: GLTFBuilder.bytes([UInt32(bytes.count)]))
        bytes += [0xFF]
        let container = try GLBContainer.parse(bytes, file: "t.glb")
        #expect(container.warnings.count == 2)
        #expect(container.bin == nil)
    }
}
