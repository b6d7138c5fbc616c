import Foundation
import VitrineTestSupport

/// The outside references the image tests compare against: the PyPI `pixelmatch` package (the
/// reference port of mapbox/pixelmatch) and Pillow (an independent PNG/JPEG decoder). They
/// live in a virtual environment under `.build/pyenv-pixelmatch`, created by the first test
/// that needs them (`python3 -m venv` + `pip install`); later runs reuse it.
enum PythonReference {
    /// What is installed. pixelmatch is pinned: it is the algorithm reference.
    static let packages = ["pixelmatch==0.4.0", "pillow>=10"]

    /// The venv folder.
    static let directory = Fixtures.repo(".build/pyenv-pixelmatch")

    /// The venv's python, made once per test process (a global initialiser runs once, even
    /// when tests run in parallel).
    static let python: Result<URL, PythonReferenceError> = makeEnvironment()

    /// Runs `script` with the venv's python and returns its standard output.
    /// - Throws: ``PythonReferenceError`` when the venv cannot be made (no python3, PyPI
    ///   unreachable) or the script fails.
    static func run(script: String, arguments: [String] = []) throws -> Data {
        let python = try python.get()
        let result = try VitrineBinary.run(python, ["-c", script] + arguments)
        guard result.status == 0 else {
            throw PythonReferenceError.scriptFailed(status: result.status, stderr: result.stderr)
        }
        return Data(result.stdout.utf8)
    }

    private static func makeEnvironment() -> Result<URL, PythonReferenceError> {
        let python = directory.appendingPathComponent("bin/python")
        let check = ["-c", "import pixelmatch, PIL"]
        if FileManager.default.isExecutableFile(atPath: python.path),
            let result = try? VitrineBinary.run(python, check), result.status == 0
        {
            return .success(python)
        }
        guard
            let system = ["/usr/bin/python3", "/usr/local/bin/python3", "/opt/homebrew/bin/python3"].first(where: {
                FileManager.default.isExecutableFile(atPath: $0)
            })
        else {
            return .failure(.noPython)
        }
        do {
            let venv = try VitrineBinary.run(URL(fileURLWithPath: system), ["-m", "venv", directory.path])
            guard venv.status == 0 else { return .failure(.setupFailed(step: "python3 -m venv", output: venv.stderr)) }
            let pip = directory.appendingPathComponent("bin/pip")
            let install = try VitrineBinary.run(
                pip, ["install", "--quiet", "--disable-pip-version-check"] + packages)
            guard install.status == 0 else {
                return .failure(
                    .setupFailed(
                        step: "pip install \(packages.joined(separator: " ")) (is PyPI reachable?)",
                        output: install.stderr))
            }
            return .success(python)
        } catch {
            return .failure(.setupFailed(step: "starting python3", output: "\(error)"))
        }
    }
}

/// Why the Python reference could not run.
enum PythonReferenceError: Error, CustomStringConvertible {
    /// No python3 on the machine.
    case noPython
    /// Creating the venv or installing the packages failed.
    case setupFailed(step: String, output: String)
    /// The reference script exited with an error.
    case scriptFailed(status: Int32, stderr: String)

    var description: String {
        switch self {
        case .noPython:
            return "python3 not found: the reference comparison needs python3 with venv and pip"
        case .setupFailed(let step, let output):
            return "could not set up the Python reference in .build/pyenv-pixelmatch: \(step) failed:\n\(output)"
        case .scriptFailed(let status, let stderr):
            return "the Python reference script failed with status \(status):\n\(stderr)"
        }
    }
}
