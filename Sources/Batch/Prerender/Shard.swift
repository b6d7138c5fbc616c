/// Which part of the work a run does: frames whose index `i` in the plan has `i % count == index`.
///
/// From `--shard I/N`, or from the environment of a Kubernetes Indexed Job:
/// `JOB_COMPLETION_INDEX` (set by Kubernetes) and ``countVariable`` (set in the Job's pod
/// template to the Job's `completions`).
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// This run's shard, 0-based.
    public var index: Int
    /// Number of shards.
    public var count: Int

    /// The environment variable with the number of shards.
    public static let countVariable = "VITRINE_SHARD_COUNT"
    /// The environment variable Kubernetes sets in each pod of an Indexed Job.
    public static let indexVariable = "JOB_COMPLETION_INDEX"
    /// The whole plan.
    public static let all = Shard(index: 0, count: 1)

    /// A shard. - Precondition: `0 <= index < count`.
    public init(index: Int, count: Int) {
        precondition(count >= 1 && (0..<count).contains(index), "shard index out of range")
        self.index = index
        self.count = count
    }

    /// Parses `I/N` (0 <= I < N <= 100000); nil if malformed.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), (1...100_000).contains(n),
            (0..<n).contains(i)
        else { return nil }
        self.init(index: i, count: n)
    }

    /// The shard from the environment: nil when `JOB_COMPLETION_INDEX` is not set.
    /// - Throws: ``ShardError`` when the variables are set but not usable.
    public static func fromEnvironment(_ environment: [String: String]) throws -> Shard? {
        guard let indexText = environment[indexVariable] else { return nil }
        guard let countText = environment[countVariable] else { throw ShardError.missingCount }
        guard let shard = Shard("\(indexText)/\(countText)") else {
            throw ShardError.invalid("\(indexVariable)=\(indexText), \(countVariable)=\(countText)")
        }
        return shard
    }

    /// Whether unit `i` of the plan is this shard's.
    public func owns(_ unit: Int) -> Bool { unit % count == index }

    /// `I/N`.
    public var description: String { "\(index)/\(count)" }
}

/// A shard given through the environment that cannot be used.
public enum ShardError: Error, Equatable, CustomStringConvertible {
    /// `JOB_COMPLETION_INDEX` without the count.
    case missingCount
    /// Values out of range or not numbers.
    case invalid(String)

    /// One line for the user.
    public var description: String {
        switch self {
        case .missingCount:
            return "\(Shard.indexVariable) is set but \(Shard.countVariable) is not: set it to the Job's completions"
        case .invalid(let text): return "bad shard in the environment (\(text)): need 0 <= index < count"
        }
    }
}
