// swift-tools-version:6.1
import Foundation
import PackageDescription

/// Every target is compiled in Swift 6 language mode with strict concurrency; warnings are treated
/// as defects by `.ci/run`, not here, so a new toolchain's warning cannot break a user's build.
let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

/// The C libraries' pkg-config files, on macOS only. Homebrew's libpng, jpeg-turbo and ncurses
/// (keg-only: macOS ships an older one without `ncursesw/`) are found through them. On Linux the
/// headers are on the default path; the distros' ncursesw.pc carries `-D_DEFAULT_SOURCE
/// -D_XOPEN_SOURCE=600`, which SwiftPM drops with a "prohibited flag(s)" warning on every build
/// (the shim defines what it needs itself), and libpng's and libjpeg's add
/// `-L/usr/lib/<triple>` ahead of `Linking/`, where the link must find its scripts first. There
/// the apt providers only document the packages to install.
func macOSPkgConfig(_ name: String) -> String? {
    #if os(macOS)
    return name
    #else
    return nil
    #endif
}

/// Linker scripts that make the Linux link take the static archives of libstdc++, SQLite and
/// ncurses (see `Linking/`): loading them as shared libraries cost 2 ms of every start. Only
/// where every archive the scripts name is installed (Debian and Ubuntu's `-dev` packages ship
/// them; Fedora ships no libsqlite3.a): elsewhere the link takes the shared libraries, as before.
let linkingFlags: [String] = {
    #if os(Linux)
    let files = FileManager.default
    let libraries = ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib"]
    let installed = ["libsqlite3.a", "libncursesw.a", "libtinfo.a"].allSatisfy { name in
        libraries.contains { files.fileExists(atPath: "\($0)/\(name)") }
    }
    let libstdcxx = (try? files.subpathsOfDirectory(atPath: "/usr/lib/gcc"))?.contains { $0.hasSuffix("/libstdc++.a") } ?? false
    guard installed, libstdcxx else { return [] }
    return ["-L" + String(#filePath.dropLast("Package.swift".count)) + "Linking"]
    #else
    return []
    #endif
}()

let package = Package(
    name: "pixterm",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "pixterm", targets: ["pixterm"]),
        .library(name: "PixapiKit", targets: ["PixapiKit"]),
        // The layers below are products only so the separate Benchmarks/ package can measure them.
        .library(name: "ImageCodec", targets: ["ImageCodec"]),
        .library(name: "TerminalGraphics", targets: ["TerminalGraphics"]),
        .library(name: "Gallery", targets: ["Gallery"]),
        .library(name: "PixtermCore", targets: ["PixtermCore"]),
        .library(name: "TerminalUI", targets: ["TerminalUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        // Shared API client: catalog, sizes, pricing, requests, HTTP, errors, config.
        .target(
            name: "PixapiKit",
            dependencies: [
                "ImageCodec",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            // The catalog and prices are compiled into the code (`PackageResources`), not shipped
            // as a bundle beside the binary, so a `pixterm` copied alone still has them.
            resources: [.embedInCode("Resources/catalog.json"), .embedInCode("Resources/pricing.json")],
            swiftSettings: strict
        ),

        // PNG / JPEG through libpng and libjpeg-turbo; setjmp-based error handling stays in C.
        // On macOS CLibPNG and CLibJPEG bring the libraries' flags from pkg-config, which finds
        // Homebrew's copies (`providers` is what SwiftPM suggests installing when a .pc file is
        // missing); the libraries are also linked by name, so Linux needs no pkg-config for them.
        .systemLibrary(name: "CLibPNG", pkgConfig: macOSPkgConfig("libpng16"), providers: [.apt(["libpng-dev"]), .brew(["libpng"])]),
        .systemLibrary(name: "CLibJPEG", pkgConfig: macOSPkgConfig("libjpeg"), providers: [.apt(["libjpeg-dev"]), .brew(["jpeg-turbo"])]),
        .target(name: "CImageCodecs", dependencies: ["CLibPNG", "CLibJPEG"], linkerSettings: [.linkedLibrary("png16"), .linkedLibrary("jpeg")]),
        .target(name: "ImageCodec", dependencies: ["CImageCodecs"], swiftSettings: strict),

        // Drawing images into a terminal: half blocks now, pixel protocols later.
        .target(name: "TerminalGraphics", dependencies: ["ImageCodec"], swiftSettings: strict),

        // Local Pixapi-compatible server for tests and the demo.
        .target(
            name: "PixapiSimulator",
            dependencies: [
                "PixapiKit", "ImageCodec",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),

        // The gallery folder, its SQLite index and the journal of paid work in flight.
        .target(
            name: "Gallery",
            dependencies: ["PixapiKit", "ImageCodec", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),

        // View-model layer: all UI state and logic, no terminal code.
        .target(
            name: "PixtermCore", dependencies: ["PixapiKit", "Gallery", .product(name: "Logging", package: "swift-log")], swiftSettings: strict
        ),

        // ncurses front end.
        .systemLibrary(name: "CNcurses", pkgConfig: macOSPkgConfig("ncursesw"), providers: [.apt(["libncurses-dev"]), .brew(["ncurses"])]),
        .target(
            name: "TerminalUI", dependencies: ["CNcurses", "Gallery", "ImageCodec", "PixapiKit", "PixtermCore", "TerminalGraphics"], swiftSettings: strict
        ),

        // The composition root: opens the gallery, journal, client and job runner for the CLI,
        // the UI and the demo, and interprets every effect the UI asks for.
        .target(
            name: "PixtermApp",
            dependencies: [
                "PixapiKit", "PixapiSimulator", "Gallery", "PixtermCore", "TerminalUI",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),

        // The process that holds the key cannot dump core (prctl is variadic: C only).
        .target(name: "CProcessGuard"),

        .executableTarget(
            name: "pixterm",
            dependencies: [
                "PixapiKit", "PixapiSimulator", "Gallery", "ImageCodec", "TerminalGraphics",
                "PixtermCore", "TerminalUI", "PixtermApp", "CProcessGuard",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict,
            linkerSettings: [.unsafeFlags(linkingFlags + ["-Xlinker", "--no-export-dynamic"], .when(platforms: [.linux]))]
        ),

        // Helpers shared by the test targets (temp folders, simulator harness, timeouts).
        .target(
            name: "TestSupport", dependencies: ["Gallery", "ImageCodec", "PixapiKit", "PixapiSimulator", "PixtermCore"], path: "Tests/TestSupport", swiftSettings: strict
        ),

        .testTarget(
            name: "PixapiKitTests",
            dependencies: ["PixapiKit", "TestSupport", .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio")],
            swiftSettings: strict
        ),
        .testTarget(name: "ImageCodecTests", dependencies: ["ImageCodec", "CImageCodecs", "TerminalGraphics", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "SimulatorTests",
            dependencies: [
                "PixapiSimulator", "PixapiKit", "ImageCodec", "TestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ClientIntegrationTests",
            dependencies: [
                "PixapiKit", "PixapiSimulator", "ImageCodec", "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "GalleryTests",
            dependencies: ["Gallery", "ImageCodec", "PixapiKit", "PixtermCore", "PixapiSimulator", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .testTarget(name: "PixtermCoreTests", dependencies: ["PixtermCore", "PixapiKit", "Gallery", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "PixtermAppTests",
            dependencies: ["PixtermApp", "PixapiKit", "PixapiSimulator", "Gallery", "PixtermCore", "TerminalUI", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "TerminalUITests", dependencies: ["TerminalUI", "Gallery", "ImageCodec", "PixapiKit", "PixtermCore", "TerminalGraphics", "TestSupport"], swiftSettings: strict
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["pixterm", "PixapiSimulator", "ImageCodec", "TestSupport"], swiftSettings: strict),
    ]
)
