import Foundation
import Testing
import VitrineTestSupport

@testable import Render

/// Every sample model in `../shared/models` imports, and its triangle count, world bounds and
/// object counts match `models/INDEX.md`, which was computed independently (pygltflib +
/// trimesh).
@Suite(.timeLimit(.minutes(2))) struct SharedModelsTests {
    /// One row of the INDEX.md table, with the "Other facts" counts.
    struct Entry: Sendable, CustomTestStringConvertible {
        var path: String
        var triangles: Int
        var min: SIMD3<Double>
        var max: SIMD3<Double>
        var meshes: Int?
        var nodes: Int?
        var materials: Int?
        var cameras: Int?

        var testDescription: String { path }
    }

    /// Parses the table and the "Other facts" list of INDEX.md.
    static let entries: [Entry] = {
        guard let text = try? String(contentsOf: Fixtures.shared("models/INDEX.md"), encoding: .utf8) else { return [] }
        var entries: [Entry] = []
        var facts: [String: [String: Int]] = [:]
        for line in text.split(separator: "\n").map(String.init) {
            if line.hasPrefix("| "), line.contains("`") {
                let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                guard cells.count >= 8 else { continue }
                let path = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
                let triangles = Int(cells[3].split(separator: " ")[0].replacingOccurrences(of: ",", with: "")) ?? -1
                let vectors = cells[cells.count - 1].split(separator: "→").map { part in
                    part.trimmingCharacters(in: CharacterSet(charactersIn: "[] ")).split(separator: ",").compactMap {
                        Double($0.trimmingCharacters(in: .whitespaces))
                    }
                }
                guard vectors.count == 2, vectors[0].count == 3, vectors[1].count == 3 else { continue }
                entries.append(
                    Entry(
                        path: path, triangles: triangles, min: SIMD3(vectors[0][0], vectors[0][1], vectors[0][2]),
                        max: SIMD3(vectors[1][0], vectors[1][1], vectors[1][2])))
            } else if line.hasPrefix("- `"), line.contains("meshes") {
                let parts = line.dropFirst(3).split(separator: "`", maxSplits: 1)
                var counts: [String: Int] = [:]
                for item in parts[1].dropFirst(1).split(separator: ",") {
                    let words = item.split(separator: " ")
                    if words.count == 2, let n = Int(words[0]) { counts[String(words[1])] = n }
                }
                facts[String(parts[0])] = counts
            }
        }
        for i in entries.indices {
            let f = facts[entries[i].path] ?? [:]
            entries[i].meshes = f["meshes"]
            entries[i].nodes = f["nodes"]
            entries[i].materials = f["materials"]
            entries[i].cameras = f["cameras"]
        }
        return entries
    }()

    /// INDEX.md rounds to 4 decimals (error <= 5e-5); Float transforms add a little more.
    static func close(_ a: Float, _ b: Double) -> Bool {
        abs(Double(a) - b) <= 6e-5 + 1e-6 * abs(b)
    }

    @Test func indexListsEveryModelFile() throws {
        try #require(Fixtures.hasShared, "../shared is needed for this test")
        #expect(Self.entries.count >= 38)
        let root = Fixtures.shared("models")
        let files = try #require(FileManager.default.enumerator(atPath: root.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".gltf") || $0.hasSuffix(".glb") }
        #expect(Set(files) == Set(Self.entries.map(\.path)))
        #expect(Self.entries.allSatisfy { $0.meshes != nil })
    }

    @Test(arguments: entries)
    func modelMatchesTheIndex(_ entry: Entry) throws {
        let scene = try SceneLoader.load(contentsOf: Fixtures.shared("models/" + entry.path))
        #expect(scene.triangleCount() == entry.triangles)
        if let meshes = entry.meshes { #expect(scene.meshes.count == meshes) }
        if let nodes = entry.nodes { #expect(scene.nodes.count == nodes) }
        if let materials = entry.materials { #expect(scene.materials.count == materials) }
        if let cameras = entry.cameras { #expect(scene.cameras.count == cameras) }
        let bounds = try #require(scene.bounds())
        if entry.path.hasSuffix("SimpleSparseAccessor.gltf") {
            // The one exception: trimesh ignores sparse accessors, so INDEX.md has the bounds
            // of the dense data (max y = 1). The file's own POSITION min/max, which include the
            // sparse values, say max y = 4, as Vitrine computes.
            #expect(bounds == BoundingBox(min: SIMD3(0, 0, 0), max: SIMD3(6, 4, 0)))
            #expect(entry.max == SIMD3(6, 1, 0))
            return
        }
        for c in 0..<3 {
            #expect(Self.close(bounds.min[c], entry.min[c]), "min[\(c)] \(bounds.min[c]) vs \(entry.min[c])")
            #expect(Self.close(bounds.max[c], entry.max[c]), "max[\(c)] \(bounds.max[c]) vs \(entry.max[c])")
        }
        // Every primitive honours the contract the renderer relies on.
        for mesh in scene.meshes {
            for p in mesh.primitives {
                #expect(p.indices.count % 3 == 0)
                #expect(p.indices.allSatisfy { Int($0) < p.vertexCount })
                #expect(p.normals.map { $0.count == p.vertexCount } ?? true)
                #expect(p.texcoords.allSatisfy { $0.count == p.vertexCount })
            }
        }
    }

    @Test func variantsAndExtensionsOfProductModels() throws {
        try #require(Fixtures.hasShared, "../shared is needed for this test")
        let shoe = try SceneLoader.load(
            contentsOf: Fixtures.shared("models/MaterialsVariantsShoe/glTF/MaterialsVariantsShoe.gltf"))
        #expect(shoe.variants == ["midnight", "beach", "street"])
        let p = shoe.meshes[0].primitives[0]
        #expect(Set(p.variantMappings.flatMap(\.variants)) == [0, 1, 2])
        #expect(Set((0..<3).compactMap { p.material(forVariant: $0) }).count == 3)
        let chair = try SceneLoader.load(contentsOf: Fixtures.shared("models/SheenChair/glTF/SheenChair.gltf"))
        #expect(chair.extensionsRequired == ["KHR_texture_transform"])
        #expect(chair.materials.contains { $0.sheen != nil })
        #expect(chair.materials.contains { $0.textureBindings.contains { $0.transform != nil } })
        let unlit = try SceneLoader.load(contentsOf: Fixtures.shared("models/UnlitTest/glTF-Binary/UnlitTest.glb"))
        #expect(unlit.materials.allSatisfy { $0.unlit })
        let cameras = try SceneLoader.load(contentsOf: Fixtures.shared("models/Cameras/glTF/Cameras.gltf"))
        #expect(cameras.cameraNodes().count == 2)
        let boxTextured = try SceneLoader.load(
            contentsOf: Fixtures.shared("models/BoxTextured/glTF-Binary/BoxTextured.glb"))
        #expect(boxTextured.images.map(\.mimeType) == ["image/png"])
        #expect(boxTextured.materials[0].baseColorTexture?.texture == 0)
    }
}
