import Foundation
import Render
import Testing
import VitrineTestSupport

@testable import PreviewServer

/// The real backend: sample products imported and prepared, frames rendered and encoded.
@Suite struct StandardBackendTests {
    private func options(yaw: Float = 30, side: Int = 64) -> RenderOptions {
        var options = RenderOptions()
        options.width = side
        options.height = side
        options.camera = .orbit(OrbitCamera(yawDegrees: yaw))
        return options
    }

    @Test func aSampleProductHasItsFacts() throws {
        let asset = try StandardBackend().prepare(contentsOf: Fixtures.repo("assets/products/chair.glb"))
        #expect(asset.facts.variants == ["Ochre", "Teal", "Charcoal"])
        #expect(asset.facts.materials == ["fabric_ochre", "fabric_teal", "fabric_charcoal", "oiled_oak"])
        #expect(asset.facts.triangles > 1000)
        #expect(zip(asset.facts.boundsMin, asset.facts.boundsMax).allSatisfy { $0 < $1 })
        #expect(asset.memoryBytes > 0)
        #expect(asset.scene is PreparedScene)
    }

    @Test func uploadsMustBeCompleteBinaryGLTF() throws {
        let backend = StandardBackend()
        #expect(throws: BackendError.notGLB(name: "x.glb")) {
            try backend.prepare(glb: Array("junk".utf8), name: "x.glb")
        }
        let json = Array("{\"asset\":{\"version\":\"2.0\"}}".utf8)
        #expect(throws: BackendError.notGLB(name: "y.glb")) { try backend.prepare(glb: json, name: "y.glb") }
        let chair = try TestAssets.glb("chair")
        #expect(throws: SceneError.self) {
            try backend.prepare(glb: Array(chair.prefix(chair.count / 2)), name: "z.glb")
        }
        let whole = try backend.prepare(glb: chair, name: "chair.glb")
        #expect(whole.facts.variants.count == 3)
    }

    @Test func framesAreTheSameBytesOnAnyThreadCount() throws {
        let url = Fixtures.repo("assets/products/sneaker.glb")
        let one = StandardBackend(threadsPerFrame: 1)
        let two = StandardBackend(threadsPerFrame: 2)
        let image1 = try one.render(try one.prepare(contentsOf: url), options: options(), environment: "studio")
        let image2 = try two.render(try two.prepare(contentsOf: url), options: options(), environment: "studio")
        #expect(image1.pixels == image2.pixels)
        #expect(ProductShot(image1).coverage > 0.05)
        let png = try one.encode(image1, format: .png, quality: 0)
        #expect(try ImageCodec.decodeRGBA8(png).pixels == image1.pixels)
        #expect(try ImageCodec.probe(try one.encode(image1, format: .jpeg, quality: 80)).format == .jpeg)
    }

    @Test func optionsChangeThePicture() throws {
        let backend = StandardBackend()
        let chair = try backend.prepare(contentsOf: Fixtures.repo("assets/products/chair.glb"))
        let base = try backend.render(chair, options: options(), environment: "studio")
        var teal = options()
        teal.variant = "Teal"
        var turned = options(yaw: 120)
        turned.toneMapping = .aces
        var bright = options()
        bright.exposure = 1.5
        for changed in [teal, turned, bright] {
            #expect(try backend.render(chair, options: changed, environment: "studio").pixels != base.pixels)
        }
        #expect(throws: BackendError.unknownEnvironment("moon")) {
            try backend.render(chair, options: options(), environment: "moon")
        }
    }

    @Test func environmentsComeFromHDRFilesBesideTheStudio() throws {
        try #require(Fixtures.hasShared, "needs ../shared/environments")
        let folder = try TestAssets.temporaryFolder("env")
        let source = Fixtures.shared("environments/studio_small_03_1k.hdr")
        try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent("loft.hdr"))
        try Data("not an image".utf8).write(to: folder.appendingPathComponent("broken.hdr"))
        try Data("x".utf8).write(to: folder.appendingPathComponent("Bad Name.hdr"))
        let backend = StandardBackend(environmentsDirectory: folder)
        #expect(backend.environmentNames == ["studio", "broken", "loft"])
        #expect(backend.environmentIdentity("studio").isEmpty)
        #expect(backend.environmentIdentity("loft").count == 16)
        let mug = try backend.prepare(contentsOf: Fixtures.repo("assets/products/mug.glb"))
        var withBackground = options()
        withBackground.background = .environment
        let studio = try backend.render(mug, options: withBackground, environment: "studio")
        let loft = try backend.render(mug, options: withBackground, environment: "loft")
        #expect(studio.pixels != loft.pixels)
        #expect(loft.pixels.enumerated().allSatisfy { $0.offset % 4 != 3 || $0.element == 255 })
        #expect(throws: BackendError.self) { try backend.render(mug, options: options(), environment: "broken") }
    }
}
