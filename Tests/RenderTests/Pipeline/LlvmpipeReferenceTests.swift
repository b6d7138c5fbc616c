import Foundation
import Testing
import VitrineTestSupport

@testable import Render

/// Every frame of `../shared/reference/llvmpipe/` (Mesa llvmpipe through pyrender's flat
/// shader) rendered again by Vitrine with the frame's exact matrices, in the unlit reference
/// mode with the same sampler override and one sample per pixel: at least 99.5% of the pixels
/// must be within 2/255 on every channel. On failure the frame, the reference and a diff image
/// are written under `.build/test-artifacts/llvmpipe-reference/` and named in the issue.
///
/// Where the peer's loader (trimesh + pyrender) departs from glTF, the model is listed in
/// ``checks`` with the reason: either the scene is adjusted the way the peer reads it and then
/// compared pixel for pixel, or only coverage is compared (alpha > 0 on the same pixels, same
/// 99.5% bar), or, when even the geometry differs, it is only rendered.
@Suite struct LlvmpipeReferenceTests {
    /// How the peer reads a file differently from glTF.
    enum Adjustment: Sendable {
        /// `KHR_texture_transform` dropped.
        case noTextureTransforms
        /// `COLOR_0` dropped from primitives whose material has a base colour texture (trimesh
        /// keeps either a texture or vertex colours).
        case noVertexColorsWithTextures
    }

    /// How a model is compared.
    enum Check: Sendable {
        /// Every channel within 2/255.
        case pixels
        /// Every channel within 2/255 after reading the file as the peer does.
        case pixelsAfter(Adjustment, reason: String)
        /// Coverage only (after an optional adjustment).
        case coverage(Adjustment?, reason: String)
        /// Rendered (must draw something) but not compared.
        case renderOnly(reason: String)
    }

    /// Models the peer reads differently from glTF, and why.
    static let checks: [String: Check] = [
        "TextureTransformTest": .pixelsAfter(.noTextureTransforms, reason: "the peer ignores KHR_texture_transform"),
        "SheenChair": .pixelsAfter(.noTextureTransforms, reason: "the peer ignores KHR_texture_transform"),
        "GlamVelvetSofa": .pixelsAfter(.noTextureTransforms, reason: "the peer ignores KHR_texture_transform"),
        "ToyCar": .pixelsAfter(.noTextureTransforms, reason: "the peer ignores KHR_texture_transform (Fabric, 3x)"),
        "VertexColorTest": .pixelsAfter(
            .noVertexColorsWithTextures, reason: "trimesh keeps a texture or vertex colours, so it drops COLOR_0 here"),
        "Triangle": .coverage(nil, reason: Self.noMaterialReason),
        "TriangleWithoutIndices": .coverage(nil, reason: Self.noMaterialReason),
        "Cameras": .coverage(nil, reason: Self.noMaterialReason),
        "MultipleScenes": .coverage(nil, reason: Self.noMaterialReason),
        "AlphaBlendModeTest": .renderOnly(
            reason: "the peer has no alpha cut-off, writes texture alpha for OPAQUE materials and draws the "
                + "BLEND panel with depth writes before the stripes behind it (98.4% of RGB agrees with MASK "
                + "read as OPAQUE; the alpha modes are checked by the golden tests)"),
        "GlassVaseFlowers": .coverage(
            nil,
            reason: "the peer blends alpha as alpha^2 (glBlendFunc on RGBA), writes depth for blended "
                + "surfaces and keeps texture alpha on MASK leaves"),
        "SimpleSparseAccessor": .renderOnly(
            reason: "the peer ignores the sparse accessor and draws the unmodified positions"),
    ]

    static let noMaterialReason = "the peer draws primitives without a material in 0.3 grey, not glTF's default white"

    /// Pass mark: fraction of pixels that must agree.
    static let requiredFraction = 0.995

    static var reference: URL { Fixtures.shared("reference/llvmpipe") }

    /// The model folders of the reference (everything but `models/` and the README).
    static let models: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: reference.path)) ?? []
        return names.filter { $0 != "models" && !$0.hasSuffix(".md") }.sorted()
    }()

    static let renderer = Renderer(threads: 2)

    @Test(arguments: models)
    func framesMatchLlvmpipe(model: String) throws {
        let folder = Self.reference.appendingPathComponent(model)
        var loaded: PreparedScene?
        for mode in ["nearest", "linear"] {
            let frames = try FileManager.default.contentsOfDirectory(
                atPath: folder.appendingPathComponent("512_\(mode)").path
            ).filter { $0.hasSuffix(".json") }.sorted()
            #expect(!frames.isEmpty, "\(model): no \(mode) frames")
            for name in frames {
                let jsonURL = folder.appendingPathComponent("512_\(mode)").appendingPathComponent(name)
                let camera = try CameraJSON(contentsOf: jsonURL)
                if loaded == nil {
                    loaded = try Self.prepare(modelFile: Self.modelFile(jsonURL), check: Self.checks[model] ?? .pixels)
                }
                let scene = try #require(loaded)
                var options = RenderOptions()
                options.width = camera.width
                options.height = camera.height
                options.samples = 1
                options.camera = camera.selection
                options.shading = .unlit
                options.shadow = false
                options.textureFilterOverride = TextureFilterOverride(rawValue: mode)
                let frame = try Self.renderer.render(scene, options: options)
                let pngURL = jsonURL.deletingPathExtension().appendingPathExtension("png")
                let expected = try ImageCodec.decodeRGBA8([UInt8](Data(contentsOf: pngURL)))
                let label = "\(model) 512_\(mode)/\(name.replacingOccurrences(of: ".json", with: ""))"
                try Self.compare(frame.image, expected, check: Self.checks[model] ?? .pixels, label: label)
            }
        }
    }

    /// The peer's flattened node matrices (`models/<model>.json`) are the world matrices of our
    /// draw list, and its bounds are ours (the camera framing depends on them).
    @Test(arguments: models)
    func nodeMatricesAndBoundsAgreeWithThePeer(model: String) throws {
        let json = Self.reference.appendingPathComponent("models/\(model).json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        let peer = try nodes.map { node -> Matrix4 in
            let rows = try #require(node["world_matrix"] as? [[Double]])
            return Matrix4(rows: rows)
        }
        let frames = try FileManager.default.contentsOfDirectory(
            atPath: Self.reference.appendingPathComponent("\(model)/512_nearest").path)
        let first = try #require(frames.first { $0.hasSuffix(".json") })
        let file = try Self.modelFile(Self.reference.appendingPathComponent("\(model)/512_nearest/\(first)"))
        let scene = try SceneLoader.load(contentsOf: file)
        let ours = scene.drawList().map(\.worldMatrix)
        func close(_ a: Matrix4, _ b: Matrix4) -> Bool {
            (0..<4).allSatisfy { r in (0..<4).allSatisfy { c in abs(a[r, c] - b[r, c]) < 1e-4 } }
        }
        for m in peer {
            #expect(ours.contains { close($0, m) }, "\(model): a peer node matrix is not in our draw list")
        }
        for m in ours {
            #expect(peer.contains { close($0, m) }, "\(model): a draw-list matrix is not among the peer's")
        }
        guard case .renderOnly = Self.checks[model] ?? .pixels else {
            let bounds = try #require(object["bounds"] as? [[Double]])
            let box = try #require(try PreparedScene(scene: scene).bounds())
            let size = Double(length(box.max - box.min))
            for axis in 0..<3 {
                #expect(abs(Double(box.min[axis]) - bounds[0][axis]) <= 1e-5 * size, "\(model): bounds min")
                #expect(abs(Double(box.max[axis]) - bounds[1][axis]) <= 1e-5 * size, "\(model): bounds max")
            }
            return
        }
    }

    /// The model file a frame was made from (`model_file`, relative to `../shared`).
    static func modelFile(_ json: URL) throws -> URL {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any]
        let file = try #require(object?["model_file"] as? String)
        // The synthetic meshes are named relative to the peer's folder.
        if file.hasPrefix("models/") { return Fixtures.shared(file) }
        return Fixtures.shared(file.hasPrefix("peers/") ? file : "peers/llvmpipe/\(file)")
    }

    static func prepare(modelFile: URL, check: Check) throws -> PreparedScene {
        var scene = try SceneLoader.load(contentsOf: modelFile)
        switch check {
        case .pixelsAfter(let adjustment, _): adjust(&scene, adjustment)
        case .coverage(let adjustment?, _): adjust(&scene, adjustment)
        default: break
        }
        return try PreparedScene(scene: scene)
    }

    /// Reads the scene as the peer does.
    static func adjust(_ scene: inout Scene, _ adjustment: Adjustment) {
        switch adjustment {
        case .noTextureTransforms:
            for i in scene.materials.indices {
                func strip(_ b: inout TextureBinding?) { b?.transform = nil }
                strip(&scene.materials[i].baseColorTexture)
                strip(&scene.materials[i].metallicRoughnessTexture)
                strip(&scene.materials[i].normalTexture)
                strip(&scene.materials[i].occlusionTexture)
                strip(&scene.materials[i].emissiveTexture)
            }
        case .noVertexColorsWithTextures:
            for m in scene.meshes.indices {
                for p in scene.meshes[m].primitives.indices {
                    let material = scene.meshes[m].primitives[p].material
                    if let material, scene.materials[material].baseColorTexture != nil {
                        scene.meshes[m].primitives[p].colors = nil
                    }
                }
            }
        }
    }

    /// Compares and, on failure, records an issue naming the written images.
    static func compare(_ actual: RGBA8Image, _ expected: RGBA8Image, check: Check, label: String) throws {
        try #require(actual.width == expected.width && actual.height == expected.height, "\(label): size differs")
        let agreeing: Int
        let what: String
        switch check {
        case .renderOnly(let reason):
            func drawn(_ image: RGBA8Image) -> Bool {
                stride(from: 3, to: image.pixels.count, by: 4).contains { image.pixels[$0] > 0 }
            }
            #expect(drawn(actual) == drawn(expected), "\(label) (not compared: \(reason)): drawn differs")
            return
        case .pixels, .pixelsAfter:
            let result = ImageComparison.compare(
                expected: expected, actual: actual,
                tolerance: .init(maxChannelDelta: 2, maxDifferingFraction: 1 - requiredFraction))
            agreeing = result.totalPixels - result.differingPixels
            what = "within 2/255"
            if !result.passed { try writeFailure(label, actual, expected, result.diffImage) }
        case .coverage(_, let reason):
            var same = 0
            for i in stride(from: 3, to: actual.pixels.count, by: 4)
            where (actual.pixels[i] == 0) == (expected.pixels[i] == 0) {
                same += 1
            }
            agreeing = same
            what = "with the same coverage (\(reason))"
            if Double(same) < requiredFraction * Double(actual.width * actual.height) {
                try writeFailure(label, actual, expected, nil)
            }
        }
        let fraction = Double(agreeing) / Double(actual.width * actual.height)
        #expect(
            fraction >= requiredFraction,
            "\(label): \(String(format: "%.3f", fraction * 100))% of pixels \(what); see \(artifacts.path)/\(label.replacingOccurrences(of: "/", with: "_"))*"
        )
    }

    static var artifacts: URL { Fixtures.artifactDirectory("llvmpipe-reference") }

    static func writeFailure(_ label: String, _ actual: RGBA8Image, _ expected: RGBA8Image, _ diff: RGBA8Image?) throws
    {
        let stem = artifacts.appendingPathComponent(
            label.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: " ", with: "_"))
        try Data(PNGCodec.encode(actual)).write(to: URL(fileURLWithPath: stem.path + "_actual.png"))
        try Data(PNGCodec.encode(expected)).write(to: URL(fileURLWithPath: stem.path + "_expected.png"))
        if let diff { try Data(PNGCodec.encode(diff)).write(to: URL(fileURLWithPath: stem.path + "_diff.png")) }
    }
}
