import Foundation
import FuzzHarness
import Render

/// The parsers fuzzed in this binary. Each case feeds the bytes to the same public entry
/// points the service and the CLI use (and `Tests/RenderTests/FuzzRegression` replays the
/// saved inputs through the same calls).
enum FuzzTarget: String, CaseIterable, Sendable {
    /// `SceneLoader.load` on a `.gltf` / `.glb` held in memory (GLB magic wins).
    case gltf
    /// `SceneLoader.load` on an `.obj`; the bytes after the first `\n#MTL\n` also go to the MTL parser.
    case obj
    /// `ImageCodec.probe` + `.decodeRGBA8` (PNG/JPEG, sniffed) and `PNGCodec.decodeRGBA16`.
    case image
    /// `HDRCodec.decode` (Radiance RGBE).
    case hdr
    /// `PoseKeypoints.parse`, then a `BodyModel` on a 1080x1440 photo when it parses.
    case keypoints

    func run(_ bytes: [UInt8]) {
        switch self {
        case .gltf:
            _ = try? FuzzReplay.gltf(bytes)
        case .obj:
            _ = try? FuzzReplay.obj(bytes)
        case .image:
            _ = try? FuzzReplay.image(bytes)
        case .hdr:
            _ = try? FuzzReplay.hdr(bytes)
        case .keypoints:
            _ = try? FuzzReplay.keypoints(bytes)
        }
    }
}
