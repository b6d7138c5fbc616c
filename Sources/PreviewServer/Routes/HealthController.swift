import Hummingbird

/// `GET /healthz` (the process answers), `GET /readyz` (assets loaded and not draining),
/// `GET /metrics` (Prometheus text).
struct HealthController<Context: RequestContext>: Sendable {
    let services: ServiceContext

    struct Readiness: Codable, Sendable {
        var ready: Bool
        var assets: Int
        var draining: Bool
    }

    func addRoutes(to router: Router<Context>) {
        router.get("/healthz") { _, _ in
            Response.bytes(
                Array("ok\n".utf8), contentType: "text/plain; charset=utf-8", headers: [.cacheControl: "no-store"])
        }
        router.get("/readyz") { _, _ in
            let draining = services.pool.isShuttingDown
            let ready = services.catalogue.isReady && !draining
            let body = Readiness(ready: ready, assets: services.catalogue.list().count, draining: draining)
            return try Response.json(
                body, status: ready ? .ok : .serviceUnavailable, headers: [.cacheControl: "no-store"])
        }
        router.get("/metrics") { _, _ in
            Response.bytes(
                services.metrics.registry.emitToBuffer(), contentType: "text/plain; version=0.0.4; charset=utf-8",
                headers: [.cacheControl: "no-store"])
        }
    }
}
