import Metrics
import NIOConcurrencyHelpers
import Prometheus

/// The service's metrics, through swift-metrics into a Prometheus registry owned by this
/// instance (not the process-wide bootstrap), so two applications in one process (tests)
/// count separately. `GET /metrics` prints ``exposition()``.
///
/// Names: `vitrine_http_requests_total{route,method,status}`,
/// `vitrine_http_request_duration_seconds{route}`, `vitrine_pool_queue_depth`,
/// `vitrine_pool_workers_busy`, `vitrine_pool_rejected_total`, `vitrine_pool_dropped_total{reason}`,
/// `vitrine_renders_total{kind}`, `vitrine_render_duration_seconds{kind}`,
/// `vitrine_singleflight_coalesced_total`, `vitrine_cache_hits_total{tier}`,
/// `vitrine_cache_misses_total{tier}`, `vitrine_cache_bytes{tier}`, `vitrine_cache_entries{tier}`,
/// `vitrine_cache_evictions_total{tier}`, `vitrine_cache_corrupt_total{reason}`,
/// `vitrine_cache_disk_errors_total`, `vitrine_cache_disk_enabled`, `vitrine_assets`,
/// `vitrine_prepared_scene_bytes`, `vitrine_photos_stored`, `vitrine_photo_bytes`.
public final class ServerMetrics: Sendable {
    /// The registry printed by `/metrics`.
    public let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    /// Handles of the per-request series, made once per (route, method, status): a request
    /// then costs a dictionary lookup, not a registry lookup and two allocations.
    private let requestSeries = NIOLockedValueBox([RequestSeries: (CoreMetrics.Counter, CoreMetrics.Timer)]())
    /// The cache counters, made once (a cached frame counts one of them).
    private let cacheCounters: [String: (hits: CoreMetrics.Counter, misses: CoreMetrics.Counter)]

    private struct RequestSeries: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    /// Creates metrics with an empty registry.
    public init() {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
            .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30),
        ]
        self.registry = registry
        self.factory = factory
        var cacheCounters: [String: (hits: CoreMetrics.Counter, misses: CoreMetrics.Counter)] = [:]
        for tier in ["memory", "disk"] {
            cacheCounters[tier] = (
                Counter(label: "vitrine_cache_hits_total", dimensions: [("tier", tier)], factory: factory),
                Counter(label: "vitrine_cache_misses_total", dimensions: [("tier", tier)], factory: factory)
            )
        }
        self.cacheCounters = cacheCounters
        // Register the gauges at zero so that a scrape before any traffic shows them.
        queueDepth(0)
        workersBusy(0)
        for tier in ["memory", "disk"] {
            cacheSize(tier: tier, bytes: 0, entries: 0)
            cacheCounters[tier]?.hits.increment(by: 0)
            cacheCounters[tier]?.misses.increment(by: 0)
        }
        Counter(label: "vitrine_singleflight_coalesced_total", factory: factory).increment(by: 0)
        Counter(label: "vitrine_pool_rejected_total", factory: factory).increment(by: 0)
    }

    /// Prometheus text exposition format.
    public func exposition() -> String { registry.emitToString() }

    // MARK: - HTTP

    /// One request answered.
    func requestFinished(route: String, method: String, status: Int, duration: Duration) {
        let series = RequestSeries(route: route, method: method, status: status)
        let factory = self.factory
        let (counter, timer) = requestSeries.withLockedValue { handles in
            if let known = handles[series] { return known }
            let made = (
                Counter(
                    label: "vitrine_http_requests_total",
                    dimensions: [("route", route), ("method", method), ("status", String(status))], factory: factory),
                CoreMetrics.Timer(
                    label: "vitrine_http_request_duration_seconds", dimensions: [("route", route)], factory: factory)
            )
            handles[series] = made
            return made
        }
        counter.increment()
        timer.recordNanoseconds(duration.nanoseconds)
    }

    // MARK: - Pool

    /// Jobs waiting for a worker.
    func queueDepth(_ depth: Int) {
        Gauge(label: "vitrine_pool_queue_depth", factory: factory).record(depth)
    }

    /// Workers rendering now.
    func workersBusy(_ busy: Int) {
        Gauge(label: "vitrine_pool_workers_busy", factory: factory).record(busy)
    }

    /// A job refused because the queue was full (the client got `503`).
    func poolRejected() {
        Counter(label: "vitrine_pool_rejected_total", factory: factory).increment()
    }

    /// A queued job dropped before it ran (`expired`, `cancelled`, `shutdown`).
    func poolDropped(reason: String) {
        Counter(label: "vitrine_pool_dropped_total", dimensions: [("reason", reason)], factory: factory).increment()
    }

    /// A render (frame, sheet or upload validation) finished on a worker.
    func renderFinished(kind: String, duration: Duration) {
        Counter(label: "vitrine_renders_total", dimensions: [("kind", kind)], factory: factory).increment()
        CoreMetrics.Timer(label: "vitrine_render_duration_seconds", dimensions: [("kind", kind)], factory: factory)
            .recordNanoseconds(duration.nanoseconds)
    }

    /// A request that waited for an identical one in flight instead of rendering.
    func coalesced() {
        Counter(label: "vitrine_singleflight_coalesced_total", factory: factory).increment()
    }

    // MARK: - Cache

    /// A lookup answered by `tier`.
    func cacheHit(tier: String) {
        guard let counter = cacheCounters[tier]?.hits else {
            return Counter(label: "vitrine_cache_hits_total", dimensions: [("tier", tier)], factory: factory)
                .increment()
        }
        counter.increment()
    }

    /// A lookup that `tier` could not answer.
    func cacheMiss(tier: String) {
        guard let counter = cacheCounters[tier]?.misses else {
            return Counter(label: "vitrine_cache_misses_total", dimensions: [("tier", tier)], factory: factory)
                .increment()
        }
        counter.increment()
    }

    /// Bytes and entries held by `tier` now.
    func cacheSize(tier: String, bytes: Int, entries: Int?) {
        Gauge(label: "vitrine_cache_bytes", dimensions: [("tier", tier)], factory: factory).record(bytes)
        if let entries {
            Gauge(label: "vitrine_cache_entries", dimensions: [("tier", tier)], factory: factory).record(entries)
        }
    }

    /// Entries evicted from `tier`.
    func cacheEvicted(tier: String, count: Int) {
        guard count > 0 else { return }
        Counter(label: "vitrine_cache_evictions_total", dimensions: [("tier", tier)], factory: factory)
            .increment(by: Int64(count))
    }

    /// A disk entry that failed verification, discarded and re-rendered.
    func cacheCorrupt(reason: String) {
        Counter(label: "vitrine_cache_corrupt_total", dimensions: [("reason", reason)], factory: factory).increment()
    }

    /// A failed disk write (full disk, deleted folder ...); `enabled` is whether the tier still works.
    func diskWriteFailed() {
        Counter(label: "vitrine_cache_disk_errors_total", factory: factory).increment()
    }

    /// Whether the disk tier is in use (1) or off (0).
    func diskEnabled(_ enabled: Bool) {
        Gauge(label: "vitrine_cache_disk_enabled", factory: factory).record(enabled ? 1 : 0)
    }

    // MARK: - Photos

    /// Uploaded photos held in memory now (`POST /v1/photos`), and their bytes.
    func photos(count: Int, bytes: Int) {
        Gauge(label: "vitrine_photos_stored", factory: factory).record(count)
        Gauge(label: "vitrine_photo_bytes", factory: factory).record(bytes)
    }

    // MARK: - Assets

    /// Assets in the catalogue, and bytes of prepared scenes in memory.
    func assets(count: Int, preparedBytes: Int) {
        Gauge(label: "vitrine_assets", factory: factory).record(count)
        Gauge(label: "vitrine_prepared_scene_bytes", factory: factory).record(preparedBytes)
    }
}

extension Duration {
    /// Whole nanoseconds (saturating).
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds.multipliedReportingOverflow(by: 1_000_000_000).partialValue + attoseconds / 1_000_000_000
    }
}
