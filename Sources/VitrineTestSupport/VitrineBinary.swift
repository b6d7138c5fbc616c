import Foundation

/// Finds and runs the built `vitrine` executable in end-to-end CLI tests.
public enum VitrineBinary {
    /// The binary next to the test bundle (`.build/<config>/vitrine`), if built.
    public static var url: URL? {
        let bundle = Bundle.main.bundleURL
        var dir = bundle
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("vitrine")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    /// Output of one run.
    public struct Result: Sendable {
        /// Exit status.
        public var status: Int32
        /// Everything printed on standard output.
        public var stdout: String
        /// Everything printed on standard error.
        public var stderr: String
    }

    /// Runs the binary with arguments and waits for it.
    /// - Parameter environment: variables added to this process's environment for the child.
    /// - Throws: when the process cannot be started.
    public static func run(
        _ binary: URL, _ arguments: [String], currentDirectory: URL? = nil, environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a chatty child cannot block on a full pipe.
        let errData = AsyncData(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData.wait(), as: UTF8.self))
    }
}

/// Reads a file handle to its end on a background thread.
private final class AsyncData: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
