import Foundation
import Render
import Testing
import VitrineTestSupport

@testable import vitrine

@Suite struct RenderCommandTests {
    @Test func parsesEveryKnob() throws {
        let c = try RenderCommand.parse([
            "chair.glb", "--variant", "Red", "--yaw", "30", "--pitch", "10", "--fov", "35", "--zoom", "1.5",
            "--width", "320", "--height", "200", "--aa", "8", "--bg", "#ff000080", "--exposure=-1",
            "--tonemap", "aces", "--no-shadow", "--key-light", "--threads", "3", "--format", "jpeg", "--quality", "90",
            "--timings", "--out", "x.jpg",
        ])
        let o = try c.arguments.renderOptions()
        #expect(o.width == 320 && o.height == 200 && o.samples == 8)
        #expect(o.variant == "Red" && !o.shadow && o.keyLight != nil && o.toneMapping == .aces)
        #expect(o.exposure == -1)
        #expect(o.background == .color(SIMD4(1, 0, 0, Float(0x80) / 255)))
        #expect(c.yaw == 30 && c.pitch == 10 && c.arguments.fov == 35 && c.arguments.zoom == 1.5)
        #expect(try c.arguments.outputFormat(for: c.out) == .jpeg)
        let unlit = try RenderCommand.parse(["m.gltf", "--unlit", "--filter", "nearest", "--aa", "1", "--out", "f.png"])
        let u = try unlit.arguments.renderOptions()
        #expect(u.shading == .unlit && u.textureFilterOverride == .nearest && u.samples == 1)
    }

    @Test func rejectsBadValues() {
        for bad in [
            ["m.glb", "--aa", "3", "--out", "x.png"], ["m.glb", "--bg", "#12", "--out", "x.png"],
            ["m.glb", "--size", "0", "--out", "x.png"], ["m.glb", "--tonemap", "filmic", "--out", "x.png"],
            ["m.glb", "--filter", "cubic", "--out", "x.png"],
            ["m.glb", "--size", "64", "--width", "64", "--out", "x.png"],
            ["m.glb", "--camera-json", "c.json", "--gltf-camera", "0", "--out", "x.png"],
        ] {
            #expect(throws: (any Error).self, "\(bad)") { try RenderCommand.parse(bad) }
        }
    }

    /// End to end: the built binary renders a model to a PNG of the asked size with the
    /// product in the middle and a transparent background.
    @Test func rendersAModelToPNG() throws {
        let binary = try #require(VitrineBinary.url, "the vitrine binary is built beside the tests")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-render-\(UUID()).png")
        defer { try? FileManager.default.removeItem(at: out) }
        let model = Fixtures.shared("models/BoxTextured/glTF-Binary/BoxTextured.glb").path
        let result = try VitrineBinary.run(binary, ["render", model, "--size", "96", "--timings", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("raster") && result.stdout.contains("encode"))
        let image = try ImageCodec.decodeRGBA8([UInt8](Data(contentsOf: out)))
        #expect(image.width == 96 && image.height == 96)
        #expect(image[48, 48].w == 255)
        #expect(image[0, 0] == SIMD4(0, 0, 0, 0))
    }

    @Test func unknownVariantListsTheAvailableOnes() throws {
        let binary = try #require(VitrineBinary.url)
        let model = Fixtures.shared("models/MaterialsVariantsShoe/glTF/MaterialsVariantsShoe.gltf").path
        let result = try VitrineBinary.run(
            binary, ["render", model, "--variant", "purple", "--size", "32", "--out", "/dev/null"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("unknown material variant \"purple\""))
        #expect(result.stderr.contains("midnight"))
    }

    @Test func cameraJSONReproducesTheReferenceFrame() throws {
        // The llvmpipe reference frame of the textured box, rendered through the CLI's
        // reference options: within 2/255 on 99.5% of the pixels.
        let binary = try #require(VitrineBinary.url)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-ref-\(UUID()).png")
        defer { try? FileManager.default.removeItem(at: out) }
        let frame = Fixtures.shared("reference/llvmpipe/BoxTextured/512_linear/f09")
        let result = try VitrineBinary.run(
            binary,
            [
                "render", Fixtures.shared("models/BoxTextured/glTF-Binary/BoxTextured.glb").path, "--camera-json",
                frame.path + ".json", "--unlit", "--filter", "linear", "--aa", "1", "--out", out.path,
            ])
        #expect(result.status == 0, "\(result.stderr)")
        let actual = try ImageCodec.decodeRGBA8([UInt8](Data(contentsOf: out)))
        let expected = try ImageCodec.decodeRGBA8([UInt8](Data(contentsOf: URL(fileURLWithPath: frame.path + ".png"))))
        let comparison = ImageComparison.compare(
            expected: expected, actual: actual, tolerance: .init(maxChannelDelta: 2, maxDifferingFraction: 0.005))
        #expect(comparison.passed, "\(comparison.summary)")
    }
}
