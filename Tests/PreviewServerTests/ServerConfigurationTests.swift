import PreviewServer
import Testing

@Suite struct ServerConfigurationTests {
    @Test func defaultsBindLoopback() {
        let config = ServerConfiguration()
        #expect(config.host == "127.0.0.1")
        #expect(config.port == 8080)
        #expect(config.workers >= 1)
    }

    @Test func environmentOverridesDefaults() throws {
        let config = try ServerConfiguration(environment: [
            "VITRINE_PORT": "9000", "VITRINE_ASSETS": "/a", "VITRINE_CACHE_DIR": "/c", "VITRINE_WORKERS": "3",
            "VITRINE_QUEUE_LIMIT": "7", "VITRINE_MEMORY_CACHE_MB": "5", "VITRINE_CORS_ORIGINS": "https://a, https://b",
            "VITRINE_API_KEY": "k", "VITRINE_PRELOAD": "0",
        ])
        #expect(config.port == 9000)
        #expect(config.assetsDirectory == "/a")
        #expect(config.cacheDirectory == "/c")
        #expect(config.workers == 3)
        #expect(config.queueLimit == 7)
        #expect(config.memoryCacheBytes == 5 << 20)
        #expect(config.corsOrigins == ["https://a", "https://b"])
        #expect(config.apiKey == "k")
        #expect(!config.preloadAssets)
    }

    @Test func badValuesNameTheVariable() {
        #expect(
            throws: ConfigurationError.invalidValue(
                name: "VITRINE_PORT", value: "x", expected: "an integer in 0...65535")
        ) {
            try ServerConfiguration(environment: ["VITRINE_PORT": "x"])
        }
        #expect(throws: ConfigurationError.self) { try ServerConfiguration(environment: ["VITRINE_WORKERS": "0"]) }
    }

    @Test func theBannerRedactsSecrets() throws {
        let config = try ServerConfiguration(environment: [
            "VITRINE_API_KEY": "hunter2", "VITRINE_SIGNING_KEY": "s3cr3t",
        ])
        #expect(!config.redactedDescription.contains("hunter2"))
        #expect(!config.redactedDescription.contains("s3cr3t"))
        #expect(config.redactedDescription.contains("redacted"))
    }
}
