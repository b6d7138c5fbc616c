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
/// The codecs are merged; the importer and renderer are being built in parallel, and until they
/// are merged this backend reports ``BackendError/unavailable(_:)`` for imports and renders, so
/// the service answers `503` honestly instead of inventing pictures.
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
        try Self.encode(image, format: format, quality: quality)
    }

    /// PNG (fast compression, for latency) or JPEG; no metadata from any input.
    /// - Throws: `ImageError` from the codecs.
    public static func encode(_ image: RGBA8Image, format: FrameFormat, quality: Int) throws -> [UInt8] {
        switch format {
        case .png: return try PNGCodec.encode(image, compression: .fast)
        case .jpeg: return try JPEGCodec.encode(image, quality: quality)
        }
    }
}
