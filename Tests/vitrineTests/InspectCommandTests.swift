import Foundation
import Testing
import VitrineTestSupport

@testable import vitrine

@Suite struct InspectCommandTests {
    @Test func parsesFileAndJSONFlag() throws {
        let command = try InspectCommand.parse(["model.glb", "--json"])
        #expect(command.file == "model.glb")
        #expect(command.json)
        #expect(throws: (any Error).self) { try InspectCommand.parse([]) }
    }

    /// `vitrine inspect --json` on sample models: the top-level triangle count and bounds
    /// match `models/INDEX.md` (figures from pygltflib + trimesh).
    @Test(arguments: [
        ("Duck/glTF-Binary/Duck.glb", 4212, [-0.693, 0.0993, -0.6133], [0.9618, 1.6397, 0.5393]),
        ("CesiumMilkTruck/glTF-Binary/CesiumMilkTruck.glb", 3624, [-1.396, 0.0015, -2.4309], [1.396, 2.5844, 2.438]),
        ("MultipleScenes/glTF/MultipleScenes.gltf", 2, [0, 0, 0], [1, 1, 0]),
    ])
    func jsonReportMatchesTheIndex(file: String, triangles: Int, min: [Double], max: [Double]) throws {
        try #require(Fixtures.hasShared, "../shared is needed for this test")
        let binary = try #require(VitrineBinary.url, "the vitrine binary is built beside the tests")
        let result = try VitrineBinary.run(binary, ["inspect", "--json", Fixtures.shared("models/" + file).path])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["triangles"] as? Int == triangles)
        let bounds = try #require(object["bounds"] as? [String: [Double]])
        for c in 0..<3 {
            #expect(abs((bounds["min"]?[c] ?? .nan) - min[c]) < 1e-4)
            #expect(abs((bounds["max"]?[c] ?? .nan) - max[c]) < 1e-4)
        }
        #expect(object["materials"] is [Any])
        #expect(object["variants"] is [String])
        #expect(object["warnings"] is [String])
    }

    @Test func jsonReportListsVariants() throws {
        try #require(Fixtures.hasShared, "../shared is needed for this test")
        let binary = try #require(VitrineBinary.url, "the vitrine binary is built beside the tests")
        let path = Fixtures.shared("models/MaterialsVariantsShoe/glTF/MaterialsVariantsShoe.gltf").path
        let result = try VitrineBinary.run(binary, ["inspect", "--json", path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["variants"] as? [String] == ["midnight", "beach", "street"])
        #expect((object["materials"] as? [Any])?.count == 3)
        let text = try VitrineBinary.run(binary, ["inspect", path])
        #expect(text.status == 0)
        #expect(text.stdout.contains("variants: midnight, beach, street"))
        #expect(text.stdout.contains("triangles: 22700 drawn"))
    }

    @Test func badFileExitsNonZeroWithTheErrorOnStderr() throws {
        try #require(Fixtures.hasShared, "../shared is needed for this test")
        let binary = try #require(VitrineBinary.url, "the vitrine binary is built beside the tests")
        let path = Fixtures.shared("badinput/gltf/mesh_data/index_buffer_oob.gltf").path
        let result = try VitrineBinary.run(binary, ["inspect", "--json", path])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("index_buffer_oob.gltf: meshes[0].primitives[0].indices:"))
        let missing = try VitrineBinary.run(binary, ["inspect", "/nonexistent/model.glb"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("model.glb"))
    }
}
