import Foundation

/// A configuration value that cannot be used.
public enum ConfigurationError: Error, CustomStringConvertible, Equatable {
    /// `name` held `value`, which is not `expected`.
    case invalidValue(name: String, value: String, expected: String)

    public var description: String {
        switch self {
        case .invalidValue(let name, let value, let expected):
            return "\(name)=\(value): expected \(expected)"
        }
    }
}

extension ServerConfiguration {
    /// The environment variables read by ``init(environment:)``, with what each sets.
    public static let environmentVariables: [(name: String, meaning: String)] = [
        ("VITRINE_HOST", "address to bind"),
        ("VITRINE_PORT", "port to bind (0 = any free port)"),
        ("VITRINE_ASSETS", "assets folder"),
        ("VITRINE_CACHE_DIR", "disk cache folder (unset = memory only)"),
        ("VITRINE_WORKERS", "concurrent renders"),
        ("VITRINE_RENDER_THREADS", "renderer threads per frame"),
        ("VITRINE_WORKER_NICE", "nice value of the render workers (0-19)"),
        ("VITRINE_QUEUE_LIMIT", "jobs waiting for a worker before 503"),
        ("VITRINE_QUEUE_TIMEOUT", "seconds a job may wait in the queue"),
        ("VITRINE_MEMORY_CACHE_MB", "memory frame cache, MiB"),
        ("VITRINE_DISK_CACHE_MB", "disk frame cache, MiB"),
        ("VITRINE_SCENE_CACHE_MB", "prepared scenes kept in memory, MiB"),
        ("VITRINE_MAX_UPLOAD_MB", "largest upload, MiB"),
        ("VITRINE_PHOTO_STORE_COUNT", "try-on photos held in memory"),
        ("VITRINE_PHOTO_STORE_MB", "try-on photos held in memory, MiB"),
        ("VITRINE_PHOTO_MAX_MB", "largest try-on photo upload, MiB"),
        ("VITRINE_PHOTO_TTL", "seconds a try-on photo is kept"),
        ("VITRINE_MAX_SIDE", "largest frame width/height, pixels"),
        ("VITRINE_API_KEY", "API key for PUT/DELETE"),
        ("VITRINE_SIGNING_KEY", "HMAC key for signed URLs"),
        ("VITRINE_CORS_ORIGINS", "comma-separated allowed origins, or *"),
        ("VITRINE_IDLE_TIMEOUT", "seconds before an idle connection is closed"),
        ("VITRINE_BODY_TIMEOUT", "seconds a request body may take to arrive whole"),
        ("VITRINE_PRELOAD", "1 = prepare every asset before ready, 0 = lazily"),
        ("VITRINE_LOG_LEVEL", "trace, debug, info, notice, warning, error, critical"),
    ]

    /// Defaults overridden by `VITRINE_*` environment variables.
    /// - Parameter environment: usually `ProcessInfo.processInfo.environment`.
    /// - Throws: ``ConfigurationError`` naming the variable with a bad value.
    public init(environment: [String: String]) throws {
        self.init()
        func string(_ name: String) -> String? {
            guard let value = environment[name], !value.isEmpty else { return nil }
            return value
        }
        func int(_ name: String, _ range: ClosedRange<Int>) throws -> Int? {
            guard let text = string(name) else { return nil }
            guard let value = Int(text), range.contains(value) else {
                throw ConfigurationError.invalidValue(
                    name: name, value: text, expected: "an integer in \(range.lowerBound)...\(range.upperBound)")
            }
            return value
        }
        host = string("VITRINE_HOST") ?? host
        port = try int("VITRINE_PORT", 0...65535) ?? port
        assetsDirectory = string("VITRINE_ASSETS") ?? assetsDirectory
        cacheDirectory = string("VITRINE_CACHE_DIR") ?? cacheDirectory
        workers = try int("VITRINE_WORKERS", 1...256) ?? workers
        renderThreadsPerFrame = try int("VITRINE_RENDER_THREADS", 1...256) ?? renderThreadsPerFrame
        workerNiceness = try int("VITRINE_WORKER_NICE", 0...19) ?? workerNiceness
        queueLimit = try int("VITRINE_QUEUE_LIMIT", 0...100_000) ?? queueLimit
        queueTimeoutSeconds = Double(try int("VITRINE_QUEUE_TIMEOUT", 1...3600) ?? Int(queueTimeoutSeconds))
        memoryCacheBytes = (try int("VITRINE_MEMORY_CACHE_MB", 0...1 << 20)).map { $0 << 20 } ?? memoryCacheBytes
        diskCacheBytes = (try int("VITRINE_DISK_CACHE_MB", 0...1 << 30)).map { $0 << 20 } ?? diskCacheBytes
        preparedSceneBytes = (try int("VITRINE_SCENE_CACHE_MB", 1...1 << 20)).map { $0 << 20 } ?? preparedSceneBytes
        maxUploadBytes = (try int("VITRINE_MAX_UPLOAD_MB", 1...4096)).map { $0 << 20 } ?? maxUploadBytes
        photoStoreCount = try int("VITRINE_PHOTO_STORE_COUNT", 1...100_000) ?? photoStoreCount
        photoStoreBytes = (try int("VITRINE_PHOTO_STORE_MB", 1...1 << 20)).map { $0 << 20 } ?? photoStoreBytes
        maxPhotoBytes = (try int("VITRINE_PHOTO_MAX_MB", 1...4096)).map { $0 << 20 } ?? maxPhotoBytes
        photoTTLSeconds = try int("VITRINE_PHOTO_TTL", 1...86_400) ?? photoTTLSeconds
        maxFrameSide = try int("VITRINE_MAX_SIDE", 16...8192) ?? maxFrameSide
        apiKey = string("VITRINE_API_KEY") ?? apiKey
        signingKey = string("VITRINE_SIGNING_KEY") ?? signingKey
        if let origins = string("VITRINE_CORS_ORIGINS") {
            corsOrigins = origins.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        idleTimeoutSeconds = try int("VITRINE_IDLE_TIMEOUT", 1...3600) ?? idleTimeoutSeconds
        bodyTimeoutSeconds = try int("VITRINE_BODY_TIMEOUT", 1...86400) ?? bodyTimeoutSeconds
        preloadAssets = (try int("VITRINE_PRELOAD", 0...1)).map { $0 == 1 } ?? preloadAssets
        logLevel = string("VITRINE_LOG_LEVEL") ?? logLevel
    }

    /// Checks ranges and relations that flags and variables cannot express one by one.
    /// - Throws: ``ConfigurationError`` naming the setting.
    public func validate() throws {
        let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
        guard levels.contains(logLevel) else {
            throw ConfigurationError.invalidValue(
                name: "log level", value: logLevel, expected: levels.joined(separator: ", "))
        }
        guard (0...65535).contains(port) else {
            throw ConfigurationError.invalidValue(name: "port", value: "\(port)", expected: "0...65535")
        }
        guard workers >= 1, renderThreadsPerFrame >= 1, queueLimit >= 0 else {
            throw ConfigurationError.invalidValue(
                name: "workers/render threads/queue limit",
                value: "\(workers)/\(renderThreadsPerFrame)/\(queueLimit)", expected: ">= 1, >= 1, >= 0")
        }
        guard (16...8192).contains(maxFrameSide) else {
            throw ConfigurationError.invalidValue(name: "max side", value: "\(maxFrameSide)", expected: "16...8192")
        }
    }

    /// One line per setting for the start-up banner, with the keys redacted.
    public var redactedDescription: String {
        func mib(_ bytes: Int) -> String { "\(bytes >> 20) MiB" }
        let lines: [(String, String)] = [
            ("address", "\(host):\(port)"),
            ("assets", assetsDirectory),
            ("cache dir", cacheDirectory ?? "(none: memory only)"),
            ("workers", "\(workers) x \(renderThreadsPerFrame) render thread(s), nice \(workerNiceness)"),
            ("queue", "\(queueLimit) jobs, \(Int(queueTimeoutSeconds)) s timeout, Retry-After \(retryAfterSeconds) s"),
            ("memory cache", mib(memoryCacheBytes)),
            ("disk cache", cacheDirectory == nil ? "off" : mib(diskCacheBytes)),
            ("prepared scenes", mib(preparedSceneBytes)),
            ("max upload", mib(maxUploadBytes)),
            (
                "try-on photos",
                "\(photoStoreCount) / \(mib(photoStoreBytes)) in memory, \(mib(maxPhotoBytes)) each, "
                    + "kept \(photoTTLSeconds) s"
            ),
            ("max frame side", "\(maxFrameSide) px"),
            ("api key", apiKey == nil ? "(none: writes disabled)" : "(set, redacted)"),
            ("signing key", signingKey == nil ? "(none: unsigned URLs)" : "(set, redacted)"),
            ("cors origins", corsOrigins.isEmpty ? "(off)" : corsOrigins.joined(separator: ",")),
            ("idle timeout", "\(idleTimeoutSeconds) s"),
            ("body timeout", "\(bodyTimeoutSeconds) s"),
            ("preload", preloadAssets ? "yes" : "no"),
            ("log level", logLevel),
        ]
        return lines.map { "  \($0.0): \($0.1)" }.joined(separator: "\n")
    }
}
