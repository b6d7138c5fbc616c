import Foundation

/// Paths of test data: the repository root, and `../shared` beside it (models, photos,
/// environments, bad input, reference frames).
public enum Fixtures {
    /// The repository root, found from this file's path.
    public static let repositoryRoot: URL = {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // VitrineTestSupport
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()
    }()

    /// `VITRINE_SHARED` when set, else the nearest `shared/` folder beside the repository or
    /// one of its parents (`../shared` for a clone, `../../shared` for a git worktree).
    public static let shared: URL = {
        if let env = ProcessInfo.processInfo.environment["VITRINE_SHARED"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        var dir = repositoryRoot.deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("shared")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("models").path) {
                return candidate
            }
            dir = dir.deletingLastPathComponent()
        }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    /// Whether `../shared` is present (tests that need it are skipped with a message otherwise).
    public static var hasShared: Bool {
        FileManager.default.fileExists(atPath: shared.appendingPathComponent("models").path)
    }

    /// A path under `../shared`.
    public static func shared(_ relative: String) -> URL { shared.appendingPathComponent(relative) }

    /// A path under the repository root.
    public static func repo(_ relative: String) -> URL { repositoryRoot.appendingPathComponent(relative) }

    /// Folder for test artefacts (failure diffs, contact sheets): `.build/test-artifacts/<name>`.
    public static func artifactDirectory(_ name: String) -> URL {
        let url = repositoryRoot.appendingPathComponent(".build/test-artifacts").appendingPathComponent(name)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
