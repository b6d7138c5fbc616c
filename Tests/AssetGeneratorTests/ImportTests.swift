import Foundation
import Render
import Testing

@testable import AssetGenerator

/// The project's own importer reads every generated model without a warning, and finds the
/// same triangles, bounds, colourways and materials as the independent test reader.
@Suite struct ImportTests {
    static let models = [
        "products/mug.glb", "products/bottle.glb", "products/chair.glb", "products/sneaker.glb",
        "accessories/sunglasses.glb",
    ]

    @Test(arguments: models) func importsCleanly(_ path: String) throws {
        let bytes = try #require(Generated.file(path))
        let scene = try SceneLoader.load(bytes, name: (path as NSString).lastPathComponent, baseURL: nil)
        #expect(scene.warnings.isEmpty, "\(path): \(scene.warnings)")
        let glb = try GLBInspector(bytes)
        let (triangles, lo, hi) = try glb.trianglesAndBounds()
        #expect(scene.triangleCount() == triangles)
        let bounds = try #require(scene.bounds())
        #expect(length(bounds.min - lo) < 1e-6 && length(bounds.max - hi) < 1e-6, "\(bounds) vs \(lo) \(hi)")
        #expect(scene.materials.count == glb.array("materials").count)
        #expect(scene.images.count == glb.array("images").count)
        let names =
            (((glb.json["extensions"] as? [String: Any])?["KHR_materials_variants"] as? [String: Any])?["variants"]
            as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
        #expect(scene.variants == names)
        // What the generator wrote survives the import: tangents, sheen, texture transforms.
        for mesh in scene.meshes {
            for primitive in mesh.primitives {
                let material = scene.materials[primitive.material ?? 0]
                if material.normalTexture != nil { #expect(primitive.tangents != nil) }
                #expect(primitive.normals != nil && primitive.texcoords.count == 1)
            }
        }
        if path.hasSuffix("chair.glb") {
            let fabric = scene.materials[0]
            #expect(fabric.sheen != nil)
            #expect(fabric.baseColorTexture?.transform?.scale == SIMD2(20, 20))
        }
    }
}
