import Foundation
import Testing

@testable import Render

@Suite struct OBJImporterTests {
    private func load(_ text: String, baseURL: URL? = nil) throws -> Scene {
        try OBJImporter.importOBJ(Array(text.utf8), name: "m.obj", baseURL: baseURL)
    }

    /// A folder with files, removed after `body`.
    private func withFolder(_ files: [String: [UInt8]], _ body: (URL) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-obj-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, bytes) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        try body(dir)
    }

    @Test func allFaceIndexFormsAndNegativeIndices() throws {
        let scene = try load(
            """
            # a quad and a triangle
            v 0 0 0
            v 1 0 0
            v 1 1 0
            v 0 1 0
            vt 0 0
            vt 1 0
            vt 1 1
            vt 0 1
            vn 0 0 1
            f 1/1/1 2/2/1 3/3/1 4/4/1
            f -4//-1 -3//-1 -2//-1
            f 1 2 3
            f 1/1 2/2 3/3
            """)
        #expect(scene.meshes.count == 1)
        let primitive = scene.meshes[0].primitives[0]
        #expect(primitive.triangleCount == 5)
        // Corners with different (v, vt) keys are different vertices; equal keys are shared.
        #expect(primitive.vertexCount == 4 + 3)
        #expect(primitive.normals == nil)
        #expect(scene.warnings.contains { $0.message.contains("normals") })
        // v is flipped (OBJ: origin bottom-left, glTF: top-left).
        #expect(primitive.texcoords[0][0] == SIMD2(0, 1))
        #expect(scene.triangleCount() == 5)
        #expect(scene.bounds() == BoundingBox(min: SIMD3(0, 0, 0), max: SIMD3(1, 1, 0)))
    }

    @Test func quadsAreTriangulatedAsFansWithTheirWinding() throws {
        let scene = try load("v 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nvn 0 0 1\nf 1//1 2//1 3//1 4//1\n")
        let p = scene.meshes[0].primitives[0]
        #expect(p.indices == [0, 1, 2, 0, 2, 3])
        #expect(p.normals == Array(repeating: SIMD3(0, 0, 1), count: 4))
    }

    @Test func groupsAndMaterialsSplitMeshesAndPrimitives() throws {
        let scene = try load(
            """
            v 0 0 0 1 0 0
            v 1 0 0 0 1 0
            v 0 1 0 0 0 1
            o first
            usemtl a
            f 1 2 3
            usemtl b
            f 1 2 3
            g second
            f 3 2 1
            """)
        #expect(scene.meshes.map(\.name) == ["first", "second"])
        #expect(scene.meshes[0].primitives.count == 2)
        #expect(scene.nodes.map(\.mesh) == [0, 1])
        #expect(scene.scenes[0].nodes == [0, 1])
        #expect(scene.meshes[0].primitives[0].colors?[1] == SIMD4(0, 1, 0, 1))
        // usemtl without an mtllib: default material, with a warning naming the line.
        #expect(scene.meshes[0].primitives[0].material == nil)
        #expect(scene.warnings.contains { $0.path == "line 6" })
    }

    @Test(arguments: [
        ("v 0 0 0\nf 1 2 3\n", 2), ("v 0 0 0\nv 0 0 0\nv 0 0 0\nf 0 1 2\n", 4), ("v 0 0\n", 1), ("v 1 2 nan\n", 1),
        ("v 0 0 0\nv 0 0 0\nf 1 2\n", 3), ("v 0 0 0\nv 0 0 0\nv 0 0 0\nf 1/5 2 3\n", 4), ("v 0 0 0\nf -2 1 1\n", 2),
        ("v 0 0 0\nv 0 0 0\nv 0 0 0\nf 1/a 2 3\n", 4), ("v 0 0 0\nv 0 0 0\nv 0 0 0\nf 1//1 2 3\n", 4),
    ])
    func errorsNameTheLine(text: String, line: Int) {
        let error = #expect(throws: SceneError.self) { try load(text) }
        guard case .invalidOBJ(let file, let l, _)? = error else {
            Issue.record("expected invalidOBJ, got \(String(describing: error))")
            return
        }
        #expect(file == "m.obj")
        #expect(l == line)
    }

    @Test func mtlMaterialsBecomeMetallicRoughness() throws {
        let mtl = """
            newmtl shiny
            Kd 0.8 0.2 0.1
            Ns 250
            d 0.5
            Ke 2 1 0
            map_Kd -s 2 2 1 tex/base.png
            map_Bump -bm 0.5 normal.png
            newmtl pbr
            Kd 1 1 1
            Pr 0.3
            Pm 0.9
            Tr 0.25
            map_Pr missing.png
            """
        let png = GLTFReaderMaterialsTests.png
        try withFolder(["m.mtl": Array(mtl.utf8), "tex/base.png": png, "normal.png": png]) { dir in
            let scene = try load(
                "mtllib m.mtl\nv 0 0 0\nv 1 0 0\nv 0 1 0\nvt 0 0\nusemtl shiny\nf 1/1 2/1 3/1\nusemtl pbr\nf 1/1 2/1 3/1\n",
                baseURL: dir)
            #expect(scene.materials.count == 2)
            let shiny = scene.materials[0]
            #expect(shiny.baseColorFactor == SIMD4(0.8, 0.2, 0.1, 0.5))
            #expect(shiny.alphaMode == .blend)
            #expect(abs(shiny.roughnessFactor - Float(pow(2.0 / 252.0, 0.25))) < 1e-6)
            #expect(shiny.metallicFactor == 0)
            #expect(shiny.emissiveFactor == SIMD3(1, 0.5, 0) && shiny.emissiveStrength == 2)
            #expect(shiny.baseColorTexture?.transform?.scale == SIMD2(2, 2))
            #expect(shiny.normalTexture?.texture == 1 && shiny.normalScale == 0.5)
            #expect(scene.images.count == 2)
            let pbr = scene.materials[1]
            #expect(pbr.roughnessFactor == 0.3 && pbr.metallicFactor == 0.9)
            #expect(pbr.baseColorFactor.w == 0.75)
            #expect(pbr.metallicRoughnessTexture == nil)
            #expect(scene.meshes[0].primitives.map(\.material) == [0, 1])
            #expect(scene.warnings.contains { $0.message.contains("map_Pr") })
        }
    }

    @Test func pathsLeavingTheFolderAreRefused() throws {
        try withFolder(["m.mtl": Array("newmtl a\nmap_Kd ../../etc/passwd\n".utf8)]) { dir in
            let escaping = #expect(throws: SceneError.self) { try load("mtllib ../m.mtl\n", baseURL: dir) }
            #expect(escaping?.location == "line 1")
            let map = #expect(throws: SceneError.self) { try load("mtllib m.mtl\n", baseURL: dir) }
            guard case .invalidURI(_, let path, _, _)? = map else {
                Issue.record("expected invalidURI, got \(String(describing: map))")
                return
            }
            #expect(path == "m.mtl line 2")
            #expect(throws: SceneError.self) { try load("mtllib /etc/hosts\n", baseURL: dir) }
            #expect(throws: SceneError.self) { try load("mtllib %2e%2e/x.mtl\n", baseURL: dir) }
        }
    }

    @Test func missingLibraryIsAWarning() throws {
        let scene = try load(
            "mtllib nothing.mtl\nv 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n", baseURL: URL(fileURLWithPath: "/tmp"))
        #expect(scene.triangleCount() == 1)
        #expect(scene.warnings.contains { $0.path == "line 1" })
    }

    @Test func limitsBoundVerticesAndTriangles() {
        let options = ImportOptions(maxVertices: 2)
        #expect(throws: SceneError.self) {
            try OBJImporter.importOBJ(
                Array("v 0 0 0\nv 0 0 0\nv 0 0 0\n".utf8), name: "m.obj", baseURL: nil, options: options)
        }
        let text = "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3 1 2 3 1 2 3\n"
        #expect(throws: SceneError.self) {
            try OBJImporter.importOBJ(
                Array(text.utf8), name: "m.obj", baseURL: nil, options: ImportOptions(maxTriangles: 5))
        }
    }

    @Test func numberParsingMatchesTheStandardLibrary() {
        for text in ["0", "-1.5", "3.25e2", "1E-3", ".5", "-.25", "+7", "123456.789", "1e-30", "2.5e+10"] {
            #expect(OBJTokens.float(ArraySlice(Array(text.utf8))) == Float(text), "\(text)")
        }
        for bad in ["", "-", "1.2.3", "e5", "1e", "nan", "inf", "1x", "1e99"] {
            #expect(OBJTokens.float(ArraySlice(Array(bad.utf8))) == nil, "\(bad)")
        }
    }
}
