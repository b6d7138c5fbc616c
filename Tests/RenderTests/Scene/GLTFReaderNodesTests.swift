import Foundation
import Testing

@testable import Render

@Suite struct GLTFReaderNodesTests {
    /// A builder with one triangle mesh and no nodes.
    private func triangleBuilder() -> GLTFBuilder {
        var b = GLTFBuilder()
        let positions = b.addPositions([SIMD3(0, 0, 0), SIMD3(1, 0, 0), SIMD3(0, 1, 0)])
        b.append("meshes", ["primitives": [["attributes": ["POSITION": positions]]]])
        return b
    }

    @Test func hierarchyComposesTRSAndMatrices() throws {
        var b = triangleBuilder()
        b.json["nodes"] = [
            ["children": [1], "translation": [10, 0, 0], "scale": [2, 2, 2]],
            ["mesh": 0, "matrix": [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 5, 0, 1]],
            ["mesh": 0, "rotation": [0, 0, 0.7071068, 0.7071068]],
        ]
        b.json["scenes"] = [["nodes": [0, 2]]]
        let scene = try b.importGLB()
        let draws = scene.drawList()
        #expect(draws.map(\.node) == [1, 2])
        let p = draws[0].worldMatrix.transformAffinePoint(SIMD3(1, 0, 0))
        #expect(p == SIMD3(12, 10, 0))
        let r = draws[1].worldMatrix.transformAffinePoint(SIMD3(1, 0, 0))
        #expect(abs(r.x) < 1e-6 && abs(r.y - 1) < 1e-6)
        #expect(scene.triangleCount() == 2)
        let bounds = try #require(scene.bounds())
        #expect(bounds.max == SIMD3(12, 12, 0))
    }

    @Test func cyclesAreErrors() throws {
        var b = triangleBuilder()
        b.json["nodes"] = [["children": [1]], ["children": [2]], ["children": [1], "mesh": 0]]
        b.json["scenes"] = [["nodes": [0]]]
        let error = #expect(throws: SceneError.self) { try b.importGLB() }
        guard case .invalidNodeGraph(_, let path, let reason)? = error else {
            Issue.record("expected invalidNodeGraph, got \(String(describing: error))")
            return
        }
        #expect(path == "nodes[2].children[0]")
        #expect(reason.contains("two parents"))

        var c = triangleBuilder()
        c.json["nodes"] = [["children": [1]], ["children": [0]]]
        let loop = #expect(throws: SceneError.self) { try c.importGLB() }
        #expect(loop?.reason.contains("cycle") == true)

        var d = triangleBuilder()
        d.json["nodes"] = [["children": [0]]]
        let selfLoop = #expect(throws: SceneError.self) { try d.importGLB() }
        #expect(selfLoop?.location == "nodes[0].children[0]")
    }

    @Test func deepChainsImportWithoutRecursion() throws {
        var b = triangleBuilder()
        let depth = 20_000
        var nodes: [[String: Any]] = (0..<(depth - 1)).map { ["children": [$0 + 1], "translation": [0.001, 0, 0]] }
        nodes.append(["mesh": 0])
        b.json["nodes"] = nodes
        b.json["scenes"] = [["nodes": [0]]]
        let scene = try b.importGLB()
        #expect(scene.drawList().count == 1)
        let x = try #require(scene.bounds()).min.x
        #expect(abs(x - 19.999) < 0.01)
    }

    @Test(arguments: [
        #""translation":[1e999,0,0]"#, #""rotation":[0,0,0,0]"#, #""scale":[1,2]"#, #""matrix":[1,0,0]"#,
        #""translation":[0,"a",0]"#, #""matrix":[1,0,0,0,0,1,0,0,0,0,1,0,0,0,-1e400,1]"#,
    ])
    func badTransformsAreErrors(_ member: String) throws {
        var b = triangleBuilder()
        b.json["nodes"] = [["mesh": 0, "PLACEHOLDER": 0]]
        let text = String(decoding: b.gltf(), as: UTF8.self).replacingOccurrences(of: #""PLACEHOLDER":0"#, with: member)
        let error = #expect(throws: SceneError.self) {
            try GLTFImporter.importGLTF(Array(text.utf8), name: "t.gltf", baseURL: nil)
        }
        #expect(error?.location.hasPrefix("nodes[0].") == true, "\(String(describing: error))")
    }

    @Test func nonUnitRotationIsNormalisedWithAWarning() throws {
        var b = triangleBuilder()
        b.json["nodes"] = [["mesh": 0, "rotation": [0, 0, 0, 2]]]
        let scene = try b.importGLB()
        #expect(scene.nodes[0].localMatrix == .identity)
        #expect(scene.warnings.contains { $0.path == "nodes[0].rotation" })
        #expect(scene.warnings.contains { $0.path == "scenes" })
    }

    @Test func referencesOutOfRangeNameTheirPath() throws {
        let cases: [(String, [String: Any], String)] = [
            ("nodes", ["mesh": 3], "nodes[0].mesh"),
            ("nodes", ["camera": 0], "nodes[0].camera"),
            ("nodes", ["children": [9]], "nodes[0].children[0]"),
        ]
        for (key, object, path) in cases {
            var b = triangleBuilder()
            b.json[key] = [object]
            let error = #expect(throws: SceneError.self) { try b.importGLB() }
            guard case .unresolvedReference(_, let p, _, _, _)? = error else {
                Issue.record("expected unresolvedReference at \(path), got \(String(describing: error))")
                continue
            }
            #expect(p == path)
        }
        var b = triangleBuilder()
        b.json["nodes"] = [["mesh": 0]]
        b.json["scenes"] = [["nodes": [0]]]
        b.json["scene"] = 1
        let error = #expect(throws: SceneError.self) { try b.importGLB() }
        #expect(error?.location == "scene")
    }

    @Test func camerasAndMultipleScenes() throws {
        var b = triangleBuilder()
        b.json["cameras"] = [
            ["type": "perspective", "perspective": ["yfov": 0.8, "znear": 0.1, "aspectRatio": 1.5]],
            ["type": "orthographic", "orthographic": ["xmag": 2, "ymag": 1, "znear": 0, "zfar": 10]],
        ]
        b.json["nodes"] = [["mesh": 0], ["camera": 0, "translation": [0, 0, 5]], ["camera": 1], ["mesh": 0]]
        b.json["scenes"] = [["nodes": [0, 1]], ["name": "second", "nodes": [2, 3]]]
        b.json["scene"] = 1
        let scene = try b.importGLB()
        #expect(scene.defaultScene == 1)
        #expect(scene.cameras[0] == .perspective(name: nil, yfov: 0.8, aspectRatio: 1.5, znear: 0.1, zfar: nil))
        #expect(scene.cameraNodes().map(\.camera) == [1])
        #expect(scene.cameraNodes(sceneIndex: 0).map(\.camera) == [0])
        #expect(scene.drawList().map(\.node) == [3])
        #expect(scene.scenes[1].name == "second")

        var bad = triangleBuilder()
        bad.json["cameras"] = [["type": "perspective", "perspective": ["yfov": 0.8, "znear": 1, "zfar": 0.5]]]
        let error = #expect(throws: SceneError.self) { try bad.importGLB() }
        #expect(error?.location == "cameras[0].perspective.zfar")
    }

    @Test func unusedDataGetsWarnings() throws {
        var b = triangleBuilder()
        b.append("meshes", ["primitives": [["attributes": ["POSITION": 0]]]])
        _ = b.addAccessor(view: nil, componentType: 5126, type: "SCALAR", count: 4)
        b.json["nodes"] = [["mesh": 0], ["mesh": 0]]
        b.json["scenes"] = [["nodes": [0]]]
        let scene = try b.importGLB()
        let paths = scene.warnings.map(\.path)
        #expect(paths.contains("meshes[1]"))
        #expect(scene.warnings.contains { $0.path == "nodes" && $0.message.contains("nodes[1]") })
        #expect(scene.warnings.contains { $0.path == "accessors" && $0.message.contains("accessors[1]") })
        #expect(!paths.contains("meshes[0]"))
    }

    @Test func animationsAndSkinsAreIgnoredWithWarnings() throws {
        var b = triangleBuilder()
        b.json["nodes"] = [["mesh": 0, "skin": 0]]
        b.json["skins"] = [["joints": [0]]]
        b.json["animations"] = [["channels": [], "samplers": []]]
        let scene = try b.importGLB()
        #expect(scene.triangleCount() == 1)
        #expect(Set(scene.warnings.map(\.path)).isSuperset(of: ["animations", "skins", "nodes[0].skin"]))
    }
}
