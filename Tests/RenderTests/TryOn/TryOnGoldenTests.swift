import Foundation
import Testing
import VitrineTestSupport

@testable import Render

/// Golden images of the project's items on the shared photos, fitted into 256 x 256 (so the
/// garments are drawn minified, through the mip chain). A failure writes actual, expected and
/// diff images under `.build/golden-failures/`; `VITRINE_RECORD_GOLDENS=1` re-records.
@Suite struct TryOnGoldenTests {
    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var photo: String
        var person: Int?
        var items: [String]
        var shadow = false
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "astronaut-tshirt-stripes", photo: "astronaut.png", items: ["tshirt-stripes"]),
        Case(name: "pilots-glasses-beanie", photo: "Pilots.jpg", items: ["hat-beanie", "glasses-black"]),
        Case(name: "pilots1-dress-polka", photo: "Pilots.jpg", person: 1, items: ["dress-polka"], shadow: true),
        Case(name: "pilots2-shirt-flannel", photo: "Pilots.jpg", person: 2, items: ["shirt-flannel"], shadow: true),
        Case(name: "astronaut-tshirt-logo-glasses", photo: "astronaut.png", items: ["tshirt-logo", "glasses-black"]),
        // The 3D sunglasses, drawn by the 3D renderer.
        Case(name: "astronaut-tshirt-logo-sunglasses", photo: "astronaut.png", items: ["sunglasses", "tshirt-logo"]),
        Case(name: "pilots1-sunglasses", photo: "Pilots.jpg", person: 1, items: ["sunglasses"]),
    ]

    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func catalogue() throws -> ItemCatalogue {
        try ItemCatalogue(directories: [Fixtures.repo("assets/garments"), Fixtures.repo("assets/accessories")])
    }

    @Test(arguments: cases)
    func matchesTheGolden(_ c: Case) throws {
        try #require(Fixtures.hasShared, "needs ../shared/photos")
        let catalogue = try Self.catalogue()
        #expect(catalogue.problems.isEmpty, "\(catalogue.problems)")
        let stem = String(c.photo.prefix(while: { $0 != "." }))
        let photo = [UInt8](try Data(contentsOf: Fixtures.shared("photos/\(c.photo)")))
        let keypoints = [UInt8](try Data(contentsOf: Fixtures.shared("photos/\(stem).keypoints.json")))
        var options = TryOnOptions()
        options.format = .png
        options.maxOutputWidth = 256
        options.maxOutputHeight = 256
        options.person = c.person
        if c.shadow { options.shadow = DropShadow() }
        let result = try TryOnRenderer(catalogue: catalogue).compose(
            photo: photo, keypoints: keypoints, items: c.items, options: options)
        #expect(max(result.image.width, result.image.height) == 256)
        // The encoded output is the image.
        #expect(try ImageCodec.decodeRGBA8(result.encoded) == result.image)
        assertGolden(
            result.image, named: "tryon-\(c.name)", directory: Self.goldens,
            tolerance: .init(maxChannelDelta: 2, maxDifferingFraction: 0.002))
    }
}
