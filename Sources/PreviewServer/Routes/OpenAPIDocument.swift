import Foundation

/// The OpenAPI document as one server serves it: the repository's `openapi.json` with the bounds
/// that depend on the configuration filled in, so that a client (or a contract fuzzer) that
/// trusts the document never sends a request this server refuses: `w`/`h` at most the server's
/// max side, `env` one of its environments.
enum OpenAPIDocument {
    /// The render routes whose `w`, `h` and `env` query parameters depend on the configuration.
    static let renderPaths = ["/v1/assets/{id}/frame", "/v1/assets/{id}/turntable"]

    /// `document` with `maximum` of `w`/`h` set to `maxSide` and the `enum` of `env` set to
    /// `environments`; the bytes unchanged when they are not the expected JSON.
    static func specialised(_ document: [UInt8], maxSide: Int, environments: [String]) -> [UInt8] {
        guard var root = try? JSONSerialization.jsonObject(with: Data(document)) as? [String: Any],
            var paths = root["paths"] as? [String: Any]
        else { return document }
        for path in renderPaths {
            guard var item = paths[path] as? [String: Any], var get = item["get"] as? [String: Any],
                let parameters = get["parameters"] as? [[String: Any]]
            else { continue }
            get["parameters"] = parameters.map { parameter in
                guard parameter["in"] as? String == "query", var schema = parameter["schema"] as? [String: Any]
                else { return parameter }
                switch parameter["name"] as? String {
                case "w", "h": schema["maximum"] = maxSide
                case "env": schema["enum"] = environments
                default: return parameter
                }
                var changed = parameter
                changed["schema"] = schema
                return changed
            }
            item["get"] = get
            paths[path] = item
        }
        root["paths"] = paths
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return document }
        return Array(data)
    }
}
