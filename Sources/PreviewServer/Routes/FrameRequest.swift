import Render

/// The normalised parameters of one view: angles and exposure rounded to hundredths, yaw
/// wrapped into [0, 360), settings that do not change the bytes dropped (JPEG quality of a PNG),
/// so that equal pictures get equal cache keys.
public struct FrameRequest: Equatable, Sendable {
    /// Rotation around the vertical axis, hundredths of a degree in [0, 36000). The default is
    /// a three-quarter view (35°), the usual product shot; turntables start at the front (0°).
    public var yawHundredths = FrameRequest.defaultYawHundredths
    /// Elevation, hundredths of a degree in [-8900, 8900].
    public var pitchHundredths = 1500
    /// Zoom, hundredths (100 = fit the product's bounding sphere).
    public var zoomHundredths = 100
    /// Output size in pixels.
    public var width = 512
    /// Output size in pixels.
    public var height = 512
    /// Encoded format.
    public var format = FrameFormat.png
    /// JPEG quality (0 for PNG, which has none).
    public var quality = 0
    /// `transparent`, `env`, or 8 hex digits RRGGBBAA.
    public var background = "transparent"
    /// Environment name.
    public var environment = "studio"
    /// Exposure, hundredths of a stop.
    public var exposureHundredths = 0
    /// `KHR_materials_variants` name, empty for the default materials.
    public var variant = ""
    /// Coverage samples per pixel.
    public var samples = 4
    /// Tone mapping operator.
    public var toneMapping = ToneMapping.pbrNeutral

    /// Yaw of a frame requested without `yaw`: a three-quarter view from the front-right.
    public static let defaultYawHundredths = 3500

    /// Names of the frame route's parameters.
    public static let parameterNames = [
        "yaw", "pitch", "zoom", "w", "h", "format", "quality", "bg", "env", "exposure", "variant", "aa", "tonemap", "v",
        "sig",
    ]

    /// The canonical text hashed into the cache key.
    public var canonical: String {
        "frame;w=\(width);h=\(height);yaw=\(yawHundredths);pitch=\(pitchHundredths);zoom=\(zoomHundredths);"
            + "aa=\(samples);bg=\(background);env=\(environment);exposure=\(exposureHundredths);"
            + "variant=\(variant);tonemap=\(toneMapping.rawValue);format=\(format.rawValue);quality=\(quality)"
    }

    /// The renderer's options for this view.
    public var renderOptions: RenderOptions {
        var options = RenderOptions()
        options.width = width
        options.height = height
        options.samples = samples
        options.camera = .orbit(
            OrbitCamera(
                yawDegrees: Float(yawHundredths) / 100, pitchDegrees: Float(pitchHundredths) / 100,
                zoom: Float(zoomHundredths) / 100))
        options.exposure = Float(exposureHundredths) / 100
        options.variant = variant.isEmpty ? nil : variant
        options.toneMapping = toneMapping
        switch background {
        case "transparent": options.background = .transparent
        case "env": options.background = .environment
        default:
            let rgba = [UInt8](hexString: background) ?? [255, 255, 255, 255]
            options.background = .color(SIMD4(rgba.map { Float($0) / 255 }))
        }
        return options
    }
}

extension FrameRequest {
    /// Parses the shared view parameters (everything but `format` negotiation).
    /// - Parameters:
    ///   - query: the reader over the request's query.
    ///   - maxSide: the largest width/height.
    ///   - defaultSide: width/height when absent.
    ///   - defaultYaw: yaw in degrees when absent.
    ///   - environments: accepted `env` names (the first is the default).
    ///   - acceptedFormat: the format picked from `Accept` when `format` is absent.
    /// - Throws: ``ParameterError`` naming the parameter and its range.
    init(
        query: QueryReader, maxSide: Int, defaultSide: Int, defaultYaw: Double = Double(defaultYawHundredths) / 100,
        environments: [String], acceptedFormat: FrameFormat
    ) throws {
        let yaw = try query.hundredths("yaw", in: -3600...3600, default: defaultYaw)
        yawHundredths = ((yaw % 36000) + 36000) % 36000
        pitchHundredths = try query.hundredths("pitch", in: -89...89, default: 15)
        zoomHundredths = try query.hundredths("zoom", in: 0.25...8, default: 1)
        width = try query.int("w", in: 16...maxSide, default: min(defaultSide, maxSide))
        height = try query.int("h", in: 16...maxSide, default: min(defaultSide, maxSide))
        format =
            try query.choice("format", FrameFormat.allCases.map(\.rawValue), default: nil)
            .flatMap(FrameFormat.init(rawValue:)) ?? acceptedFormat
        let quality = try query.int("quality", in: 1...100, default: 85)
        self.quality = format == .jpeg ? quality : 0
        background = try Self.parseBackground(query.string("bg"), format: format)
        environment = try query.choice("env", environments, default: environments.first) ?? "studio"
        exposureHundredths = try query.hundredths("exposure", in: -10...10, default: 0)
        variant = try Self.parseVariant(query.string("variant"))
        samples = try Int(query.choice("aa", ["1", "2", "4", "8"], default: "4") ?? "4") ?? 4
        let tonemap = try query.choice("tonemap", ToneMapping.allCases.map(\.rawValue), default: "neutral")
        toneMapping = tonemap.flatMap(ToneMapping.init(rawValue:)) ?? .pbrNeutral
    }

    /// `transparent`, `env`, `RRGGBB` or `RRGGBBAA` (a leading `#` allowed) → canonical form.
    /// A JPEG has no alpha, so transparent becomes white and the alpha is dropped.
    static func parseBackground(_ text: String?, format: FrameFormat) throws -> String {
        let value = (text ?? "transparent").lowercased()
        let expected = "transparent, env, or a colour RRGGBB / RRGGBBAA"
        switch value {
        case "transparent": return format == .jpeg ? "ffffffff" : "transparent"
        case "env": return "env"
        default:
            let hex = value.hasPrefix("#") ? String(value.dropFirst()) : value
            guard hex.utf8.count == 6 || hex.utf8.count == 8, [UInt8](hexString: hex) != nil else {
                throw ParameterError.invalid(name: "bg", value: text ?? "", expected: expected)
            }
            let rgba = hex.utf8.count == 6 ? hex + "ff" : hex
            return format == .jpeg ? String(rgba.prefix(6)) + "ff" : rgba
        }
    }

    /// A variant name: 1-64 printable characters (checked against the asset later).
    static func parseVariant(_ text: String?) throws -> String {
        guard let text, !text.isEmpty else { return "" }
        guard text.utf8.count <= 64, text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0 != ";" }) else {
            throw ParameterError.invalid(name: "variant", value: text, expected: "a variant name of the asset")
        }
        return text
    }
}
