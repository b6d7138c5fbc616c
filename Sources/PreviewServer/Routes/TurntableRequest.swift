/// A turntable: `frames` views around the product per row, `rows` rows of elevations, drawn
/// as one sprite sheet (columns = frames, rows = rows) or described as a JSON manifest.
public struct TurntableRequest: Equatable, Sendable {
    /// The settings shared by every cell; its yaw is the first column's.
    public var base: FrameRequest
    /// Views per row (yaw step = 360 / frames).
    public var frames = 36
    /// Rows of elevations (pitch steps of 20° centred on `pitch`).
    public var rows = 1
    /// `image` (the sprite sheet) or `json` (a manifest of per-frame URLs).
    public var layout = "image"

    /// Names of the turntable route's parameters.
    public static let parameterNames = FrameRequest.parameterNames + ["frames", "rows", "layout"]

    /// Largest `frames`.
    public static let maxFrames = 72
    /// Largest `rows`.
    public static let maxRows = 5

    /// Parses the turntable parameters.
    /// - Throws: ``ParameterError`` naming the parameter and its range.
    init(
        query: QueryReader, maxSide: Int, maxSheetPixels: Int, environments: [String], acceptedFormat: FrameFormat
    ) throws {
        base = try FrameRequest(
            query: query, maxSide: maxSide, defaultSide: 256, defaultYaw: 0, environments: environments,
            acceptedFormat: acceptedFormat)
        frames = try query.int("frames", in: 1...Self.maxFrames, default: 36)
        rows = try query.int("rows", in: 1...Self.maxRows, default: 1)
        layout = try query.choice("layout", ["image", "json"], default: "image") ?? "image"
        let pixels = base.width * base.height * frames * rows
        let sheetWidth = base.width * frames
        if layout == "image", pixels > maxSheetPixels || sheetWidth > 32768 {
            throw ParameterError.invalid(
                name: "frames", value: "\(frames)",
                expected:
                    "a sheet of at most \(maxSheetPixels) pixels and 32768 columns: w x h x frames x rows = \(pixels)")
        }
    }

    /// The view in column `column`, row `row`.
    public func cell(column: Int, row: Int) -> FrameRequest {
        var cell = base
        cell.yawHundredths = (base.yawHundredths + column * 36000 / frames) % 36000
        let offset = (2 * row - (rows - 1)) * 1000  // 20° steps centred on the base pitch
        cell.pitchHundredths = min(8900, max(-8900, base.pitchHundredths + offset))
        return cell
    }

    /// The canonical text hashed into the sheet's cache key.
    public var canonical: String { "turntable;frames=\(frames);rows=\(rows);" + base.canonical }
}
