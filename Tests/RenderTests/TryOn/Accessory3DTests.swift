import Foundation
import Testing
import VitrineTestSupport

@testable import Render

/// The sunglasses of `assets/accessories` drawn by the 3D renderer onto the shared photos:
/// placement measured, not assumed. A marker variant of the model carries an unlit green
/// octahedron on its left eye anchor and a magenta one on its right (lenses removed so that
/// nothing tints them); each photo is scaled to 1080 px high, the marker model is composited
/// through the public entry point, the markers are found in the output and must lie within
/// 2 px of the eye keypoints.
@Suite struct Accessory3DTests {
    static let folder = Fixtures.repo("assets/accessories")

    static func sunglasses() throws -> Accessory3D {
        let catalogue = try ItemCatalogue(directory: folder)
        #expect(catalogue.problems.isEmpty, "\(catalogue.problems)")
        return try #require(catalogue.accessories["sunglasses"])
    }

    /// A small octahedron of radius `r` (metres) at `p`, in an unlit colour.
    static func addMarker(to scene: inout Scene, at p: SIMD3<Double>, radius r: Float, colour: SIMD4<Float>) {
        var material = Material()
        material.unlit = true
        material.doubleSided = true
        material.baseColorFactor = colour
        scene.materials.append(material)
        let c = SIMD3<Float>(p)
        let positions = [
            c + SIMD3(r, 0, 0), c - SIMD3(r, 0, 0), c + SIMD3(0, r, 0), c - SIMD3(0, r, 0), c + SIMD3(0, 0, r),
            c - SIMD3(0, 0, r),
        ]
        let indices: [UInt32] = [0, 2, 4, 2, 1, 4, 1, 3, 4, 3, 0, 4, 2, 0, 5, 1, 2, 5, 3, 1, 5, 0, 3, 5]
        scene.meshes.append(
            Mesh(primitives: [Primitive(positions: positions, indices: indices, material: scene.materials.count - 1)]))
        scene.nodes.append(Node(mesh: scene.meshes.count - 1))
        scene.scenes[scene.defaultScene].nodes.append(scene.nodes.count - 1)
    }

    static let leftColour = SIMD4<Float>(0, 1, 0, 1)
    static let rightColour = SIMD4<Float>(1, 0, 1, 1)

    /// - Parameter radius: marker radius in metres.
    static func markerSunglasses(radius: Float = 0.003) throws -> Accessory3D {
        let real = try sunglasses()
        var scene = try SceneLoader.load(contentsOf: folder.appendingPathComponent("sunglasses.glb"))
        for m in scene.meshes.indices {
            for p in scene.meshes[m].primitives.indices {
                let material = scene.meshes[m].primitives[p].material.map { scene.materials[$0] }
                if material?.alphaMode == .blend { scene.meshes[m].primitives[p].indices = [] }
            }
        }
        addMarker(to: &scene, at: try #require(real.anchors[.leftEye]), radius: radius, colour: leftColour)
        addMarker(to: &scene, at: try #require(real.anchors[.rightEye]), radius: radius, colour: rightColour)
        return try Accessory3D(id: "sunglasses-markers", category: .glasses, scene: scene, anchors: real.anchors)
    }

    /// Centroids of the changed pixels that are clearly green (left) or magenta (right).
    static func locate(in image: RGBA8Image, photo: RGBA8Image) -> (
        left: SIMD2<Double>?, right: SIMD2<Double>?, n: (Int, Int)
    ) {
        var sums = (SIMD2<Double>.zero, SIMD2<Double>.zero)
        var counts = (0, 0)
        for y in 0..<image.height {
            for x in 0..<image.width where image[x, y] != photo[x, y] {
                let p = SIMD4<Int>(truncatingIfNeeded: image[x, y])
                let centre = SIMD2(Double(x) + 0.5, Double(y) + 0.5)
                if p.y > p.x + 120 && p.y > p.z + 120 {
                    sums.0 += centre
                    counts.0 += 1
                } else if p.x > p.y + 120 && p.z > p.y + 120 {
                    sums.1 += centre
                    counts.1 += 1
                }
            }
        }
        return (
            counts.0 > 0 ? sums.0 / Double(counts.0) : nil, counts.1 > 0 ? sums.1 / Double(counts.1) : nil, counts
        )
    }

    struct Case: CustomStringConvertible, Sendable {
        var photo: String
        var person: Int?
        var description: String { "\(photo)#\(person.map(String.init) ?? "primary")" }
    }

    static let cases: [Case] = [
        Case(photo: "astronaut.png"), Case(photo: "Pilots.jpg"), Case(photo: "Pilots.jpg", person: 1),
        Case(photo: "Pilots.jpg", person: 2), Case(photo: "dog-human.jpg"),
    ]

    @Test(arguments: cases)
    func eyeMarkersLandWithinTwoPixels(of c: Case) throws {
        try #require(Fixtures.hasShared, "needs ../shared/photos")
        let (photo, keypoints) = try TryOnPhotoTests.scaledPhoto(c.photo)
        let body = try BodyModel(keypoints, person: c.person, photoWidth: photo.width, photoHeight: photo.height)
        // Markers about 8 px across (at least 3 mm), wherever the head's scale puts them.
        let scale = try HeadPose(body: body, item: "test").pixelsPerMetre
        let glasses = try Self.markerSunglasses(radius: Float(max(0.003, 4 / scale)))
        let renderer = TryOnRenderer(catalogue: ItemCatalogue(items: []).inserting(glasses))
        var options = TryOnOptions()
        options.person = c.person
        let out = try renderer.composite(
            photo: photo, keypoints: keypoints, items: ["sunglasses-markers"], options: options)
        let eyes = try body.resolve([.leftEye, .rightEye], item: "test", estimate: false).positions
        let found = Self.locate(in: out.image, photo: photo)
        let left = try #require(found.left, "\(c): left marker not found")
        let right = try #require(found.right, "\(c): right marker not found")
        #expect(found.n.0 >= 4 && found.n.1 >= 4, "\(c): marker pixels \(found.n)")
        for (name, f, target) in [("left", left, eyes[.leftEye]!), ("right", right, eyes[.rightEye]!)] {
            let d = f - target
            let error = (d * d).sum().squareRoot()
            #expect(error <= 2, "\(c): \(name) eye marker lands \(error) px from the keypoint")
        }
    }

    /// A grey 400x300 photo and keypoints with the eyes at `left`, `right`.
    static func plainPhoto(left: SIMD2<Double>, right: SIMD2<Double>) throws -> (RGBA8Image, PoseKeypoints) {
        let json = """
            {"format": "coco17", "keypoints": [
             {"name": "left_eye", "x": \(left.x), "y": \(left.y), "score": 1},
             {"name": "right_eye", "x": \(right.x), "y": \(right.y), "score": 1},
             {"name": "nose", "x": \((left.x + right.x) / 2), "y": \(left.y + 20), "score": 1}]}
            """
        return (
            RGBA8Image(width: 400, height: 300, fill: SIMD4(120, 130, 140, 255)),
            try PoseKeypoints.parse(Array(json.utf8))
        )
    }

    @Test func theOcclusionMaskKeepsThePhotoInFront() throws {
        let (photo, keypoints) = try Self.plainPhoto(left: SIMD2(230, 150), right: SIMD2(170, 150))
        let renderer = TryOnRenderer(catalogue: ItemCatalogue(items: []).inserting(try Self.sunglasses()))
        let drawn = try renderer.composite(photo: photo, keypoints: keypoints, items: ["sunglasses"])
        let changed = (0..<photo.pixels.count).filter { drawn.image.pixels[$0] != photo.pixels[$0] }.count
        #expect(changed > 1000)
        // A mask over the left half: nothing changes there, the right half still gets glasses.
        var mask = RGBA8Image(width: 400, height: 300, fill: SIMD4(0, 0, 0, 255))
        for y in 0..<300 { for x in 0..<200 { mask[x, y] = SIMD4(255, 255, 255, 255) } }
        let masked = try renderer.composite(photo: photo, keypoints: keypoints, items: ["sunglasses"], mask: mask)
        var left = 0
        var right = 0
        for y in 0..<300 {
            for x in 0..<400 where masked.image[x, y] != photo[x, y] {
                if x < 200 { left += 1 } else { right += 1 }
            }
        }
        #expect(left == 0)
        #expect(right > 500)
    }

    @Test func eyesOnOneSpotAreAClearError() throws {
        let (photo, keypoints) = try Self.plainPhoto(left: SIMD2(200, 150), right: SIMD2(200, 150))
        let renderer = TryOnRenderer(catalogue: ItemCatalogue(items: []).inserting(try Self.sunglasses()))
        #expect(throws: TryOnError.degenerateWarp(item: "sunglasses", reason: "the eyes are less than 1 px apart")) {
            try renderer.composite(photo: photo, keypoints: keypoints, items: ["sunglasses"])
        }
    }

    @Test func placementPutsTheEyeAnchorsOnTheEyes() throws {
        let glasses = try Self.sunglasses()
        for (roll, yaw, scale) in [(0.0, 0.0, 1000.0), (0.3, 0.5, 2500), (-0.2, -0.7, 600)] {
            let observed = HeadPoseTests.observed(
                roll: roll, yaw: yaw, scale: scale, centre: SIMD2(900, 400),
                points: [.leftEye, .rightEye, .leftEar, .rightEar, .nose])
            let pose = HeadPose(observed: observed)
            let placement = AccessoryPlacement(accessory: glasses, pose: pose, width: 1080, height: 1440)
            for point in [BodyPoint.leftEye, .rightEye] {
                let d = placement.project(glasses.anchors[point]!) - observed[point]!
                #expect((d * d).sum().squareRoot() < 0.01, "roll \(roll) yaw \(yaw): \(point) off by \(d)")
            }
            // The model is in front of the camera, at the depth its scale implies.
            #expect(placement.camera(SIMD3(0, 0, 0)).z < 0)
        }
    }

    @Test func templesAreCutWhereTheHeadHidesThem() throws {
        let glasses = try Self.sunglasses()
        let full = try PreparedScene(
            scene: try SceneLoader.load(contentsOf: Self.folder.appendingPathComponent("sunglasses.glb")))
        let front = glasses.scene(yaw: 0).triangleCount()
        let left = glasses.scene(yaw: -0.5).triangleCount()
        let right = glasses.scene(yaw: 0.5).triangleCount()
        #expect(front < left && left < full.triangleCount())
        #expect(front < right && right < full.triangleCount())
        // The model is mirror-symmetric up to rounding of centroids on the cut plane.
        #expect(abs(left - right) <= left / 100)
    }

    @Test func badAccessoriesAreListedWithTheirReason() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tryon-acc-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [(String, String)] = [
            (
                "nomodel",
                #"{"category": "glasses", "model": "missing.glb", "anchors": {"left_eye": [0.03, 0, 0], "right_eye": [-0.03, 0, 0]}}"#
            ),
            ("noeyes", #"{"category": "glasses", "model": "x.glb", "anchors": {"nose": [0, 0, 0]}}"#),
            ("hat", #"{"category": "hat", "model": "x.glb", "anchors": {}}"#),
            ("path", #"{"category": "glasses", "model": "../x.glb", "anchors": {}}"#),
        ]
        for (id, json) in cases { try Data(json.utf8).write(to: dir.appendingPathComponent("\(id).json")) }
        try Data("not a glb".utf8).write(to: dir.appendingPathComponent("x.glb"))
        let catalogue = try ItemCatalogue(directory: dir)
        #expect(catalogue.accessories.isEmpty)
        #expect(Set(catalogue.problems.keys) == Set(cases.map(\.0)))
        #expect("\(catalogue.problems["nomodel"]!)".contains("missing.glb"))
        #expect("\(catalogue.problems["hat"]!)".contains("glasses"))
        #expect(throws: TryOnError.self) { try catalogue.entry("noeyes") }
    }
}

extension ItemCatalogue {
    func inserting(_ accessory: Accessory3D) -> ItemCatalogue {
        var copy = self
        copy.insert(accessory)
        return copy
    }
}
