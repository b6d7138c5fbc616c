/// Builds the URLs the API hands out (asset facts, turntable manifests, the viewer page),
/// versioned with `v=<content hash>` and signed when a signing key is set.
struct FrameURL {
    let signer: URLSigner?

    /// `/v1/assets/{id}/frame?...` for a normalised request.
    func frame(id: String, _ request: FrameRequest, version: String?) -> String {
        finish("/v1/assets/\(id)/frame", query(request), version: version)
    }

    /// `/v1/assets/{id}/turntable?...`.
    func turntable(id: String, _ request: TurntableRequest, layout: String, version: String?) -> String {
        var pairs = query(request.base)
        pairs.append(("frames", String(request.frames)))
        pairs.append(("rows", String(request.rows)))
        if layout != "image" { pairs.append(("layout", layout)) }
        return finish("/v1/assets/\(id)/turntable", pairs, version: version)
    }

    private func finish(_ path: String, _ pairs: [(String, String)], version: String?) -> String {
        var pairs = pairs
        if let version { pairs.append(("v", version)) }
        let url = path + "?" + pairs.map { "\($0.0)=\(Self.escape($0.1))" }.joined(separator: "&")
        return signer?.signed(url) ?? url
    }

    private func query(_ request: FrameRequest) -> [(String, String)] {
        let defaults = FrameRequest()
        var pairs: [(String, String)] = [
            ("yaw", Self.decimal(request.yawHundredths)), ("pitch", Self.decimal(request.pitchHundredths)),
            ("w", String(request.width)), ("h", String(request.height)), ("format", request.format.rawValue),
        ]
        if request.zoomHundredths != defaults.zoomHundredths {
            pairs.append(("zoom", Self.decimal(request.zoomHundredths)))
        }
        if request.format == .jpeg { pairs.append(("quality", String(request.quality))) }
        if request.background != defaults.background { pairs.append(("bg", request.background)) }
        pairs.append(("env", request.environment))
        if request.exposureHundredths != 0 { pairs.append(("exposure", Self.decimal(request.exposureHundredths))) }
        if !request.variant.isEmpty { pairs.append(("variant", request.variant)) }
        if request.samples != defaults.samples { pairs.append(("aa", String(request.samples))) }
        if request.toneMapping != defaults.toneMapping { pairs.append(("tonemap", request.toneMapping.rawValue)) }
        return pairs
    }

    /// Hundredths as a short decimal: 1500 → "15", 1250 → "12.5", -5 → "-0.05".
    static func decimal(_ hundredths: Int) -> String {
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0\(fraction)" : String(fraction))
        return "\(sign)\(whole).\(digits)"
    }

    /// Percent-encodes everything but unreserved characters (RFC 3986).
    static func escape(_ value: String) -> String {
        var out = ""
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(UnicodeScalar(byte))
            default:
                out += "%" + [byte].hexString.uppercased()
            }
        }
        return out
    }
}
