/// The camera path of a turntable: `frames` yaw steps around the product for each of `rows`
/// pitch rows, row after row.
///
/// Yaw steps are `360° / frames` apart starting at 0 (the product's front). One row is at
/// ``defaultPitchDegrees``; several rows are spread evenly from ``lowPitchDegrees`` to
/// ``highPitchDegrees``.
public struct TurntablePath: Sendable, Equatable {
    /// One view of the turntable.
    public struct Stop: Sendable, Equatable {
        /// Index in the path (row-major).
        public var index: Int
        /// Row (pitch) index.
        public var row: Int
        /// Column (yaw) index.
        public var column: Int
        /// Yaw in degrees.
        public var yawDegrees: Float
        /// Pitch in degrees.
        public var pitchDegrees: Float
    }

    /// The pitch of a single-row turntable (as the llvmpipe peer and model-viewer's default).
    public static let defaultPitchDegrees: Float = 15
    /// Lowest pitch of a multi-row turntable.
    public static let lowPitchDegrees: Float = 0
    /// Highest pitch of a multi-row turntable.
    public static let highPitchDegrees: Float = 45

    /// Yaw steps per row.
    public let frames: Int
    /// Pitch rows.
    public let rows: Int

    /// Creates a path.
    /// - Precondition: `frames >= 1`, `rows >= 1`.
    public init(frames: Int, rows: Int = 1) {
        precondition(frames >= 1 && rows >= 1, "a turntable needs at least one frame and one row")
        self.frames = frames
        self.rows = rows
    }

    /// Pitch of row `r` in degrees.
    public func pitchDegrees(row r: Int) -> Float {
        guard rows > 1 else { return Self.defaultPitchDegrees }
        return Self.lowPitchDegrees + (Self.highPitchDegrees - Self.lowPitchDegrees) * Float(r) / Float(rows - 1)
    }

    /// Every stop, row after row.
    public var stops: [Stop] {
        var out: [Stop] = []
        out.reserveCapacity(frames * rows)
        for r in 0..<rows {
            for c in 0..<frames {
                out.append(
                    Stop(
                        index: r * frames + c, row: r, column: c, yawDegrees: 360 * Float(c) / Float(frames),
                        pitchDegrees: pitchDegrees(row: r)))
            }
        }
        return out
    }
}
