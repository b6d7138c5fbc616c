import ArgumentParser
import Foundation
import Hummingbird
import PreviewServer
import Render

/// `vitrine serve`: the HTTP service. Flags override `VITRINE_*` environment variables, which
/// override the defaults. SIGTERM / SIGINT shut down gracefully (in-flight renders finish).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve frames, turntables and the 360° viewer over HTTP.",
        discussion: "Environment variables: "
            + PreviewServer.ServerConfiguration.environmentVariables.map { "\($0.name) (\($0.meaning))" }.joined(
                separator: ", ")
            + ". Flags win over variables.")

    @Option(help: "Address to bind (VITRINE_HOST).") var host: String?
    @Option(help: "Port to bind, 0 = any free port (VITRINE_PORT).") var port: Int?
    @Option(help: "Assets folder, searched recursively for .glb/.gltf (VITRINE_ASSETS).") var assets: String?
    @Option(help: "Disk frame cache folder (VITRINE_CACHE_DIR).") var cacheDir: String?
    @Option(help: "Concurrent renders (VITRINE_WORKERS; default: cores).") var workers: Int?
    @Option(help: "Renderer threads per frame (VITRINE_RENDER_THREADS).") var renderThreads: Int?
    @Option(help: "Jobs waiting before 503 (VITRINE_QUEUE_LIMIT).") var queueLimit: Int?
    @Option(help: "Memory frame cache in MiB (VITRINE_MEMORY_CACHE_MB).") var memoryCacheMb: Int?
    @Option(help: "Disk frame cache in MiB (VITRINE_DISK_CACHE_MB).") var diskCacheMb: Int?
    @Option(help: "Largest upload in MiB (VITRINE_MAX_UPLOAD_MB).") var maxUploadMb: Int?
    @Option(help: "Comma-separated CORS origins, or * (VITRINE_CORS_ORIGINS).") var corsOrigins: String?
    @Flag(help: "Prepare assets on first use instead of before /readyz (VITRINE_PRELOAD=0).") var lazy = false
    @Option(help: "Log level (VITRINE_LOG_LEVEL).") var logLevel: String?

    /// The configuration from the environment and these flags.
    func makeConfiguration(environment: [String: String]) throws -> PreviewServer.ServerConfiguration {
        var config: PreviewServer.ServerConfiguration
        do {
            config = try PreviewServer.ServerConfiguration(environment: environment)
        } catch {
            throw ValidationError("\(error)")
        }
        if let host { config.host = host }
        if let port { config.port = port }
        if let assets { config.assetsDirectory = assets }
        if let cacheDir { config.cacheDirectory = cacheDir }
        if let workers { config.workers = workers }
        if let renderThreads { config.renderThreadsPerFrame = renderThreads }
        if let queueLimit { config.queueLimit = queueLimit }
        if let memoryCacheMb { config.memoryCacheBytes = memoryCacheMb << 20 }
        if let diskCacheMb { config.diskCacheBytes = diskCacheMb << 20 }
        if let maxUploadMb { config.maxUploadBytes = maxUploadMb << 20 }
        if let corsOrigins { config.corsOrigins = corsOrigins.split(separator: ",").map(String.init) }
        if lazy { config.preloadAssets = false }
        if let logLevel { config.logLevel = logLevel }
        do {
            try config.validate()
        } catch {
            throw ValidationError("\(error)")
        }
        return config
    }

    func run() async throws {
        let config = try makeConfiguration(environment: ProcessInfo.processInfo.environment)
        // Written unbuffered: scripts and tests read these lines from a pipe while the server runs.
        Self.writeLine("vitrine \(RendererVersion.string) serve\n\(config.redactedDescription)")
        let host = config.host
        let app = try await buildApplication(
            config,
            onRunning: { port in
                Self.writeLine("listening on http://\(host):\(port)/")
            },
            onReady: { port, services in
                Self.writeLine(Self.readyMessage(host: host, port: port, ids: services.catalogue.list().map(\.id)))
            })
        try await app.runService()
    }

    /// The line printed once the catalogue is loaded: the assets and the viewer's address
    /// (the sneaker when there is one, else the first asset).
    static func readyMessage(host: String, port: Int, ids: [String]) -> String {
        guard let shown = ids.contains("sneaker") ? "sneaker" : ids.first else {
            return "ready: no assets found (put .glb files in the assets folder)"
        }
        return "ready: \(ids.count) assets (\(ids.joined(separator: ", ")))\n"
            + "viewer: http://\(host):\(port)/viewer/\(shown)"
    }

    private static func writeLine(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
