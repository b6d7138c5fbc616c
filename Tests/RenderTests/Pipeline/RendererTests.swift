import Foundation
import Testing

@testable import Render

@Suite struct RendererTests {
    @Test func orthographicQuadCoversExactlyItsPixels() throws {
        // The quad spans [-0.5, 0.5]: with x in [-1, 1] over 64 pixels that is pixels 16...47,
        // whose edges lie on pixel boundaries (no centre on an edge).
        let scene = try PreparedScene(scene: TestScenes.scene([(TestScenes.quad(), .identity)]))
        let frame = try Renderer(threads: 1).render(scene, options: TestScenes.unlit())
        #expect(TestScenes.coveredPixels(frame.image) == 32 * 32)
        #expect(frame.image[16, 16] == SIMD4(255, 255, 255, 255))
        #expect(frame.image[15, 16] == SIMD4(0, 0, 0, 0))
        #expect(frame.image[47, 47].w == 255)
        #expect(frame.image[48, 47].w == 0)
    }

    @Test func backFacesAreCulledUnlessDoubleSided() throws {
        let turned = Matrix4.trs(translation: .zero, rotation: SIMD4(0, 1, 0, 0), scale: SIMD3(1, 1, 1))
        let single = try PreparedScene(scene: TestScenes.scene([(TestScenes.quad(), turned)]))
        #expect(
            TestScenes.coveredPixels(try Renderer(threads: 1).render(single, options: TestScenes.unlit()).image) == 0)
        var material = Material()
        material.doubleSided = true
        let double = try PreparedScene(
            scene: TestScenes.scene([(TestScenes.quad(material: 0), turned)], materials: [material]))
        #expect(
            TestScenes.coveredPixels(try Renderer(threads: 1).render(double, options: TestScenes.unlit()).image) == 1024
        )
    }

    @Test func negativeScaleKeepsFrontFacesVisible() throws {
        // Mirroring flips the winding; the prepared scene reverses it back, so a mirrored quad
        // is still drawn (and culled exactly when the unmirrored one would be).
        let mirrored = Matrix4.trs(translation: .zero, rotation: SIMD4(0, 0, 0, 1), scale: SIMD3(-1, 1, 1))
        let scene = try PreparedScene(scene: TestScenes.scene([(TestScenes.quad(), mirrored)]))
        let frame = try Renderer(threads: 1).render(scene, options: TestScenes.unlit())
        #expect(TestScenes.coveredPixels(frame.image) == 1024)
        let mirroredAndTurned = Matrix4.trs(
            translation: .zero, rotation: SIMD4(0, 1, 0, 0), scale: SIMD3(-1, 1, 1))
        let hidden = try PreparedScene(scene: TestScenes.scene([(TestScenes.quad(), mirroredAndTurned)]))
        #expect(
            TestScenes.coveredPixels(try Renderer(threads: 1).render(hidden, options: TestScenes.unlit()).image) == 0)
    }

    @Test func vertexColoursAndBaseColourMultiply() throws {
        var material = Material()
        material.baseColorFactor = SIMD4(1, 0.5, 1, 1)
        let red = SIMD4<Float>(1, 0, 0.5, 1)
        let quad = TestScenes.quad(material: 0, colors: [red, red, red, red])
        let scene = try PreparedScene(scene: TestScenes.scene([(quad, .identity)], materials: [material]))
        let frame = try Renderer(threads: 1).render(scene, options: TestScenes.unlit())
        #expect(frame.image[32, 32] == SIMD4(255, 0, 128, 255))
    }

    @Test(arguments: [1, 2, 4, 8])
    func framesAreIdenticalForAnyThreadCount(samples: Int) throws {
        var parts: [(Primitive, Matrix4)] = []
        for i in 0..<5 {
            let t = Matrix4.trs(
                translation: SIMD3(Float(i) * 0.4 - 0.8, Float(i % 2) * 0.3, Float(i) * -0.2),
                rotation: SIMD4(0, 0, 0, 1), scale: SIMD3(repeating: 0.5))
            parts.append((TestScenes.sphere(rings: 16, segments: 32), t))
        }
        let scene = try PreparedScene(scene: TestScenes.scene(parts))
        var options = RenderOptions()
        options.width = 200
        options.height = 150
        options.samples = samples
        options.camera = .orbit(OrbitCamera(yawDegrees: 20, pitchDegrees: 10))
        let one = try Renderer(threads: 1).render(scene, options: options).image
        let two = try Renderer(threads: 2).render(scene, options: options).image
        let three = try Renderer(threads: 3).render(scene, options: options).image
        #expect(one == two)
        #expect(one == three)
        #expect(TestScenes.coveredPixels(one) > 2000)
    }

    @Test func concurrentCallersGetTheSameFrames() async throws {
        let scene = try PreparedScene(scene: TestScenes.scene([(TestScenes.sphere(), .identity)]))
        let renderer = Renderer(threads: 2)
        var base = RenderOptions()
        base.width = 96
        base.height = 96
        let options = base
        let expected = try renderer.render(scene, options: options).image
        let results = try await withThrowingTaskGroup(of: RGBA8Image.self) { group in
            for _ in 0..<6 { group.addTask { try renderer.render(scene, options: options).image } }
            var out: [RGBA8Image] = []
            for try await image in group { out.append(image) }
            return out
        }
        #expect(results.count == 6)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test func msaaGivesPartialAlphaOnEdges() throws {
        // A quad rotated 30° in the image plane: 4x MSAA gives intermediate alpha along its
        // edges, and the summed alpha stays close to the quad's area.
        let r = Matrix4.trs(translation: .zero, rotation: SIMD4(0, 0, 0.258819, 0.9659258), scale: SIMD3(1, 1, 1))
        let scene = try PreparedScene(scene: TestScenes.scene([(TestScenes.quad(), r)]))
        let frame = try Renderer(threads: 1).render(scene, options: TestScenes.unlit(samples: 4))
        let alphas = stride(from: 3, to: frame.image.pixels.count, by: 4).map { Int(frame.image.pixels[$0]) }
        #expect(alphas.contains { $0 > 0 && $0 < 255 })
        let area = Double(alphas.reduce(0, +)) / 255
        #expect(abs(area - 1024) < 12)
        #expect(Set(alphas).isSubset(of: [0, 64, 128, 191, 255]))
    }

    @Test func errorsNameWhatToFix() throws {
        let scene = try PreparedScene(
            scene: TestScenes.scene([(TestScenes.quad(), .identity)], variants: ["Red", "Blue"]))
        let renderer = Renderer(threads: 1)
        var options = TestScenes.unlit()
        options.variant = "Green"
        #expect(throws: RenderError.unknownVariant("Green", available: ["Red", "Blue"])) {
            try renderer.render(scene, options: options)
        }
        #expect(RenderError.unknownVariant("Green", available: ["Red", "Blue"]).description.contains("Red, Blue"))
        options = TestScenes.unlit()
        options.samples = 3
        #expect(throws: RenderError.unsupportedSampleCount(3, supported: [1, 2, 4, 8])) {
            try renderer.render(scene, options: options)
        }
        options = TestScenes.unlit(width: 0)
        #expect(throws: RenderError.invalidSize(width: 0, height: 64, maxSide: Renderer.maxSide)) {
            try renderer.render(scene, options: options)
        }
        options = TestScenes.unlit()
        options.camera = .gltf(index: 2)
        #expect(throws: RenderError.cameraIndexOutOfRange(2, count: 0)) { try renderer.render(scene, options: options) }
        options = TestScenes.unlit()
        options.sceneIndex = 4
        #expect(throws: RenderError.sceneIndexOutOfRange(4, count: 1)) { try renderer.render(scene, options: options) }
        options = TestScenes.unlit()
        options.camera = .matrices(view: .identity, projection: Matrix4(.zero, .zero, .zero, .zero))
        #expect(throws: RenderError.invalidCamera(reason: "the view-projection matrix is singular")) {
            try renderer.render(scene, options: options)
        }
    }

    @Test func cameraInsideTheProductClipsAtTheNearPlane() throws {
        // The eye sits inside a big sphere drawn double-sided: every pixel sees its inside, and
        // nothing crashes or leaks through the near plane.
        var material = Material()
        material.doubleSided = true
        let scene = try PreparedScene(
            scene: TestScenes.scene([(TestScenes.sphere(radius: 5, material: 0), .identity)], materials: [material]))
        var options = TestScenes.unlit(camera: TestScenes.frontCamera())
        options.samples = 4
        let frame = try Renderer(threads: 2).render(scene, options: options)
        #expect(TestScenes.coveredPixels(frame.image) == 64 * 64)
    }
}
