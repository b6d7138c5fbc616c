import Foundation
import Testing
import VitrineTestSupport

/// deploy/nginx through `nginx -t`: the harness's configuration from nginx.conf.template (hash,
/// round robin, with the proxy_cache tier) and the production vitrine.conf as installed under
/// /etc/nginx/vitrine/ (with and without the cache tier), each written by
/// `scripts/cluster/cluster.py nginx-config`.
@Suite(.enabled(if: DeployTools.hasNginx, Comment(rawValue: DeployTools.nginxMissingReason)))
struct DeployNginxTests {
    static let variants: [[String]] = [
        [], ["--round-robin"], ["--proxy-cache"], ["--production"], ["--production", "--proxy-cache"],
    ]

    /// Writes the configuration for `flags` under a new folder; returns (folder, nginx.conf).
    func render(_ flags: [String]) throws -> (URL, URL) {
        let folder = try DeployTools.temporaryFolder("nginx")
        let result = try VitrineBinary.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", Fixtures.repo("scripts/cluster/cluster.py").path, "nginx-config", "--out", folder.path] + flags)
        try #require(result.status == 0, "\(result.stderr)")
        return (folder, URL(fileURLWithPath: result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    func nginxTest(_ config: URL) throws -> VitrineBinary.Result {
        let prefix = config.deletingLastPathComponent()
        return try VitrineBinary.run(
            try DeployTools.nginx.get(),
            ["-t", "-p", prefix.path, "-c", config.path, "-e", prefix.appendingPathComponent("test-error.log").path])
    }

    @Test(arguments: variants)
    func configurationPassesNginxTest(flags: [String]) throws {
        let (folder, config) = try render(flags)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try nginxTest(config)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("test is successful"), "\(result.stderr)")
    }

    @Test func renderedConfigurationHasTheRequiredDirectives() throws {
        let (folder, config) = try render([])
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOf: config, encoding: .utf8)
        let proxy = try String(contentsOf: Fixtures.repo("deploy/nginx/vitrine-proxy.conf"), encoding: .utf8)
        let production = try String(contentsOf: Fixtures.repo("deploy/nginx/vitrine.conf"), encoding: .utf8)
        for upstream in [text, production] {
            #expect(upstream.contains("hash $request_uri consistent;"))
            #expect(upstream.contains("keepalive 32;"))
            #expect(upstream.contains("max_fails=1 fail_timeout=10s"))
        }
        #expect(text.components(separatedBy: "server 127.0.0.1:").count - 1 == 3)
        for directive in [
            "proxy_next_upstream error timeout http_503;", "proxy_next_upstream_tries 3;", "proxy_http_version 1.1;",
            "proxy_set_header Connection \"\";", "proxy_pass http://vitrine;",
        ] {
            #expect(proxy.contains(directive), "\(directive)")
        }
        // ETag and Cache-Control must reach the client unchanged.
        #expect(!proxy.contains("proxy_hide_header"))
        #expect(!proxy.contains("proxy_ignore_headers"))
    }

    /// The check is real: a configuration nginx rejects fails `nginx -t`.
    @Test func aBrokenConfigurationFailsNginxTest() throws {
        let (folder, config) = try render([])
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOf: config, encoding: .utf8)
        try text.replacingOccurrences(of: "hash $request_uri consistent;", with: "hash $request_uri sticky;")
            .write(to: config, atomically: true, encoding: .utf8)
        let result = try nginxTest(config)
        #expect(result.status != 0)
        #expect(result.stderr.contains("invalid parameter \"sticky\""), "\(result.stderr)")
    }
}
