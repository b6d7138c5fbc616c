import Foundation
import Render

/// Errors of the service's render backend.
public enum BackendError: Error, CustomStringConvertible, Equatable {
    /// The library part this backend needs is not in this build yet.
    case unavailable(String)
    /// The `env` parameter named an environment that does not exist.
    case unknownEnvironment(String)

    public var description: String {
        switch self {
        case .unavailable(let what): return "not available in this build: \(what)"
        case .unknownEnvironment(let name): return "unknown environment '\(name)'"
        }
    }
}

/// The real backend over the `Render` library: `SceneLoader`, `PreparedScene`, `Renderer`,
/// `PNGCodec` / `JPEGCodec`.
///
/// The importer, renderer and codecs are being built in parallel; until they are merged this
/// backend reports ``BackendError/unavailable(_:)`` so the service answers `503` honestly
/// instead of inventing pictures.
public struct StandardBackend: RenderBackend {
    /// Renderer threads per frame.
    public var threadsPerFrame: Int

    /// Creates the backend.
    /// - Parameter threadsPerFrame: tiles of one frame rendered in parallel.
    public init(threadsPerFrame: Int = 1) {
        self.threadsPerFrame = threadsPerFrame
    }

    public var environmentNames: [String] { ["studio"] }

    public func prepare(contentsOf url: URL) throws -> PreparedAsset {
        throw BackendError.unavailable("glTF import (SceneLoader)")
    }

    public func prepare(glb bytes: [UInt8], name: String) throws -> PreparedAsset {
        throw BackendError.unavailable("glTF import (SceneLoader)")
    }

    public func render(_ asset: PreparedAsset, options: RenderOptions, environment: String) throws -> RGBA8Image {
        throw BackendError.unavailable("renderer (Renderer)")
    }

    public func encode(_ image: RGBA8Image, format: FrameFormat, quality: Int) throws -> [UInt8] {
        throw BackendError.unavailable("image codecs (PNGCodec, JPEGCodec)")
    }
}
