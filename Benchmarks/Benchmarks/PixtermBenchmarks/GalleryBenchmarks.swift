import Benchmark
import Foundation
import Gallery

/// Gallery queries on a 10,000-image fixture made by `make-gallery.py` (set
/// PIXTERM_BENCH_GALLERY to an existing fixture to skip making one).
func galleryBenchmarks() {
    let box = GalleryBox()
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident], timeUnits: .milliseconds,
        maxDuration: .seconds(5), maxIterations: 200
    )
    let setup: @Sendable () async throws -> Void = { try box.open() }
    let teardown: @Sendable () async throws -> Void = { box.close() }

    Benchmark("gallery 10k: first page (limit 50)", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? box.store?.page(limit: 50)) }
    } setup: {
        try await setup()
    } teardown: {
        try await teardown()
    }

    Benchmark("gallery 10k: search one word (limit 50)", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? box.store?.page(GalleryQuery(text: "lighthouse"), limit: 50)) }
    } setup: {
        try await setup()
    } teardown: {
        try await teardown()
    }

    var rebuild = configuration
    rebuild.maxIterations = 3
    rebuild.warmupIterations = 0
    Benchmark("gallery 10k: rebuild index", configuration: rebuild) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? box.store?.rebuild()) }
    } setup: {
        try await setup()
    } teardown: {
        try await teardown()
    }
}

/// The fixture gallery, made once per benchmark and removed after it unless it was given.
final class GalleryBox: @unchecked Sendable {
    var store: GalleryStore?
    private var madeFolder: URL?
    /// Images `make-gallery.py` writes, and the variable naming an existing fixture instead.
    private let count: Int
    private let givenVariable: String

    init(count: Int = 10_000, givenVariable: String = "PIXTERM_BENCH_GALLERY") {
        self.count = count
        self.givenVariable = givenVariable
    }

    func open() throws {
        if let given = ProcessInfo.processInfo.environment[givenVariable] {
            store = try GalleryStore(folder: URL(fileURLWithPath: given))
            return
        }
        let folder = try Fixtures.temporaryFolder("gallery")
        let script = Fixtures.benchmarksFolder.appendingPathComponent("make-gallery.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, folder.path, String(count)]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        madeFolder = folder
        store = try GalleryStore(folder: folder)
    }

    func close() {
        store = nil
        if let madeFolder { try? FileManager.default.removeItem(at: madeFolder) }
        madeFolder = nil
    }
}
