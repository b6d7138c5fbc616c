import Foundation
import HTTPTypes
import Testing

@testable import PreviewServer

/// Hostile URLs against a live server: unsigned and tampered signed URLs, writes without the
/// right API key, path escapes in asset ids, junk in every query parameter. Each gets a 4xx
/// with a message, quickly, and a normal client is served meanwhile.
@Suite struct HostileURLTests {
    private static let frame = "/v1/assets/chair/frame"

    @Test func unsignedAndTamperedURLsGet403WhenASigningKeyIsSet() async throws {
        var config = TestServer.configuration(assets: try TestAssets.folder(ids: ["chair", "mug"]))
        config.signingKey = "gauntlet-signing-key"
        let signer = URLSigner(key: "gauntlet-signing-key")
        let base = Self.frame + "?w=64&h=64"
        let valid = signer.signed(base)
        let sig = String(valid[valid.range(of: "sig=")!.upperBound...])
        let flipped = String(sig.dropLast()) + (sig.last == "A" ? "B" : "A")
        let attacks: [(String, String)] = [
            ("unsigned", base),
            ("unsigned turntable", "/v1/assets/chair/turntable?frames=2&w=32&h=32"),
            ("empty sig", base + "&sig="),
            ("one character changed", base + "&sig=" + flipped),
            ("truncated", base + "&sig=" + sig.dropLast(4)),
            ("query changed after signing", valid.replacingOccurrences(of: "w=64", with: "w=65")),
            ("parameter added after signing", valid + "&yaw=90"),
            ("parameters reordered", Self.frame + "?h=64&w=64&sig=" + sig),
            ("sig given twice", valid + "&sig=" + sig),
            (
                "another asset's signature",
                signer.signed("/v1/assets/mug/frame?w=64&h=64").replacingOccurrences(
                    of: "/mug/", with: "/chair/")
            ),
            ("signed with another key", URLSigner(key: "guessed").signed(base)),
            (
                "sig percent-encoded",
                base + "&sig=" + sig.prefix(1) + "%" + String(format: "%02X", sig.utf8.dropFirst().first!)
                    + sig.dropFirst(2)
            ),
            ("10 KB sig", base + "&sig=" + String(repeating: "A", count: 10_000)),
        ]
        try await TestServer.run(config, backend: TestBackend()) { _, port in
            var durations: [Double] = []
            for (what, uri) in attacks {
                let (answer, ms) = try await Gauntlet.timed { try await HTTP.get(port, uri) }
                durations.append(ms)
                Gauntlet.expectRefused(answer, [403], mentioning: "signature", what)
            }
            Gauntlet.report("unsigned or tampered signed URL", durations)
            let served = try await HTTP.get(port, valid)
            #expect(served.status == .ok, "the signed URL: \(served.text)")
        }
    }

    @Test func writesWithoutTheRightAPIKeyGet401AndChangeNothing() async throws {
        let root = try TestAssets.folder(ids: ["chair"])
        var config = TestServer.configuration(assets: root)
        config.apiKey = "right-key"
        let glb = try TestAssets.glb("mug")
        let keys: [(String, HTTPFields)] = [
            ("no key", [:]),
            ("wrong X-API-Key", [HTTPField.Name("X-API-Key")!: "wrong-key"]),
            ("empty X-API-Key", [HTTPField.Name("X-API-Key")!: ""]),
            ("key in upper case", [HTTPField.Name("X-API-Key")!: "RIGHT-KEY"]),
            ("prefix of the key", [HTTPField.Name("X-API-Key")!: "right-ke"]),
            ("key with a suffix", [HTTPField.Name("X-API-Key")!: "right-keyx"]),
            ("wrong bearer", [.authorization: "Bearer wrong-key"]),
            ("basic auth with the key", [.authorization: "Basic cmlnaHQta2V5OnJpZ2h0LWtleQ=="]),
            ("10 KB key", [HTTPField.Name("X-API-Key")!: String(repeating: "k", count: 10_000)]),
        ]
        let before = try Self.files(under: root)
        try await TestServer.run(config, backend: TestBackend()) { _, port in
            var durations: [Double] = []
            for (what, headers) in keys {
                for (method, uri) in [(HTTPRequest.Method.put, "/v1/assets/intruder"), (.delete, "/v1/assets/chair")] {
                    let (answer, ms) = try await Gauntlet.timed {
                        try await HTTP.send(
                            port, uri, method: method, headers: headers, body: method == .put ? glb : nil)
                    }
                    durations.append(ms)
                    Gauntlet.expectRefused(answer, [401], mentioning: "API key", "\(method) with \(what)")
                    #expect(answer.header("WWW-Authenticate") != nil)
                }
            }
            Gauntlet.report("write without the right API key", durations)
            #expect(try Self.files(under: root) == before, "a refused write changed the assets folder")
            #expect(try await HTTP.get(port, "/v1/assets/chair").status == .ok)
            #expect(try await HTTP.get(port, "/v1/assets/intruder").status == .notFound)
            try await Gauntlet.expectNormalFrame(port, after: "refused writes")
            // The routes do work with the key: the refusals above were not a broken route.
            let stored = try await HTTP.send(
                port, "/v1/assets/intruder", method: .put, headers: [.authorization: "Bearer right-key"], body: glb)
            #expect(stored.status == .created, "\(stored.text)")
        }
    }

    @Test func pathEscapesInAssetIDsGet4xxAndTouchNoFile() async throws {
        let root = try TestAssets.folder(ids: ["chair"])
        var config = TestServer.configuration(assets: root)
        config.apiKey = "right-key"
        let ids = [
            "..", "%2e%2e", "%2E%2E", "..%2f..%2fetc%2fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "chair%2f..%2f..%2fx",
            "%2fetc%2fpasswd", "..%5c..%5cwindows", "%c0%ae%c0%ae", "a%00b", "%00", "chair%00.glb", "chair.glb",
            "CHAIR", "-chair", "_chair", "chair%20", "ch%C3%A4ir", String(repeating: "a", count: 65),
            String(repeating: "a", count: 4000),
        ]
        let glb = try TestAssets.glb("mug")
        let before = try Self.files(under: root)
        try await TestServer.run(config, backend: TestBackend()) { _, port in
            var durations: [Double] = []
            for id in ids {
                let requests: [(HTTPRequest.Method, String)] = [
                    (.get, "/v1/assets/\(id)"), (.get, "/v1/assets/\(id)/frame"), (.get, "/v1/assets/\(id)/turntable"),
                    (.get, "/viewer/\(id)"), (.put, "/v1/assets/\(id)"), (.delete, "/v1/assets/\(id)"),
                ]
                for (method, uri) in requests {
                    let (answer, ms) = try await Gauntlet.timed {
                        try await HTTP.send(
                            port, uri, method: method, headers: [HTTPField.Name("X-API-Key")!: "right-key"],
                            body: method == .put ? glb : nil)
                    }
                    durations.append(ms)
                    Gauntlet.expectRefused(answer, [400, 404], "\(method) \(uri.prefix(80))")
                }
            }
            Gauntlet.report("path escape in an asset id", durations)
            #expect(try Self.files(under: root) == before, "an escaping id changed the assets folder")
            try await Gauntlet.expectNormalFrame(port, after: "path escapes")
        }
    }

    @Test(arguments: ["frame", "turntable"])
    func junkInEveryQueryParameterGets400NamingIt(route: String) async throws {
        let names = route == "frame" ? FrameRequest.parameterNames : TurntableRequest.parameterNames
        let base = route == "frame" ? ["w": "32", "h": "32"] : ["frames": "2", "w": "32", "h": "32"]
        let free: Set = ["v", "sig"]  // any text: compared with the content hash, or ignored without a key
        let positive: Set = ["w", "h", "zoom", "quality", "frames", "rows"]  // -1 and 0 are out of range
        try await TestServer.run(
            TestServer.configuration(assets: try TestAssets.folder(ids: ["chair"])), backend: TestBackend()
        ) { _, port in
            var durations: [Double] = []
            for name in names {
                var values = Gauntlet.junk.map { ($0, !free.contains(name) && !(name == "variant" && $0.isEmpty)) }
                values += ["-1", "0", "-0.0001"].map { ($0, positive.contains(name) || name == "variant") }
                for (value, mustRefuse) in values {
                    var query = base
                    query[name] = value
                    let text = query.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
                    let uri = "/v1/assets/chair/\(route)?\(text)"
                    let (answer, ms) = try await Gauntlet.timed { try await HTTP.get(port, uri) }
                    let status = Int(answer.status.code)
                    #expect(status == 200 || status == 400, "\(name)=\(value.prefix(20)): \(status) \(answer.text)")
                    if mustRefuse {
                        durations.append(ms)
                        Gauntlet.expectRefused(answer, [400], mentioning: "'\(name)'", "\(name)=\(value.prefix(20))")
                    }
                }
            }
            Gauntlet.report("junk query value (\(route))", durations)
            try await Gauntlet.expectNormalFrame(port, after: "junk query values")
        }
    }

    @Test func undeclaredMethodsGet405WithAllowAndHeadAnswersLikeGet() async throws {
        try await TestServer.run(
            TestServer.configuration(assets: try TestAssets.folder(ids: ["chair"])), backend: TestBackend()
        ) { _, port in
            let cases: [(HTTPRequest.Method, String, String)] = [
                (.trace, "/v1/assets", "GET, HEAD"), (.patch, "/v1/assets/chair", "DELETE, GET, HEAD, PUT"),
                (.post, "/v1/assets/chair/frame", "GET, HEAD"), (.delete, "/openapi.json", "GET, HEAD"),
                (.put, "/v1/tryon", "POST"), (.options, "/healthz", "GET, HEAD"),
            ]
            for (method, uri, allow) in cases {
                let answer = try await HTTP.send(port, uri, method: method)
                Gauntlet.expectRefused(answer, [405], mentioning: "allowed", "\(method) \(uri)")
                let allowed = answer.header("Allow")?.split(separator: ",").map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                #expect(allowed?.sorted().joined(separator: ", ") == allow, "\(method) \(uri): Allow \(allowed ?? [])")
            }
            Gauntlet.expectRefused(try await HTTP.get(port, "/no/such/route"), [404], mentioning: "no route", "404")
            let head = try await HTTP.send(port, "/v1/assets/chair", method: .head)
            #expect(head.status == .ok && head.bytes.isEmpty)
        }
    }

    /// Every file under `folder`, relative, sorted.
    private static func files(under folder: URL) throws -> [String] {
        let paths = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        return paths.sorted()
    }
}
