import Foundation
import Render

/// Renders a ``GoldenSuite`` on `jobs` workers (one single-threaded renderer each; the
/// pictures do not depend on it) and either compares every picture with its approved one
/// (``verify()``) or approves the current pictures (``record()``).
public struct GoldenRunner: Sendable {
    /// The suite.
    public var suite: GoldenSuite
    /// Cases rendered side by side.
    public var jobs: Int
    /// Image-based lights, loaded once.
    public var environments = EnvironmentStore()

    /// A runner; `jobs` is raised to at least 1.
    public init(suite: GoldenSuite, jobs: Int) {
        self.suite = suite
        self.jobs = max(1, jobs)
    }

    /// Renders every case and compares it with its approved picture (pixelmatch, the suite's
    /// options). Results are in suite order.
    public func verify() -> [GoldenResult] {
        run { c, image in
            guard let data = try? Data(contentsOf: c.approved) else {
                return GoldenResult(
                    name: c.name, status: .missing,
                    message: "no approved picture at \(c.approved.path): run `vitrine golden record`", actual: image)
            }
            let expected: RGBA8Image
            do {
                expected = try PNGCodec.decodeRGBA8([UInt8](data))
            } catch {
                return GoldenResult(
                    name: c.name, status: .error, message: "approved picture \(c.approved.path): \(error)",
                    actual: image)
            }
            guard expected.width == image.width, expected.height == image.height else {
                return GoldenResult(
                    name: c.name, status: .failed,
                    message: "size \(image.width)x\(image.height), approved \(expected.width)x\(expected.height)",
                    expected: expected, actual: image)
            }
            do {
                let result = try Pixelmatch.compare(expected, image, options: suite.pixelmatch)
                let passed = result.differingPixels <= c.maxDiffPixels
                let percent = String(format: "%.3f", 100 * result.differingFraction)
                return GoldenResult(
                    name: c.name, status: passed ? .passed : .failed, differingPixels: result.differingPixels,
                    totalPixels: result.totalPixels,
                    message: "\(result.differingPixels) differing pixels (\(percent)%), \(c.maxDiffPixels) allowed",
                    expected: expected, actual: image, diff: result.diffImage)
            } catch {
                return GoldenResult(
                    name: c.name, status: .error, message: "\(error)", expected: expected, actual: image)
            }
        }
    }

    /// Renders every case and writes it as its approved picture (atomically; lossless PNG).
    public func record() -> [GoldenResult] {
        run { c, image in
            do {
                try AtomicFile.write(try PNGCodec.encode(image, compression: .level(9)), to: c.approved)
                return GoldenResult(name: c.name, status: .recorded, message: "wrote \(c.approved.path)", actual: image)
            } catch {
                return GoldenResult(name: c.name, status: .error, message: "\(error)", actual: image)
            }
        }
    }

    /// Loads each asset once, renders the cases in parallel and maps each picture through
    /// `finish`; render failures become `.error` results.
    private func run(_ finish: @escaping @Sendable (GoldenSuite.Case, RGBA8Image) -> GoldenResult) -> [GoldenResult] {
        var scenes: [URL: Result<PreparedScene, GoldenRunError>] = [:]
        for c in suite.cases where scenes[c.asset] == nil {
            do {
                scenes[c.asset] = .success(try PreparedScene(scene: try SceneLoader.load(contentsOf: c.asset)))
            } catch {
                scenes[c.asset] = .failure(GoldenRunError(message: "\(c.asset.path): \(error)"))
            }
        }
        let loaded = scenes
        let results = ResultSlots(count: suite.cases.count)
        let renderers = (0..<min(jobs, suite.cases.count)).map { _ in Renderer(threads: 1) }
        let next = Tally.Counter()
        let cases = suite.cases
        let base = suite.file.deletingLastPathComponent()
        DispatchQueue.concurrentPerform(iterations: renderers.count) { worker in
            while let i = next.take(below: cases.count) {
                let c = cases[i]
                let start = DispatchTime.now().uptimeNanoseconds
                var result: GoldenResult
                do {
                    guard let scene = try loaded[c.asset]?.get() else { throw GoldenRunError(message: "not loaded") }
                    let environment = try environments.environment(c.settings.environment, relativeTo: base)
                    let options = c.settings.options(yawDegrees: c.yaw, pitchDegrees: c.pitch, variant: c.variant)
                    let frame = try renderers[worker].render(scene, environment: environment, options: options)
                    result = finish(c, frame.image)
                } catch {
                    result = GoldenResult(name: c.name, status: .error, message: "\(error)")
                }
                result.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                results.set(i, result)
            }
        }
        return results.values
    }
}

/// A case that could not be rendered.
struct GoldenRunError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Results written by workers into their slots.
final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [GoldenResult?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ result: GoldenResult) { lock.withLock { slots[i] = result } }

    var values: [GoldenResult] { lock.withLock { slots.compactMap { $0 } } }
}
