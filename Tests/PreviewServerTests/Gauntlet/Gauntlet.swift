import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// What the hostile-request tests share: timing each attack, checking that its answer is a 4xx
/// with a message, and that a normal client is still served.
enum Gauntlet {
    /// Bound asserted on every hostile answer. Real answers take a few milliseconds (see the
    /// figures printed by each test and RELIABILITY.md); the bound only catches a hang or a cost
    /// out of proportion, with room for a loaded 2-core CI machine running suites in parallel.
    static let boundMilliseconds = 2000.0

    /// The normal request other clients keep making: a small frame of the chair.
    static let normalFrame = "/v1/assets/chair/frame?w=64&h=64&yaw=10"

    /// Values that no numeric or named parameter accepts.
    static let junk = [
        "NaN", "nan", "-NaN", "inf", "-inf", "Infinity", "1e309", "-1e309", "99999999999999999999",
        "-99999999999999999999", "18446744073709551616", "%00", "1%00", "", "%20", "abc", "1;2", "%FF%FE",
        String(repeating: "9", count: 2000),
    ]

    /// Runs `request`, returning its answer and its duration in milliseconds.
    static func timed<T>(_ request: () async throws -> T) async throws -> (T, Double) {
        let start = ContinuousClock.now
        let answer = try await request()
        let elapsed = ContinuousClock.now - start
        return (answer, Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
    }

    /// The `error.message` of a JSON error body, or nil.
    static func message(_ answer: TestClient.Response) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(answer.bytes)) as? [String: Any],
            let error = object["error"] as? [String: Any]
        else { return nil }
        return error["message"] as? String
    }

    /// Expects a 4xx in `statuses` with a JSON message (containing `mentioning` when given).
    static func expectRefused(
        _ answer: TestClient.Response, _ statuses: Set<Int>, mentioning: String? = nil, _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let status = Int(answer.status.code)
        #expect(statuses.contains(status), "\(what): status \(status): \(answer.text)", sourceLocation: sourceLocation)
        let message = self.message(answer)
        #expect(message?.isEmpty == false, "\(what): no message in \(answer.text)", sourceLocation: sourceLocation)
        if let mentioning {
            #expect(
                message?.contains(mentioning) == true, "\(what): message does not name \(mentioning): \(answer.text)",
                sourceLocation: sourceLocation)
        }
    }

    /// Expects a normal frame request to answer 200 with a PNG.
    static func expectNormalFrame(
        _ port: Int, after attack: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let answer = try await HTTP.get(port, normalFrame)
        #expect(answer.status == .ok, "normal frame after \(attack): \(answer.text)", sourceLocation: sourceLocation)
        #expect(answer.bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), sourceLocation: sourceLocation)
    }

    /// Prints the figures of one attack (for RELIABILITY.md) and expects every duration under
    /// ``boundMilliseconds``.
    static func report(_ attack: String, _ milliseconds: [Double], sourceLocation: SourceLocation = #_sourceLocation) {
        let sorted = milliseconds.sorted()
        guard let max = sorted.last else { return }
        let median = sorted[sorted.count / 2]
        print(
            "gauntlet: \(attack): \(sorted.count) requests, median \(String(format: "%.1f", median)) ms, "
                + "max \(String(format: "%.1f", max)) ms")
        #expect(max < boundMilliseconds, "\(attack): slowest answer \(max) ms", sourceLocation: sourceLocation)
    }
}
