import Foundation
import NIOConcurrencyHelpers
import Render

@testable import PreviewServer

/// A render backend double for the pool, cache and single-flight tests: it counts renders,
/// can be slowed down or held at a gate, and draws a deterministic picture from the options.
/// The HTTP tests switch to the real backend once the renderer is merged.
final class TestBackend: RenderBackend, Sendable {
    private let state = NIOLockedValueBox(State())
    private let gate = NIOLockedValueBox<[CheckedContinuation<Void, Never>]?>(nil)
    let renderDelay: Duration

    private struct State {
        var renders = 0
        var prepares = 0
        var gateClosed = false
    }

    init(renderDelay: Duration = .zero) {
        self.renderDelay = renderDelay
    }

    var renders: Int { state.withLockedValue { $0.renders } }
    var prepares: Int { state.withLockedValue { $0.prepares } }

    /// Holds every render until ``openGate()``.
    func closeGate() { state.withLockedValue { $0.gateClosed = true } }
    func openGate() { state.withLockedValue { $0.gateClosed = false } }

    var environmentNames: [String] { ["studio", "sunset"] }

    func prepare(contentsOf url: URL) throws -> PreparedAsset {
        try prepare(glb: Array(try Data(contentsOf: url)), name: url.lastPathComponent)
    }

    func prepare(glb bytes: [UInt8], name: String) throws -> PreparedAsset {
        state.withLockedValue { $0.prepares += 1 }
        guard bytes.count >= 12, bytes[0..<4].elementsEqual(Array("glTF".utf8)) else {
            throw TestBackendError.notGLB(name)
        }
        let facts = AssetFacts(
            triangles: bytes.count, boundsMin: [-1, 0, -1], boundsMax: [1, 2, 1], materials: ["body"],
            variants: ["red", "blue"])
        return PreparedAsset(facts: facts, scene: bytes.count, memoryBytes: bytes.count)
    }

    func render(_ asset: PreparedAsset, options: RenderOptions, environment: String) throws -> RGBA8Image {
        state.withLockedValue { $0.renders += 1 }
        let deadline = ContinuousClock.now + .seconds(30)
        while state.withLockedValue({ $0.gateClosed }), ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.005)
        }
        if renderDelay > .zero { Thread.sleep(forTimeInterval: Double(renderDelay.nanoseconds) / 1e9) }
        var yaw: Float = 0
        if case .orbit(let orbit) = options.camera { yaw = orbit.yawDegrees }
        let shade = UInt8(Int(yaw) % 256)
        return RGBA8Image(width: options.width, height: options.height, fill: SIMD4(shade, 128, 64, 255))
    }

    func encode(_ image: RGBA8Image, format: FrameFormat, quality: Int) throws -> [UInt8] {
        try StandardBackend.encode(image, format: format, quality: quality)  // the real codecs
    }
}

enum TestBackendError: Error {
    case notGLB(String)
}

/// Builds folders of small model files for tests.
enum TestAssets {
    /// A `.glb`-looking file (the test backend checks the magic only).
    static func glb(_ seed: String) -> [UInt8] {
        Array("glTF".utf8) + [2, 0, 0, 0, 20, 0, 0, 0] + Array(seed.utf8)
    }

    /// A temporary folder with `products/<id>.glb` for each id.
    static func folder(ids: [String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-assets-\(UUID().uuidString)")
        let products = root.appendingPathComponent("products")
        try FileManager.default.createDirectory(at: products, withIntermediateDirectories: true)
        for id in ids {
            try Data(glb(id)).write(to: products.appendingPathComponent("\(id).glb"))
        }
        return root
    }

    /// A fresh temporary folder.
    static func temporaryFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
