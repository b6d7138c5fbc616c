// swift-tools-version:6.0
import PackageDescription

/// Flags for the hot loops. AVX2 on x86_64 (`-Xcc -march=x86-64-v3` steers Swift code
/// generation too, see ../shared/PERFORMANCE.md); cross-module optimisation so that the
/// renderer's generic helpers are specialised in the modules that call them.
#if arch(x86_64)
    let archFlags: [String] = ["-Xcc", "-march=x86-64-v3"]
    let cArchFlags: [String] = ["-march=x86-64-v3"]
#else
    let archFlags: [String] = []
    let cArchFlags: [String] = []
#endif

let hotSwiftSettings: [SwiftSetting] = [
    .unsafeFlags(archFlags),
    .unsafeFlags(["-cross-module-optimization", "-enforce-exclusivity=unchecked"], .when(configuration: .release)),
]
let hotCSettings: [CSetting] = [
    .unsafeFlags(cArchFlags),
    .unsafeFlags(["-O3"], .when(configuration: .release)),
]

let package = Package(
    name: "vitrine",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Render", targets: ["Render"]),
        .library(name: "PreviewServer", targets: ["PreviewServer"]),
        .library(name: "AssetGenerator", targets: ["AssetGenerator"]),
        .library(name: "Batch", targets: ["Batch"]),
        .executable(name: "vitrine", targets: ["vitrine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // MARK: - C shims over system libraries (all setjmp/longjmp lives here)
        .target(
            name: "CVector",
            cSettings: hotCSettings
        ),
        .target(
            name: "CPNG",
            cSettings: hotCSettings + [.headerSearchPath("."), .unsafeFlags(["-I/usr/include/libpng16"])],
            linkerSettings: [.linkedLibrary("png"), .linkedLibrary("deflate"), .linkedLibrary("z")]
        ),
        .target(
            name: "CJPEG",
            cSettings: hotCSettings,
            linkerSettings: [.linkedLibrary("jpeg")]
        ),

        // MARK: - The renderer (no knowledge of HTTP)
        .target(
            name: "Render",
            dependencies: [
                "CVector", "CPNG", "CJPEG",
            ],
            exclude: ["Render.docc"],
            swiftSettings: hotSwiftSettings
        ),

        // MARK: - Procedural sample assets (vitrine make-assets)
        .target(
            name: "AssetGenerator",
            dependencies: ["Render"],
            swiftSettings: hotSwiftSettings
        ),

        // MARK: - Batch pre-rendering and golden suites (vitrine prerender, vitrine golden)
        .target(
            name: "Batch",
            dependencies: [
                "Render",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: hotSwiftSettings
        ),

        // MARK: - The HTTP service
        .target(
            name: "PreviewServer",
            dependencies: [
                "Render",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: hotSwiftSettings
        ),

        // MARK: - The command line
        .executableTarget(
            name: "vitrine",
            dependencies: [
                "Render", "PreviewServer", "AssetGenerator", "Batch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: hotSwiftSettings
        ),

        // MARK: - What the fuzz targets run, shared with the regression tests (Fuzz/README.md)
        .target(
            name: "FuzzHarness",
            dependencies: ["Render"],
            path: "Fuzz/FuzzHarness"
        ),
        .target(
            name: "FuzzServerHarness",
            dependencies: ["PreviewServer", .product(name: "Hummingbird", package: "hummingbird")],
            path: "Fuzz/FuzzServerHarness"
        ),

        // MARK: - Tests
        .target(
            name: "VitrineTestSupport",
            dependencies: ["Render"],
            swiftSettings: hotSwiftSettings
        ),
        .testTarget(
            name: "RenderTests",
            dependencies: ["Render", "Batch", "VitrineTestSupport", "FuzzHarness"],
            exclude: ["Golden", "TryOn/Golden"],
            swiftSettings: hotSwiftSettings
        ),
        .testTarget(
            name: "PreviewServerTests",
            dependencies: [
                "PreviewServer", "Render", "VitrineTestSupport", "FuzzServerHarness",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: hotSwiftSettings
        ),
        .testTarget(
            name: "BatchTests",
            dependencies: ["Batch", "Render", "VitrineTestSupport"],
            swiftSettings: hotSwiftSettings
        ),
        .testTarget(
            name: "AssetGeneratorTests",
            dependencies: ["AssetGenerator", "Render", "VitrineTestSupport"],
            swiftSettings: hotSwiftSettings
        ),
        .testTarget(
            name: "vitrineTests",
            dependencies: [
                "vitrine", "VitrineTestSupport", "PreviewServer", "Render", "Batch",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: hotSwiftSettings
        ),
    ]
)

// MARK: - Benchmarks (only with VITRINE_BENCHMARKS=1, so CI and users never build them)
if Context.environment["VITRINE_BENCHMARKS"] != nil {
    package.targets.append(
        .executableTarget(
            name: "vitrine-bench",
            dependencies: [
                "Render", "PreviewServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/VitrineBench",
            swiftSettings: hotSwiftSettings
        )
    )
    package.products.append(.executable(name: "vitrine-bench", targets: ["vitrine-bench"]))
}

// MARK: - libFuzzer targets (only with VITRINE_FUZZ=1; built by scripts/fuzz into .build-fuzz with
// -sanitize=fuzzer,address, see Fuzz/README.md)
if Context.environment["VITRINE_FUZZ"] != nil {
    package.targets.append(.target(name: "CFuzzMain", path: "Fuzz/CFuzzMain"))
    package.targets.append(
        .executableTarget(
            name: "vitrine-fuzz",
            dependencies: ["Render", "FuzzHarness", "CFuzzMain"],
            path: "Fuzz/VitrineFuzz"
        )
    )
    package.targets.append(
        .executableTarget(
            name: "vitrine-fuzz-server",
            dependencies: [
                "PreviewServer", "FuzzServerHarness", "CFuzzMain",
                .product(name: "HummingbirdCore", package: "hummingbird"),
            ],
            path: "Fuzz/VitrineFuzzServer"
        )
    )
    package.products.append(.executable(name: "vitrine-fuzz", targets: ["vitrine-fuzz"]))
    package.products.append(.executable(name: "vitrine-fuzz-server", targets: ["vitrine-fuzz-server"]))
}
