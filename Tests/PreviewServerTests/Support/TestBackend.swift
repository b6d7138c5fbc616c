import Foundation
import NIOConcurrencyHelpers
import Render
import VitrineTestSupport

@testable import PreviewServer

/// The real backend (``StandardBackend``: import, renderer, codecs) with counters and a gate
/// for the pool, cache and single-flight tests: it counts prepares and renders, can be slowed
/// down, and can hold every render (or preparation) until the gate opens.
final class TestBackend: RenderBackend, Sendable {
    private let real: StandardBackend
    private let state = NIOLockedValueBox(State())
    let renderDelay: Duration

    private struct State {
        var renders = 0
        var prepares = 0
        var gateClosed = false
    }

    init(renderDelay: Duration = .zero, environments: URL? = nil) {
        self.renderDelay = renderDelay
        real = StandardBackend(threadsPerFrame: 1, environmentsDirectory: environments)
    }

    var renders: Int { state.withLockedValue { $0.renders } }
    var prepares: Int { state.withLockedValue { $0.prepares } }

    /// Holds every render until ``openGate()``.
    func closeGate() { state.withLockedValue { $0.gateClosed = true } }
    func openGate() { state.withLockedValue { $0.gateClosed = false } }

    /// Blocks the calling worker while the gate is closed (30 s at most).
    func waitAtGate() {
        let deadline = ContinuousClock.now + .seconds(30)
        while state.withLockedValue({ $0.gateClosed }), ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.005)
        }
    }

    var environmentNames: [String] { real.environmentNames }

    func environmentIdentity(_ name: String) -> String { real.environmentIdentity(name) }

    func prepare(contentsOf url: URL) throws -> PreparedAsset {
        state.withLockedValue { $0.prepares += 1 }
        return try real.prepare(contentsOf: url)
    }

    func prepare(glb bytes: [UInt8], name: String) throws -> PreparedAsset {
        state.withLockedValue { $0.prepares += 1 }
        return try real.prepare(glb: bytes, name: name)
    }

    func render(_ asset: PreparedAsset, options: RenderOptions, environment: String) throws -> RGBA8Image {
        state.withLockedValue { $0.renders += 1 }
        waitAtGate()
        if renderDelay > .zero { Thread.sleep(forTimeInterval: Double(renderDelay.nanoseconds) / 1e9) }
        return try real.render(asset, options: options, environment: environment)
    }

    func encode(_ image: RGBA8Image, format: FrameFormat, quality: Int) throws -> [UInt8] {
        try real.encode(image, format: format, quality: quality)
    }
}

/// Builds folders of the repository's sample models for tests.
enum TestAssets {
    /// The sample products, by id (`assets/products/<id>.glb`).
    static let products = ["bottle", "chair", "mug", "sneaker"]

    /// The bytes of a sample product: `<name>.glb` when it is one, else the mug (a small model).
    static func glb(_ name: String) throws -> [UInt8] {
        let file = products.contains(name) ? name : "mug"
        return Array(try Data(contentsOf: Fixtures.repo("assets/products/\(file).glb")))
    }

    /// A temporary folder with `products/<id>.glb` for each id (see ``glb(_:)``).
    static func folder(ids: [String]) throws -> URL {
        let root = try temporaryFolder("assets")
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
