import Foundation
import Testing
import VitrineTestSupport

@testable import Render

/// Walks `../shared/badinput/gltf` (the glTF-Validator test set): every file imports or is
/// refused with a ``SceneError``, valid files import, and refusals point where the validator
/// points.
@Suite(.timeLimit(.minutes(2))) struct BadInputTests {
    /// Files the validator finds no error in, that Vitrine still refuses, and why.
    static let validButRefused: [String: String] = [
        "root/named_objects.gltf":
            "its meshes use buffer 0, which has no uri in a .gltf: there is no geometry data to read "
            + "(the validator checks the JSON only)",
        "root/unused_objects.gltf": "same: meshes[0] reads buffer 0, which has no uri and no data",
    ]

    /// Refused files whose error is not at one of the validator's pointers, and why.
    static let differentPointer: [String: String] = [
        "glb/bom.glb": "the validator reports INVALID_JSON without a pointer; Vitrine gives the byte offset",
        "node/node_loop_scene.gltf":
            "Vitrine stops at the first problem in file order (node 0 is its own child), the validator lists all",
        "camera/orthographic_xy.gltf": "Vitrine names the orthographic object that has a zero magnification",
        "image/missing_mime_type_buffer_view.gltf":
            "a missing mimeType is only a warning (the bytes are sniffed); the file then fails on buffer 0, which "
            + "has no data",
        "mesh/accessor_without_bytestride.gltf":
            "two accessors sharing a view without byteStride read fine; the file fails on buffer 0, which has no data",
        "mesh/bufferview_target_override.gltf":
            "bufferView.target is a GPU upload hint Vitrine ignores; the file fails on buffer 0, which has no data",
        "mesh/morph_bufferview_target_override.gltf": "same as bufferview_target_override.gltf",
    ]

    /// GLB container and JSON files the validator rejects that Vitrine reads anyway, and why.
    static let lenientContainers: [String: String] = [
        "glb/misplaced_bin_chunk.glb": "a BIN chunk after an unknown chunk is still found",
        "glb/unaligned_chunk.glb": "an unpadded chunk length is a warning: the loads are unaligned-safe",
    ]

    /// One validator report.
    struct Expected: Decodable {
        struct Message: Decodable {
            var code: String
            var severity: String
            var pointer: String?
        }
        var numErrors: Int
        var messages: [Message]
    }

    static let expected: [String: Expected] = {
        struct File: Decodable { var files: [String: Expected] }
        guard let data = try? Data(contentsOf: Fixtures.shared("badinput/gltf/EXPECTED.json")),
            let file = try? JSONDecoder().decode(File.self, from: data)
        else { return [:] }
        return file.files
    }()

    /// Every `.gltf` and `.glb` under the folder, relative paths sorted.
    static let files: [String] = {
        let root = Fixtures.shared("badinput/gltf")
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".gltf") || $0.hasSuffix(".glb") }.sorted()
    }()

    /// The outcome of importing one file: `nil` when it loaded.
    static func outcome(_ relative: String) -> SceneError? {
        do {
            _ = try SceneLoader.load(contentsOf: Fixtures.shared("badinput/gltf/" + relative))
            return nil
        } catch {
            return error
        }
    }

    /// `/meshes/0/primitives/0/indices` -> `meshes[0].primitives[0].indices`.
    static func path(fromPointer pointer: String) -> String {
        var out = ""
        for token in pointer.split(separator: "/", omittingEmptySubsequences: true) {
            let t = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            if Int(t) != nil {
                out += "[\(t)]"
            } else {
                out += out.isEmpty ? t : ".\(t)"
            }
        }
        return out
    }

    @Test func folderHasTheWholeSet() throws {
        try #require(Fixtures.hasShared, "../shared is needed for this test")
        #expect(Self.files.count >= 270)
        #expect(Self.expected.count == 270)
    }

    /// Nothing crashes, traps or hangs (the suite has a time limit); every refusal is a typed
    /// error that names the file.
    @Test func everyFileImportsOrIsRefusedCleanly() throws {
        try #require(Fixtures.hasShared, "../shared is needed for this test")
        var loaded = 0
        var refused = 0
        for file in Self.files {
            if let error = Self.outcome(file) {
                refused += 1
                #expect(error.file == (file as NSString).lastPathComponent, "\(file): \(error)")
                #expect(!error.reason.isEmpty)
            } else {
                loaded += 1
            }
        }
        #expect(loaded + refused == Self.files.count)
        #expect(loaded >= 76 && refused > 0, "loaded \(loaded), refused \(refused)")
    }

    /// Broken containers and JSON texts are refused (all but the documented lenient cases).
    @Test func brokenContainersAndJSONAreRefused() throws {
        try #require(Fixtures.hasShared, "../shared is needed for this test")
        let broken = Self.expected.filter {
            ($0.key.hasPrefix("glb/") || $0.key.hasPrefix("json/")) && $0.value.numErrors > 0
        }.keys.sorted()
        #expect(broken.count >= 25)
        for file in broken {
            let error = Self.outcome(file)
            if Self.lenientContainers[file] != nil {
                #expect(error == nil, "\(file) is listed as read leniently but fails: \(String(describing: error))")
            } else {
                #expect(error != nil, "\(file) should be refused")
            }
        }
    }

    @Test func validFilesImport() throws {
        try #require(Fixtures.hasShared, "../shared is needed for this test")
        let valid = Self.expected.filter { $0.value.numErrors == 0 }.keys.sorted()
        #expect(valid.count == 76)
        for file in valid {
            let error = Self.outcome(file)
            if let reason = Self.validButRefused[file] {
                #expect(error != nil, "\(file) is listed as refused (\(reason)) but loads")
            } else {
                #expect(error == nil, "\(file): \(String(describing: error))")
            }
        }
    }

    /// For refused files whose validator report has JSON pointers, the error names the same
    /// place: its location (or the object named in its message) matches one of the
    /// validator's error pointers, up to the object level.
    @Test func refusalsPointWhereTheValidatorPoints() throws {
        try #require(Fixtures.hasShared, "../shared is needed for this test")
        var compared = 0
        for (file, report) in Self.expected.sorted(by: { $0.key < $1.key }) where report.numErrors > 0 {
            let pointers = report.messages.filter { $0.severity == "error" }.compactMap(\.pointer)
                .filter { !$0.isEmpty && $0 != "/" }.map(Self.path(fromPointer:))
            guard !pointers.isEmpty, let error = Self.outcome(file) else { continue }
            if Self.differentPointer[file] != nil { continue }
            compared += 1
            let ours = error.location
            let matches = pointers.contains { p in
                ours == p || ours.hasPrefix(p + ".") || ours.hasPrefix(p + "[") || p.hasPrefix(ours + ".")
                    || p.hasPrefix(ours + "[") || error.reason.contains(p)
            }
            #expect(matches, "\(file): ours '\(ours)', validator \(pointers)")
        }
        #expect(compared >= 40)
    }

    @Test func pointerConversion() {
        #expect(
            Self.path(fromPointer: "/meshes/0/primitives/10/attributes/POSITION")
                == "meshes[0].primitives[10].attributes.POSITION")
        #expect(Self.path(fromPointer: "/asset~1customProperty") == "asset/customProperty")
    }
}
