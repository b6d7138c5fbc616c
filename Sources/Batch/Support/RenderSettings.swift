import Foundation
import Render

/// How a batch picture is drawn, besides the camera angle: the keys shared by catalogue
/// presets and golden suite renders (`size`, `samples`, `background`, `environment`,
/// `toneMapping`, `exposure`, `fov`, `zoom`, `shadow`, `format`, `quality`).
public struct RenderSettings: Sendable, Hashable {
    /// Square frame side in pixels.
    public var size = 512
    /// Coverage samples per pixel (1, 2, 4, 8).
    public var samples = 4
    /// `transparent`, `environment` or `#RRGGBB`, as written in the file.
    public var background = "transparent"
    /// `studio` or the path of an equirectangular `.hdr` (resolved against the file's folder).
    public var environment = "studio"
    /// `pbr-neutral`, `aces` or `none`.
    public var toneMapping = "pbr-neutral"
    /// Exposure in EV.
    public var exposure: Float = 0
    /// Vertical field of view of the orbit camera, degrees.
    public var fov: Float = 45
    /// Orbit camera zoom.
    public var zoom: Float = 1
    /// Contact shadow under the product.
    public var shadow = true
    /// Output format.
    public var format = FrameFormat.png
    /// JPEG quality, 1...100.
    public var quality = 85

    /// The defaults above.
    public init() {}

    /// The keys ``merging(_:)`` reads.
    static let keys: Set<String> = [
        "size", "samples", "background", "environment", "toneMapping", "exposure", "fov", "zoom", "shadow",
        "format", "quality",
    ]

    /// These settings with the keys present in `object` replacing them, validated.
    /// - Throws: ``BatchFileError`` naming the key.
    func merging(_ object: JSONObject) throws -> RenderSettings {
        var s = self
        if let v = try object.int("size", in: 16...Renderer.maxSide) { s.size = v }
        if let v = try object.int("samples", in: 1...8) {
            guard SamplePattern.supportedCounts.contains(v) else {
                throw object.error("samples", "must be 1, 2, 4 or 8")
            }
            s.samples = v
        }
        if let v = try object.string("background") {
            guard Self.parseBackground(v) != nil else {
                throw object.error("background", "must be transparent, environment or #RRGGBB, got \"\(v)\"")
            }
            s.background = v
        }
        if let v = try object.string("environment") {
            guard v == "studio" || v.lowercased().hasSuffix(".hdr") else {
                throw object.error("environment", "must be studio or the path of an .hdr file")
            }
            s.environment = v
        }
        if let v = try object.string("toneMapping") {
            guard Self.toneMapping(v) != nil else {
                throw object.error("toneMapping", "must be pbr-neutral, aces or none")
            }
            s.toneMapping = v
        }
        if let v = try object.number("exposure") {
            guard abs(v) <= 16 else { throw object.error("exposure", "must be in -16...16 EV") }
            s.exposure = Float(v)
        }
        if let v = try object.number("fov") {
            guard v > 1, v < 170 else { throw object.error("fov", "must be between 1 and 170 degrees") }
            s.fov = Float(v)
        }
        if let v = try object.number("zoom") {
            guard v > 0.05, v <= 20 else { throw object.error("zoom", "must be in 0.05...20") }
            s.zoom = Float(v)
        }
        if let v = try object.bool("shadow") { s.shadow = v }
        if let v = try object.string("format") {
            guard let f = FrameFormat(rawValue: v == "jpg" ? "jpeg" : v) else {
                throw object.error("format", "must be png or jpeg")
            }
            s.format = f
        }
        if let v = try object.int("quality", in: 1...100) { s.quality = v }
        return s
    }

    /// Checks combinations of keys once everything is merged.
    func validate(at object: JSONObject) throws {
        if format == .jpeg && background == "transparent" {
            throw object.error("background", "JPEG has no transparency: use a #RRGGBB or environment background")
        }
    }

    /// Renderer options for one view.
    public func options(yawDegrees: Float, pitchDegrees: Float, variant: String?) -> RenderOptions {
        var o = RenderOptions()
        o.width = size
        o.height = size
        o.samples = samples
        o.background = Self.parseBackground(background) ?? .transparent
        o.exposure = exposure
        o.toneMapping = Self.toneMapping(toneMapping) ?? .pbrNeutral
        o.variant = variant
        o.shadow = shadow
        o.camera = .orbit(OrbitCamera(yawDegrees: yawDegrees, pitchDegrees: pitchDegrees, fovDegrees: fov, zoom: zoom))
        return o
    }

    /// A canonical text of every setting, for content hashes.
    var fingerprint: String {
        "size=\(size);samples=\(samples);bg=\(background);env=\(environment);tm=\(toneMapping);ev=\(exposure);"
            + "fov=\(fov);zoom=\(zoom);shadow=\(shadow);format=\(format.rawValue);q=\(quality)"
    }

    /// `transparent`, `environment` or `#RRGGBB`.
    static func parseBackground(_ text: String) -> Background? {
        switch text {
        case "transparent": return .transparent
        case "environment", "env": return .environment
        default:
            guard text.hasPrefix("#"), text.count == 7, let v = UInt32(text.dropFirst(), radix: 16) else { return nil }
            func c(_ shift: UInt32) -> Float { Float((v >> shift) & 0xFF) / 255 }
            return .color(SIMD4(c(16), c(8), c(0), 1))
        }
    }

    /// The file's tone mapping names.
    static func toneMapping(_ text: String) -> ToneMapping? {
        switch text {
        case "pbr-neutral", "neutral": return .pbrNeutral
        default: return ToneMapping(rawValue: text)
        }
    }
}
