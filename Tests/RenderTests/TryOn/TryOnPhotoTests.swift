import Foundation
import Testing
import VitrineTestSupport

@testable import Render

/// Try-on on the shared photos: anchors measured, not assumed. Each photo is scaled to 1080
/// pixels high (and padded at the bottom so that points below the frame are on the canvas
/// too), an item with a marker dot on every anchor is drawn without shading, and every dot
/// must be found within 2 px of the body point its anchor is mapped to.
@Suite struct TryOnPhotoTests {
    struct Case: CustomStringConvertible, Sendable {
        var photo: String
        var person: Int?
        var item: String
        var description: String { "\(photo)#\(person.map(String.init) ?? "primary")/\(item)" }
    }

    static let cases: [Case] = [
        Case(photo: "astronaut.png", item: "tee"), Case(photo: "Pilots.jpg", item: "tee"),
        Case(photo: "Pilots.jpg", person: 1, item: "tee"), Case(photo: "astronaut.png", item: "glasses"),
        Case(photo: "Pilots.jpg", item: "glasses"), Case(photo: "Pilots.jpg", person: 2, item: "glasses"),
    ]

    /// The photo decoded and scaled to `height`, with `padding` grey rows below, and its
    /// keypoints in the same pixels (made for the unpadded photo's frame).
    static func scaledPhoto(_ name: String, height: Int = 1080, padding: Int = 0) throws -> (RGBA8Image, PoseKeypoints)
    {
        let bytes = [UInt8](try Data(contentsOf: Fixtures.shared("photos/\(name)")))
        let photo = try ImageCodec.decodeRGBA8(bytes)
        let scale = Double(height) / Double(photo.height)
        let width = Int((Double(photo.width) * scale).rounded())
        let scaled = PhotoResampler.resize(photo, width: width, height: height)
        var canvas = RGBA8Image(width: width, height: height + padding, fill: SIMD4(128, 128, 128, 255))
        canvas.pixels.replaceSubrange(0..<scaled.pixels.count, with: scaled.pixels)

        let stem = String(name.prefix(while: { $0 != "." }))
        let json = [UInt8](try Data(contentsOf: Fixtures.shared("photos/\(stem).keypoints.json")))
        var keypoints = try PoseKeypoints.parse(json)
        let sx = Double(width) / (keypoints.imageWidth ?? Double(photo.width))
        let sy = Double(height) / (keypoints.imageHeight ?? Double(photo.height))
        keypoints.people = keypoints.people.map { person in
            person.mapValues { Keypoint(x: $0.x * sx, y: $0.y * sy, score: $0.score) }
        }
        keypoints.imageWidth = nil
        keypoints.imageHeight = nil
        return (canvas, keypoints)
    }

    /// Marker radii in item pixels such that each dot is about 8 photo pixels across its
    /// narrowest warped axis (the smallest singular value of the warp's Jacobian at the anchor):
    /// big enough to be found after minification, small enough that the warp's curvature does
    /// not move its centroid.
    static func markerRadii(_ item: TryOnItem, warp: AnchorWarp) -> [BodyPoint: Double] {
        var radii: [BodyPoint: Double] = [:]
        for (point, a) in item.anchors {
            let h = 0.5
            let jx = (warp(a + SIMD2(h, 0)) - warp(a - SIMD2(h, 0))) / (2 * h)
            let jy = (warp(a + SIMD2(0, h)) - warp(a - SIMD2(0, h))) / (2 * h)
            // Singular values of [jx jy] from the eigenvalues of J^T J.
            let p = (jx * jx).sum()
            let q = (jy * jy).sum()
            let r = (jx * jy).sum()
            let root = (((p - q) / 2) * ((p - q) / 2) + r * r).squareRoot()
            let smallest = max((p + q) / 2 - root, 1e-6).squareRoot()
            radii[point] = min(max(4 / smallest, 4), 40)
        }
        return radii
    }

    @Test(arguments: cases)
    func markersLandWithinTwoPixels(of c: Case) throws {
        try #require(Fixtures.hasShared, "needs ../shared/photos")
        let (photo, keypoints) = try Self.scaledPhoto(c.photo, padding: 480)
        let plain = c.item == "tee" ? try TryOnTestItems.tee() : try TryOnTestItems.glasses()
        let body = try BodyModel(keypoints, person: c.person, photoWidth: photo.width, photoHeight: photo.height)
        let resolved = try body.resolve(Array(plain.anchors.keys), item: plain.id)
        let radii = Self.markerRadii(plain, warp: try AnchorWarp(item: plain, body: resolved, lambda: 0))
        let item =
            c.item == "tee"
            ? try TryOnTestItems.tee(markers: true, radii: radii)
            : try TryOnTestItems.glasses(markers: true, radii: radii)
        var options = TryOnOptions()
        options.shadingStrength = 0
        options.person = c.person
        let renderer = TryOnRenderer(catalogue: ItemCatalogue(items: [item]))
        let out = try renderer.composite(photo: photo, keypoints: keypoints, items: [item.id], options: options)
        let found = MarkerLocator.locate(Array(item.anchors.keys), category: item.category, in: out.image, photo: photo)
        var worst = 0.0
        for (point, target) in resolved.positions.sorted(by: { $0.key < $1.key }) {
            let f = try #require(found[point], "\(c): marker \(point.rawValue) not found")
            #expect(f.pixels >= 3, "\(c): marker \(point.rawValue) has only \(f.pixels) pixels")
            let d = f.centre - target
            let error = (d * d).sum().squareRoot()
            worst = max(worst, error)
            #expect(error <= 2, "\(c): \(point.rawValue) lands \(error) px from its target")
            // A detected (not estimated) target is the keypoint itself.
            if !resolved.estimated.contains(point), let k = keypoints.people[c.person ?? 0][point] {
                #expect(point.index >= 17 || (abs(k.x - target.x) < 1e-9 && abs(k.y - target.y) < 1e-9))
            }
        }
        #expect(worst <= 2)
    }

    @Test func aProfileWithHiddenShouldersIsAClearError() throws {
        try #require(Fixtures.hasShared, "needs ../shared/photos")
        // camera.png: the left shoulder is hidden (score 0.3), and shoulders are never estimated.
        let (photo, keypoints) = try Self.scaledPhoto("camera.png")
        let renderer = TryOnRenderer(catalogue: ItemCatalogue(items: [try TryOnTestItems.tee()]))
        do {
            _ = try renderer.composite(photo: photo, keypoints: keypoints, items: ["tee"])
            Issue.record("drew a top without a left shoulder")
        } catch let TryOnError.missingKeypoints(item, points) {
            #expect(item == "tee")
            #expect(points.contains("left_shoulder: score 0.3 is below 0.5"))
        }
    }
}
