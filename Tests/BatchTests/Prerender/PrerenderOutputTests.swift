import Foundation
import Testing

@testable import Batch

/// Content-addressed files: verified by their name, damaged ones and leftover temporary files
/// removed, writes atomic.
@Suite struct PrerenderOutputTests {
    @Test func verifiesByNameAndRemovesDamagedFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-output-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes: [UInt8] = Array("a frame".utf8)
        let written = try PrerenderOutput.write(bytes, stem: "p15_f000", ext: "png", in: folder)
        #expect(written.name == "p15_f000.\(Checksum.sha256(bytes).prefix(12)).png")
        // A damaged frame of another stem, a leftover temporary file, and an unrelated file.
        try Data("x".utf8).write(to: folder.appendingPathComponent("p15_f001.000000000000.png"))
        try Data("half".utf8).write(to: folder.appendingPathComponent(".p15_f001.abcdefabcdef.png.123-4.tmp"))
        try Data("keep".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        var names = PrerenderOutput.listing(folder)
        let found = PrerenderOutput.verified(
            stem: "p15_f000", ext: "png", in: folder, names: names, removeDamaged: true)
        #expect(found?.sha256 == Checksum.sha256(bytes) && found?.bytes == bytes)
        #expect(
            PrerenderOutput.verified(stem: "p15_f001", ext: "png", in: folder, names: names, removeDamaged: false)
                == nil)
        #expect(PrerenderOutput.listing(folder).count == 4)
        #expect(
            PrerenderOutput.verified(stem: "p15_f001", ext: "png", in: folder, names: names, removeDamaged: true) == nil
        )
        names = PrerenderOutput.listing(folder)
        #expect(names.sorted() == ["notes.txt", written.name])
        // A frame cut short no longer matches its name.
        try Data(bytes.prefix(3)).write(to: folder.appendingPathComponent(written.name))
        #expect(
            PrerenderOutput.verified(stem: "p15_f000", ext: "png", in: folder, names: names, removeDamaged: true) == nil
        )
        #expect(PrerenderOutput.listing(folder) == ["notes.txt"])
    }

    @Test func atomicWriteReplacesWholeFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-atomic-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("deep/manifest.json")
        try AtomicFile.write(Array("one".utf8), to: url)
        try AtomicFile.write(Array("two, longer".utf8), to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "two, longer")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path) == [
                "manifest.json"
            ])
        #expect(AtomicFile.isTemporary(".manifest.json.12-34.tmp") && !AtomicFile.isTemporary("manifest.json"))
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write([1], to: URL(fileURLWithPath: "/proc/nope/x"))
        }
    }
}
