import Foundation
import Render
import Testing
import VitrineTestSupport

@testable import AssetGenerator

@Suite struct ProductTests {
    /// Expected size (metres) and triangle range of each product.
    struct Expectation: Sendable, CustomStringConvertible {
        var path: String
        var size: SIMD3<Float>
        var triangles: ClosedRange<Int>
        var variants: Int
        var description: String { path }
    }

    static let products: [Expectation] = [
        Expectation(
            path: "products/mug.glb", size: SIMD3(0.115, 0.0948, 0.0827), triangles: 10_000...40_000, variants: 0),
        Expectation(
            path: "products/bottle.glb", size: SIMD3(0.0736, 0.2808, 0.0736), triangles: 8_000...40_000, variants: 0),
        Expectation(
            path: "products/chair.glb", size: SIMD3(0.47, 0.819, 0.498), triangles: 4_000...30_000, variants: 3),
        Expectation(
            path: "products/sneaker.glb", size: SIMD3(0.11, 0.118, 0.295), triangles: 10_000...60_000, variants: 3),
        Expectation(
            path: "accessories/sunglasses.glb", size: SIMD3(0.146, 0.065, 0.148), triangles: 2_000...30_000, variants: 0
        ),
    ]

    @Test(arguments: products) func structureSizeAndPlacement(_ e: Expectation) throws {
        let bytes = try #require(Generated.file(e.path))
        let glb = try GLBInspector(bytes)
        let (triangles, lo, hi) = try glb.trianglesAndBounds()
        #expect(e.triangles.contains(triangles), "\(e.path): \(triangles) triangles")
        let size = hi - lo
        for axis in 0..<3 {
            #expect(abs(size[axis] - e.size[axis]) < e.size[axis] * 0.12, "\(e.path) size \(size) vs \(e.size)")
        }
        if e.path.hasPrefix("products/") {
            // Resting on the floor, centred on the vertical axis.
            #expect(abs(lo.y) < 1e-4, "\(e.path) lowest point \(lo.y)")
            #expect(abs(lo.x + hi.x) < 0.04 && abs(lo.z + hi.z) < 0.04, "\(e.path) not centred: \(lo) \(hi)")
        }
        let variants =
            ((glb.json["extensions"] as? [String: Any])?["KHR_materials_variants"] as? [String: Any])?["variants"]
            as? [Any]
        #expect((variants?.count ?? 0) == e.variants)
    }

    /// Every texture decodes, is 256-1024 px, and normal maps point outwards. The decoded
    /// textures are left as PNGs in .build/test-artifacts/textures for a look.
    @Test(arguments: products) func texturesDecode(_ e: Expectation) throws {
        let glb = try GLBInspector(try #require(Generated.file(e.path)))
        let images = glb.array("images")
        #expect(!images.isEmpty)
        let artifacts = Fixtures.artifactDirectory("textures")
        for (k, info) in images.enumerated() {
            let image = try ImageCodec.decodeRGBA8(try glb.image(k))
            let name = info["name"] as? String ?? "image\(k)"
            try? Data(try PNGCodec.encode(image)).write(to: artifacts.appendingPathComponent("\(name).png"))
            #expect(max(image.width, image.height) >= 256 && max(image.width, image.height) <= 1024, "\(info)")
            if (info["name"] as? String ?? "").hasSuffix("normal") {
                var blue = 0
                for i in 0..<(image.width * image.height) { blue += Int(image.pixels[i * 4 + 2]) }
                #expect(blue / (image.width * image.height) > 200, "\(info["name"] ?? "") is not a normal map")
            }
        }
    }

    /// Primitives with a normal map carry tangents; variant mappings point at real materials.
    @Test(arguments: products) func materialsAreConsistent(_ e: Expectation) throws {
        let glb = try GLBInspector(try #require(Generated.file(e.path)))
        let materials = glb.array("materials")
        let variantCount =
            (((glb.json["extensions"] as? [String: Any])?["KHR_materials_variants"] as? [String: Any])?["variants"]
            as? [Any])?.count ?? 0
        for mesh in glb.array("meshes") {
            for p in mesh["primitives"] as? [[String: Any]] ?? [] {
                let attributes = p["attributes"] as? [String: Int] ?? [:]
                let material = try #require(p["material"] as? Int)
                var used = [material]
                let mappings =
                    ((p["extensions"] as? [String: Any])?["KHR_materials_variants"] as? [String: Any])?["mappings"]
                    as? [[String: Any]] ?? []
                var covered: Set<Int> = []
                for m in mappings {
                    used.append(try #require(m["material"] as? Int))
                    for v in m["variants"] as? [Int] ?? [] {
                        #expect(v >= 0 && v < variantCount)
                        covered.insert(v)
                    }
                }
                if !mappings.isEmpty { #expect(covered.count == variantCount, "every colourway maps this primitive") }
                for m in used {
                    #expect(m < materials.count)
                    if materials[m]["normalTexture"] != nil {
                        #expect(attributes["TANGENT"] != nil, "\(mesh["name"] ?? ""): normal map without tangents")
                    }
                }
                // Indices stay inside the vertex range.
                let count = glb.array("accessors")[attributes["POSITION"] ?? -1]["count"] as? Int ?? 0
                #expect(try glb.indices(try #require(p["indices"] as? Int)).allSatisfy { $0 < count })
            }
        }
    }

    @Test func sneakerHasThreeNamedColourways() throws {
        let glb = try GLBInspector(try #require(Generated.file("products/sneaker.glb")))
        let variants =
            ((glb.json["extensions"] as? [String: Any])?["KHR_materials_variants"] as? [String: Any])?["variants"]
            as? [[String: Any]]
        #expect(variants?.compactMap { $0["name"] as? String } == ["Court White", "Navy Suede", "Triple Black"])
    }

    @Test func chairFabricHasSheen() throws {
        let glb = try GLBInspector(try #require(Generated.file("products/chair.glb")))
        let sheens = glb.array("materials").filter {
            ($0["extensions"] as? [String: Any])?["KHR_materials_sheen"] != nil
        }
        #expect(sheens.count == 3)
    }
}
