/// The camera path of a turntable: `frames` yaw steps around the product for each of `rows`
/// pitch rows, row after row (the layout of a sprite sheet: column = yaw, row = pitch).
///
/// Yaw steps are `360° / frames` apart starting at ``startYawDegrees``. Rows are
/// ``rowStepDegrees`` apart, centred on ``basePitchDegrees`` and clamped to ±89°, the same
/// rule as the server's turntable sheets, so a sheet made by `vitrine turntable --sprite`
/// matches the one the service returns.
public struct TurntablePath: Sendable, Equatable {
    /// One view of the turntable.
    public struct Stop: Sendable, Equatable {
        /// Index in the path (row-major).
        public var index: Int
        /// Row (pitch) index.
        public var row: Int
        /// Column (yaw) index.
        public var column: Int
        /// Yaw in degrees, in [0, 360).
        public var yawDegrees: Float
        /// Pitch in degrees.
        public var pitchDegrees: Float
    }

    /// Degrees between pitch rows.
    public static let rowStepDegrees: Float = 20

    /// Yaw steps per row.
    public let frames: Int
    /// Pitch rows.
    public let rows: Int
    /// Yaw of column 0.
    public let startYawDegrees: Float
    /// Pitch of the middle row (of a single row: the llvmpipe peer's and model-viewer's 15°).
    public let basePitchDegrees: Float

    /// Creates a path.
    /// - Precondition: `frames >= 1`, `rows >= 1`.
    public init(frames: Int, rows: Int = 1, startYawDegrees: Float = 0, basePitchDegrees: Float = 15) {
        precondition(frames >= 1 && rows >= 1, "a turntable needs at least one frame and one row")
        self.frames = frames
        self.rows = rows
        self.startYawDegrees = startYawDegrees
        self.basePitchDegrees = basePitchDegrees
    }

    /// Pitch of row `r` in degrees.
    public func pitchDegrees(row r: Int) -> Float {
        let offset = Float(2 * r - (rows - 1)) * Self.rowStepDegrees / 2
        return min(89, max(-89, basePitchDegrees + offset))
    }

    /// Yaw of column `c` in degrees.
    public func yawDegrees(column c: Int) -> Float {
        let yaw = startYawDegrees + 360 * Float(c) / Float(frames)
        return yaw.truncatingRemainder(dividingBy: 360)
    }

    /// Every stop, row after row.
    public var stops: [Stop] {
        var out: [Stop] = []
        out.reserveCapacity(frames * rows)
        for r in 0..<rows {
            for c in 0..<frames {
                out.append(
                    Stop(
                        index: r * frames + c, row: r, column: c, yawDegrees: yawDegrees(column: c),
                        pitchDegrees: pitchDegrees(row: r)))
            }
        }
        return out
    }
}
