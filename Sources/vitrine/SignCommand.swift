import ArgumentParser
import Foundation
import PreviewServer

/// `vitrine sign URL`: appends the `sig` parameter a server with a signing key expects.
struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign", abstract: "Sign a frame or turntable URL for a server with VITRINE_SIGNING_KEY.")

    @Argument(help: "A URL or a path with its query, e.g. /v1/assets/chair/frame?yaw=30&w=512")
    var url: String

    @Option(help: "The signing key (default: VITRINE_SIGNING_KEY).")
    var key: String?

    func run() throws {
        guard let key = key ?? ProcessInfo.processInfo.environment["VITRINE_SIGNING_KEY"], !key.isEmpty else {
            throw ValidationError("no key: pass --key or set VITRINE_SIGNING_KEY")
        }
        print(Self.sign(url, key: key))
    }

    /// Signs `url`, keeping a scheme and authority in front of the signed path, if any.
    static func sign(_ url: String, key: String) -> String {
        var prefix = ""
        var pathAndQuery = url
        if let scheme = url.range(of: "://") {
            let afterScheme = url[scheme.upperBound...]
            let slash = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
            prefix = String(url[..<slash])
            pathAndQuery = slash == afterScheme.endIndex ? "/" : String(url[slash...])
        }
        return prefix + URLSigner(key: key).signed(pathAndQuery)
    }
}
