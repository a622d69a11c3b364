import Benchmark

/// Entry point the benchmark plugin looks for. Each group is in its own file; figures are
/// reported, never asserted: these benchmarks do not fail CI.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .microseconds,
        warmupIterations: 2,
        maxDuration: .seconds(3),
        maxIterations: 1000
    )
    previewBenchmarks()
    typingBenchmarks()
    galleryBenchmarks()
    galleryQueryBenchmarks()
    budgetBenchmarks()
}
