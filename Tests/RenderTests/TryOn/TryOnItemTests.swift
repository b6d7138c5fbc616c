import Testing

@testable import Render

@Suite struct TryOnItemTests {
    static func square(_ size: Int = 64, alpha: UInt8 = 255) -> RGBA8Image {
        RGBA8Image(width: size, height: size, fill: SIMD4(200, 100, 50, alpha))
    }

    static let glassesAnchors: [BodyPoint: SIMD2<Double>] = [.leftEye: SIMD2(40, 32), .rightEye: SIMD2(20, 32)]

    @Test func validItemsArePrepared() throws {
        let item = try TryOnItem(id: "g-1.v2", category: .glasses, image: Self.square(), anchors: Self.glassesAnchors)
        #expect(item.opaqueBounds == (0, 0, 64, 64))
        #expect(item.texture.levelCount == 7)
    }

    @Test func anchorNamesAreCheckedAgainstTheCategory() {
        var anchors = Self.glassesAnchors
        anchors[.leftHip] = SIMD2(1, 1)
        do {
            _ = try TryOnItem(id: "g", category: .glasses, image: Self.square(), anchors: anchors)
            Issue.record("accepted a hip on glasses")
        } catch {
            #expect("\(error)".contains("anchor 'left_hip' is not used by glasses items; known: left_eye"))
        }
    }

    @Test func requiredAnchorsMustBePresent() {
        #expect(throws: TryOnError.invalidItem(id: "g", reason: "glasses items need anchors right_eye")) {
            try TryOnItem(id: "g", category: .glasses, image: Self.square(), anchors: [.leftEye: SIMD2(3, 3)])
        }
    }

    @Test func anchorsMustBeInsideAndApart() {
        var outside = Self.glassesAnchors
        outside[.leftEye] = SIMD2(65, 3)
        #expect(throws: TryOnError.self) {
            try TryOnItem(id: "g", category: .glasses, image: Self.square(), anchors: outside)
        }
        var same = Self.glassesAnchors
        same[.leftEye] = SIMD2(20.5, 32)
        #expect(throws: TryOnError.self) {
            try TryOnItem(id: "g", category: .glasses, image: Self.square(), anchors: same)
        }
        var nan = Self.glassesAnchors
        nan[.leftEye] = SIMD2(.nan, 3)
        #expect(throws: TryOnError.self) {
            try TryOnItem(id: "g", category: .glasses, image: Self.square(), anchors: nan)
        }
    }

    @Test(arguments: ["", ".hidden", "a/b", "../x", String(repeating: "x", count: 65), "sp ace", "é"])
    func badIDsAreRefused(id: String) {
        #expect(throws: TryOnError.self) {
            try TryOnItem(id: id, category: .glasses, image: Self.square(), anchors: Self.glassesAnchors)
        }
    }

    @Test func transparentImagesAreRefused() {
        #expect(throws: TryOnError.invalidItem(id: "g", reason: "the image is fully transparent")) {
            try TryOnItem(id: "g", category: .glasses, image: Self.square(alpha: 0), anchors: Self.glassesAnchors)
        }
    }

    @Test func categoriesParseFromSeveralSpellings() {
        #expect(ItemCategory(name: "Tops") == .top)
        #expect(ItemCategory(name: "dresses") == .dress)
        #expect(ItemCategory(name: "sunglasses") == .glasses)
        #expect(ItemCategory(name: "hats") == .hat)
        #expect(ItemCategory(name: "shoes") == nil)
    }
}
