import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle

/// Builds the service the way `vitrine serve` runs it.
///
/// ```swift
/// var config = try ServerConfiguration(environment: ProcessInfo.processInfo.environment)
/// config.assetsDirectory = "assets"
/// let app = try await buildApplication(config)
/// try await app.runService()  // SIGTERM / SIGINT: graceful shutdown
/// ```
/// - Parameters:
///   - config: the configuration.
///   - backend: the renderer seam (``StandardBackend`` unless a test passes a double).
///   - onRunning: called with the bound port once the server listens (port 0 picks one).
///   - onReady: called with the bound port and the services once the server listens and the
///     catalogue is loaded (what `/readyz` waits for).
/// - Throws: ``ConfigurationError``, ``CacheError`` or a missing resource.
public func buildApplication(
    _ config: ServerConfiguration, backend: (any RenderBackend)? = nil,
    onRunning: (@Sendable (Int) async -> Void)? = nil,
    onReady: (@Sendable (Int, ServiceContext) async -> Void)? = nil
) async throws -> some ApplicationProtocol {
    try config.validate()
    var logger = Logger(label: "vitrine")
    logger.logLevel = Logger.Level(rawValue: config.logLevel) ?? .info
    let services = try buildServiceContext(config, backend: backend ?? StandardBackend(config), logger: logger)
    return try buildApplication(services, onRunning: onRunning, onReady: onReady)
}

/// Builds the service over already built parts (tests reach into `services`).
/// - Throws: a missing resource.
public func buildApplication(
    _ services: ServiceContext, onRunning: (@Sendable (Int) async -> Void)? = nil,
    onReady: (@Sendable (Int, ServiceContext) async -> Void)? = nil
) throws -> some ApplicationProtocol {
    let config = services.configuration
    let router = try buildRouter(services)
    services.catalogue.scan()
    let http1 = HTTP1Channel.Configuration(idleTimeout: .seconds(Int64(config.idleTimeoutSeconds)))
    return Application(
        router: router,
        server: .http1(configuration: http1),
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "vitrine"),
        services: [services.pool, AssetLoadingService(services: services), PhotoSweepService(store: services.photos)],
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? config.port
            await onRunning?(port)
            if let onReady {
                Task {
                    await services.catalogue.waitUntilReady()
                    await onReady(port, services)
                }
            }
        },
        // Hummingbird tags this logger with a request id per request: format it only when written.
        logger: services.logger.deferringMetadata)
}

/// The router with every route and middleware; ``buildApplication(_:onRunning:)`` serves it.
/// - Throws: a missing resource (pages, `openapi.json`).
public func buildRouter(_ services: ServiceContext) throws -> Router<BasicRequestContext> {
    // HEAD answers as GET without the body (proxies and link checkers send it).
    let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: RequestLogMiddleware(metrics: services.metrics, logger: services.logger))
    if !services.configuration.corsOrigins.isEmpty {
        router.add(middleware: CORSPolicyMiddleware(origins: services.configuration.corsOrigins))
    }
    HealthController(services: services).addRoutes(to: router)
    AssetController(services: services).addRoutes(to: router)
    FrameController(services: services).addRoutes(to: router)
    TryOnController(services: services).addRoutes(to: router)
    PhotoController(services: services).addRoutes(to: router)
    PageController(services: services, resources: try PageResources.load()).addRoutes(to: router)
    // Last: wraps only the not-found responder (405 with Allow, or a 404 with a message).
    router.add(
        middleware: RouteFallbackMiddleware(routes: router.routes.map { ($0.path.description, $0.method) }))
    return router
}

/// Loads the assets after start-up (so `/healthz` answers at once and `/readyz` waits), then
/// stays until shutdown (a service that returned would stop the group).
struct AssetLoadingService: Service {
    let services: ServiceContext

    func run() async throws {
        if services.configuration.preloadAssets {
            await services.catalogue.preload()
        } else {
            services.catalogue.markReady()
        }
        try? await gracefulShutdown()
    }
}
