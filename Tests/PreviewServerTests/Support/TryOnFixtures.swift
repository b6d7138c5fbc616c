import Foundation
import HTTPTypes
import VitrineTestSupport

/// What the try-on tests share: an assets folder with the repository's garments, multipart
/// bodies, and a scan of folders for a photo's bytes.
enum TryOnFixtures {
    /// The boundary of ``form(_:boundary:)`` bodies.
    static let boundary = "vitrine-test-boundary"

    /// `Content-Type` of a ``form(_:boundary:)`` body.
    static let multipart: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]

    /// An assets folder with the chair and a copy of the repository's garments.
    static func assets() throws -> URL {
        let root = try TestAssets.folder(ids: ["chair"])
        try FileManager.default.copyItem(
            at: Fixtures.repo("assets/garments"), to: root.appendingPathComponent("garments"))
        return root
    }

    /// A multipart/form-data body of `fields` (name, file name, bytes).
    static func form(_ fields: [(String, String?, [UInt8])], boundary: String = boundary) -> [UInt8] {
        var body: [UInt8] = []
        for (name, file, bytes) in fields {
            var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\""
            if let file { head += "; filename=\"\(file)\"\r\nContent-Type: application/octet-stream" }
            body += Array((head + "\r\n\r\n").utf8) + bytes + Array("\r\n".utf8)
        }
        return body + Array("--\(boundary)--\r\n".utf8)
    }

    /// The regular files under `folder` modified since `start` (a second of slack) that contain
    /// any of `needles`, as paths.
    ///
    /// Runs on a thread of its own: temporary space can hold hundreds of megabytes written by
    /// other processes, and reading them on the cooperative pool would stall the servers that
    /// every test in this process runs on it.
    static func files(under folder: URL, since start: Date, containing needles: [[UInt8]]) async -> [String] {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: scan(folder, since: start, needles: needles)) }.start()
        }
    }

    private static func scan(_ folder: URL, since start: Date, needles: [[UInt8]]) -> [String] {
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys) else {
            return []
        }
        var found: [String] = []
        for case let url as URL in files {
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true,
                let size = values.fileSize, size < 64 << 20,
                let modified = values.contentModificationDate, modified >= start.addingTimeInterval(-1),
                let data = try? Data(contentsOf: url)
            else { continue }
            if needles.contains(where: { data.range(of: Data($0)) != nil }) { found.append(url.path) }
        }
        return found
    }
}
