import Testing

@testable import Render

@Suite struct TryOnRendererTests {
    /// A 600x800 synthetic photo: a grey gradient with a lighter body-shaped area.
    static func photo(width: Int = 600, height: Int = 800) -> RGBA8Image {
        var image = RGBA8Image(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                let g = UInt8(80 + (x * 100) / width)
                image[x, y] = SIMD4(g, g, UInt8(min(255, Int(g) + 20)), 255)
            }
        }
        return image
    }

    /// A frontal person on the synthetic photo, COCO-17 pixels.
    static let keypoints = PoseKeypoints(
        imageWidth: 600, imageHeight: 800,
        people: [
            [
                .nose: Keypoint(x: 300, y: 150, score: 0.99), .leftEye: Keypoint(x: 322, y: 128, score: 0.99),
                .rightEye: Keypoint(x: 278, y: 129, score: 0.99), .leftEar: Keypoint(x: 345, y: 140, score: 0.9),
                .rightEar: Keypoint(x: 255, y: 141, score: 0.9), .leftShoulder: Keypoint(x: 410, y: 270, score: 0.99),
                .rightShoulder: Keypoint(x: 190, y: 262, score: 0.99), .leftElbow: Keypoint(x: 455, y: 450, score: 0.9),
                .rightElbow: Keypoint(x: 140, y: 455, score: 0.9), .leftHip: Keypoint(x: 370, y: 600, score: 0.9),
                .rightHip: Keypoint(x: 225, y: 605, score: 0.9),
            ]
        ])

    static func renderer(_ items: [TryOnItem]) -> TryOnRenderer {
        TryOnRenderer(catalogue: ItemCatalogue(items: items))
    }

    @Test func anchorsLandOnTheirKeypoints() throws {
        let renderer = Self.renderer([try TryOnTestItems.tee(markers: true)])
        var options = TryOnOptions()
        options.shadingStrength = 0
        let out = try renderer.composite(
            photo: Self.photo(), keypoints: Self.keypoints, items: ["tee"], options: options)
        let body = try BodyModel(Self.keypoints, photoWidth: 600, photoHeight: 800)
        let targets = try body.resolve(Array(TryOnTestItems.teeAnchors.keys), item: "tee").positions
        let found = MarkerLocator.locate(Array(targets.keys), category: .top, in: out.image, photo: Self.photo())
        for (point, target) in targets {
            let f = try #require(found[point], "marker \(point.rawValue) not found")
            let error = ((f.centre - target) * (f.centre - target)).sum().squareRoot()
            #expect(error < 1, "\(point.rawValue) is \(error) px off")
        }
    }

    @Test func sameInputsGiveTheSameBytes() throws {
        let renderer = Self.renderer([try TryOnTestItems.tee(), try TryOnTestItems.glasses()])
        var options = TryOnOptions()
        options.shadow = DropShadow()
        let a = try renderer.composite(
            photo: Self.photo(), keypoints: Self.keypoints, items: ["glasses", "tee"], options: options)
        let b = try renderer.composite(
            photo: Self.photo(), keypoints: Self.keypoints, items: ["glasses", "tee"], options: options)
        #expect(a.image == b.image)
        #expect(a.image != Self.photo())
    }

    @Test func unknownItemsListTheKnownOnes() throws {
        let renderer = Self.renderer([try TryOnTestItems.tee(), try TryOnTestItems.hat()])
        #expect(throws: TryOnError.unknownItem(id: "scarf", known: ["hat", "tee"])) {
            try renderer.composite(photo: Self.photo(), keypoints: Self.keypoints, items: ["scarf"])
        }
    }

    @Test func outputFitsTheRequestedBox() throws {
        let renderer = Self.renderer([try TryOnTestItems.tee()])
        var options = TryOnOptions()
        options.maxOutputWidth = 300
        options.maxOutputHeight = 300
        let out = try renderer.composite(
            photo: Self.photo(), keypoints: Self.keypoints, items: ["tee"], options: options)
        #expect(out.image.width == 225 && out.image.height == 300)
    }

    @Test func maskKeepsThePhotoInFront() throws {
        let renderer = Self.renderer([try TryOnTestItems.tee()])
        // Opaque mask: white over the left half (photo in front), black elsewhere.
        var mask = RGBA8Image(width: 600, height: 800, fill: SIMD4(0, 0, 0, 255))
        for y in 0..<800 { for x in 0..<300 { mask[x, y] = SIMD4(255, 255, 255, 255) } }
        let photo = Self.photo()
        let out = try renderer.composite(photo: photo, keypoints: Self.keypoints, items: ["tee"], mask: mask)
        var changedLeft = 0
        var changedRight = 0
        for y in 0..<800 {
            for x in 0..<600 where out.image[x, y] != photo[x, y] {
                if x < 300 { changedLeft += 1 } else { changedRight += 1 }
            }
        }
        #expect(changedLeft == 0)
        #expect(changedRight > 10000)
    }

    @Test func shadingDarkensWhereThePhotoIsDark() throws {
        // Left half of the body dark, right half light: the garment follows.
        var photo = RGBA8Image(width: 600, height: 800, fill: SIMD4(220, 220, 220, 255))
        for y in 0..<800 { for x in 0..<300 { photo[x, y] = SIMD4(90, 90, 90, 255) } }
        let renderer = Self.renderer([try TryOnTestItems.tee()])
        var options = TryOnOptions()
        options.shadingStrength = 1
        options.minShade = 0.3
        let lit = try renderer.composite(photo: photo, keypoints: Self.keypoints, items: ["tee"], options: options)
        options.shadingStrength = 0
        let flat = try renderer.composite(photo: photo, keypoints: Self.keypoints, items: ["tee"], options: options)
        // A cream stripe pixel on each side of the torso.
        let dark = SIMD4<Int>(truncatingIfNeeded: lit.image[240, 500])
        let light = SIMD4<Int>(truncatingIfNeeded: lit.image[360, 500])
        let darkFlat = SIMD4<Int>(truncatingIfNeeded: flat.image[240, 500])
        let lightFlat = SIMD4<Int>(truncatingIfNeeded: flat.image[360, 500])
        #expect(abs(light.x - lightFlat.x) <= 3 && abs(light.z - lightFlat.z) <= 3)
        #expect(dark.x < darkFlat.x * 3 / 4)
    }
}
