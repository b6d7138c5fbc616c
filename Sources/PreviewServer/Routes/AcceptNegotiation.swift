/// Picks PNG or JPEG from an `Accept` header when the URL has no `format`.
///
/// The higher q-value of `image/png` and `image/jpeg` wins (with `image/*` and `*/*` as
/// fall-backs); a tie, a missing header or an unparsable one gives PNG (it keeps transparency).
enum AcceptNegotiation {
    /// The format for `accept`.
    static func format(for accept: String?) -> FrameFormat {
        guard let accept, !accept.isEmpty else { return .png }
        var png: Double?
        var jpeg: Double?
        var imageAny: Double?
        var any: Double?
        for item in accept.split(separator: ",").prefix(32) {
            let parts = item.split(separator: ";")
            guard let type = parts.first?.trimmingCharacters(in: .whitespaces).lowercased() else { continue }
            var q = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if pair.count == 2, pair[0] == "q", let value = Double(pair[1]), value.isFinite {
                    q = min(1, max(0, value))
                }
            }
            switch type {
            case "image/png": png = max(png ?? 0, q)
            case "image/jpeg", "image/jpg": jpeg = max(jpeg ?? 0, q)
            case "image/*": imageAny = max(imageAny ?? 0, q)
            case "*/*": any = max(any ?? 0, q)
            default: continue
            }
        }
        let pngQ = png ?? imageAny ?? any ?? 0
        let jpegQ = jpeg ?? imageAny ?? any ?? 0
        return jpegQ > pngQ ? .jpeg : .png
    }
}
