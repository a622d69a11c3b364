// swift-tools-version:6.1
import PackageDescription

/// In-process benchmarks (ordo-one/benchmark), kept out of the root package so `swift build` and
/// `swift test` (what CI runs) never build the benchmark framework. Run from this folder:
/// `swift package benchmark` (see README "Benchmarks").
let package = Package(
    name: "PixtermBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "pixterm", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "PixtermBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PixapiKit", package: "pixterm"),
                .product(name: "ImageCodec", package: "pixterm"),
                .product(name: "TerminalGraphics", package: "pixterm"),
                .product(name: "Gallery", package: "pixterm"),
                .product(name: "PixtermCore", package: "pixterm"),
                .product(name: "TerminalUI", package: "pixterm"),
            ],
            path: "Benchmarks/PixtermBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)
