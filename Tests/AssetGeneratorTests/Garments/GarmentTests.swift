import Foundation
import Render
import Testing

@testable import AssetGenerator

@Suite struct GarmentTests {
    static let ids = GarmentLibrary.items.map(\.spec.id) + ["tshirt-stripes-markers"]

    struct Item {
        var image: RGBA8Image
        var json: [String: Any]
    }

    static func item(_ id: String) throws -> Item {
        let png = try #require(Generated.file("garments/\(id).png"))
        let json = try #require(Generated.file("garments/\(id).json"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
        return Item(image: try ImageCodec.decodeRGBA8(png), json: object)
    }

    /// The JSON follows the documented schema and matches the picture.
    @Test(arguments: ids) func jsonDescribesTheImage(_ id: String) throws {
        let item = try Self.item(id)
        #expect(item.json["id"] as? String == id)
        #expect(item.json["image"] as? String == "\(id).png")
        #expect(item.json["size"] as? [Int] == [item.image.width, item.image.height])
        let category = try #require(GarmentSpec.Category(rawValue: item.json["category"] as? String ?? ""))
        #expect(item.json["layer"] as? Int == category.defaultLayer)
        #expect(!(item.json["name"] as? String ?? "").isEmpty)
        let anchors = try #require(item.json["anchors"] as? [String: [Int]])
        let required: [GarmentSpec.Category: [String]] = [
            .top: ["neck", "left_shoulder", "right_shoulder", "left_elbow", "right_elbow", "left_hip", "right_hip"],
            .dress: ["neck", "left_shoulder", "right_shoulder", "left_hip", "right_hip", "left_knee", "right_knee"],
            .glasses: ["left_eye", "right_eye", "left_ear", "right_ear"],
            .hat: ["head_top", "left_eye", "right_eye"],
        ]
        for name in required[category] ?? [] { #expect(anchors[name] != nil, "\(id) lacks \(name)") }
        // A size between 300 and 1100 px, and 800-1000 px tall for body garments.
        if category == .top || category == .dress {
            #expect((800...1000).contains(item.image.height), "\(id) is \(item.image.height) px tall")
        }
    }

    /// Anchors lie in the image and on (or within 3 px of) opaque pixels, except those the
    /// item declares off itself; wearer's left is on the image's right.
    @Test(arguments: ids) func anchorsSitOnTheItem(_ id: String) throws {
        let item = try Self.item(id)
        let anchors = try #require(item.json["anchors"] as? [String: [Int]])
        let off = Set(item.json["offItem"] as? [String] ?? [])
        for (name, point) in anchors {
            let (x, y) = (point[0], point[1])
            #expect(x >= 0 && y >= 0 && x < item.image.width && y < item.image.height, "\(id).\(name) outside")
            guard !off.contains(name) else {
                #expect(item.image[min(x, item.image.width - 1), min(y, item.image.height - 1)].w == 0, "\(id).\(name)")
                continue
            }
            var opaque = false
            for dy in -3...3 {
                for dx in -3...3 {
                    let px = min(max(x + dx, 0), item.image.width - 1)
                    let py = min(max(y + dy, 0), item.image.height - 1)
                    if item.image[px, py].w >= 200 { opaque = true }
                }
            }
            #expect(opaque, "\(id).\(name) at \(point) is not on the item")
        }
        for side in ["shoulder", "elbow", "hip", "knee", "eye", "ear", "wrist"] {
            if let l = anchors["left_\(side)"], let r = anchors["right_\(side)"] {
                #expect(l[0] > r[0], "\(id): left_\(side) must be on the image's right")
            }
        }
    }

    /// Items have transparent surroundings and real content.
    @Test(arguments: ids) func transparentAroundOpaqueInside(_ id: String) throws {
        let image = try Self.item(id).image
        #expect(image[0, 0].w == 0 && image[image.width - 1, image.height - 1].w == 0)
        var opaque = 0
        for i in 0..<(image.width * image.height) where image.pixels[i * 4 + 3] == 255 { opaque += 1 }
        #expect(opaque > image.width * image.height / 10)
    }

    /// The marker variant: each dot found by its exact colour has its centroid exactly on the
    /// anchor, and the documented colours are the ones used.
    @Test func markerDotsSitExactlyOnTheAnchors() throws {
        let item = try Self.item("tshirt-stripes-markers")
        let anchors = try #require(item.json["anchors"] as? [String: [Int]])
        let markers = try #require(item.json["markers"] as? [String: [Int]])
        #expect(item.json["markerRadius"] as? Int == GarmentMarkers.radius)
        #expect(Set(markers.keys) == Set(anchors.keys))
        for (name, rgb) in markers {
            var sum = SIMD2<Double>(0, 0)
            var count = 0
            for y in 0..<item.image.height {
                for x in 0..<item.image.width {
                    let p = item.image[x, y]
                    if Int(p.x) == rgb[0] && Int(p.y) == rgb[1] && Int(p.z) == rgb[2] && p.w == 255 {
                        sum += SIMD2(Double(x) + 0.5, Double(y) + 0.5)
                        count += 1
                    }
                }
            }
            let anchor = try #require(anchors[name])
            #expect(count >= 69 && count <= 89, "\(name): \(count) pixels")
            #expect(sum / Double(max(count, 1)) == SIMD2(Double(anchor[0]), Double(anchor[1])), "\(name)")
        }
    }

    @Test func sunglassesAnchorsDescribeTheModel() throws {
        let json = try #require(Generated.file("accessories/sunglasses.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
        #expect(object["units"] as? String == "metres")
        let anchors = try #require(object["anchors"] as? [String: [Double]])
        let leftEye = try #require(anchors["left_eye"])
        let rightEye = try #require(anchors["right_eye"])
        let leftEar = try #require(anchors["left_ear"])
        // +X is the wearer's left; eyes sit behind the lenses, ears far behind the front.
        #expect(leftEye[0] > 0 && rightEye[0] < 0 && abs(leftEye[0] + rightEye[0]) < 1e-6)
        #expect(abs(leftEye[0] - rightEye[0] - 0.062) < 1e-6)
        #expect(leftEye[2] < 0 && leftEar[2] < -0.08)
        #expect(anchors["bridge"] == [0, 0, 0])
    }
}
