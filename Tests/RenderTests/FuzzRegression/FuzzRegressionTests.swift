import Foundation
import FuzzHarness
import Render
import Testing
import VitrineTestSupport

/// Replays the committed fuzz seeds (`Fuzz/corpus/TARGET`) and every input a fuzzer once
/// crashed on (`Fuzz/regressions/TARGET`) through the same calls as the fuzz targets
/// (`FuzzReplay`). Each input must end in a result or the parser's own typed error.
@Suite struct FuzzRegressionTests {
    /// `TARGET/file` names of the saved inputs of the Render-side targets.
    static let inputs: [String] = ["gltf", "obj", "image", "hdr", "keypoints"].flatMap(savedInputs)

    static func savedInputs(_ target: String) -> [String] {
        ["Fuzz/corpus", "Fuzz/regressions"].flatMap { folder -> [String] in
            let dir = Fixtures.repo("\(folder)/\(target)")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted()
                .map { "\(folder)/\(target)/\($0)" }
        }
    }

    @Test func everyTargetHasSavedInputs() {
        for target in ["gltf", "obj", "image", "hdr", "keypoints"] {
            #expect(!Self.savedInputs(target).isEmpty, "no saved inputs for \(target)")
        }
    }

    @Test(arguments: inputs)
    func replaysWithoutCrashing(path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: Fixtures.repo(path)))
        let target = path.split(separator: "/")[2]
        do {
            switch target {
            case "gltf": _ = try FuzzReplay.gltf(bytes)
            case "obj": _ = try FuzzReplay.obj(bytes)
            case "image": _ = try FuzzReplay.image(bytes)
            case "hdr": _ = try FuzzReplay.hdr(bytes)
            default: _ = try FuzzReplay.keypoints(bytes)
            }
        } catch let error as SceneError {
            #expect(["gltf", "obj"].contains(target), "\(path): \(error)")
        } catch let error as ImageError {
            #expect(["image", "hdr"].contains(target), "\(path): \(error)")
        } catch let error as TryOnError {
            #expect(target == "keypoints", "\(path): \(error)")
        }
    }
}
