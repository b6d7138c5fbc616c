import ServiceLifecycle

/// Frees expired photos every `interval`, so that a photo leaves memory when its time is up
/// even if no request comes to look it up. Stops at graceful shutdown.
struct PhotoSweepService: Service {
    let store: PhotoStore
    var interval: Duration = .seconds(2)

    func run() async throws {
        let (store, interval) = (self.store, self.interval)
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                store.removeExpired()
            }
        }
    }
}
