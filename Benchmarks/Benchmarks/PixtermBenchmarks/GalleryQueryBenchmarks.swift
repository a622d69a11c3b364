import Benchmark
import Foundation
import Gallery

/// Every mix of the gallery's filters (model, size, quality, since, until, least and most
/// credits, full text: each alone, every pair, ... all eight) under each order, a page of 200
/// (the UI's page) and the total, on a 100,000-image fixture from `make-gallery.py` (set
/// PIXTERM_BENCH_GALLERY_100K to an existing one to skip making it). The figure is the slowest
/// combination's median of three runs; the five slowest are printed. The issue's goal is
/// under 150 ms for every combination.
func galleryQueryBenchmarks() {
    let box = GalleryBox(count: 100_000, givenVariable: "PIXTERM_BENCH_GALLERY_100K")
    let worst = BenchmarkMetric.custom("slowest combination (ms)", polarity: .prefersSmaller, useScalingFactor: false)
    let configuration = Benchmark.Configuration(
        metrics: [worst, .wallClock, .peakMemoryResident], timeUnits: .milliseconds, warmupIterations: 0, maxDuration: .seconds(600), maxIterations: 1
    )
    Benchmark("gallery 100k: every filter combination and order, slowest page + total", configuration: configuration) { benchmark in
        guard let store = box.store else { return }
        var timings: [(milliseconds: Double, name: String)] = []
        for combination in GalleryQueryCombinations.all {
            var runs: [Double] = []
            for _ in 0..<3 {
                let started = ContinuousClock.now
                blackHole(try? store.page(combination.query, limit: 200))
                let elapsed = ContinuousClock.now - started
                runs.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
            }
            timings.append((runs.sorted()[1], combination.name))
        }
        timings.sort { $0.milliseconds > $1.milliseconds }
        print("\(timings.count) combinations; slowest (median of 3):")
        for timing in timings.prefix(5) { print(String(format: "  %7.1f ms  %@", timing.milliseconds, timing.name)) }
        benchmark.measurement(worst, Int((timings.first?.milliseconds ?? 0).rounded(.up)))
    } setup: {
        try box.open()
    } teardown: {
        box.close()
    }
}

/// The queries the benchmark runs: every subset of the filters, with values that select a
/// part of the fixture (a third of the models, a quarter of the sizes, dates within its year,
/// "lighthouse" in about one prompt in nine), under each order.
enum GalleryQueryCombinations {
    struct Combination {
        let name: String
        let query: GalleryQuery
    }

    private static let start = Date(timeIntervalSince1970: 1_764_028_800)  // make-gallery.py's first image
    private static let filters: [(name: String, apply: @Sendable (inout GalleryQuery) -> Void)] = [
        ("model", { $0.model = "gpt-image-1.5" }),
        ("size", { $0.size = "2048x2048" }),
        ("quality", { $0.quality = "high" }),
        ("since", { $0.since = start.addingTimeInterval(90 * 86_400) }),
        ("until", { $0.until = start.addingTimeInterval(300 * 86_400) }),
        ("min credits", { $0.minCredits = 10 }),
        ("max credits", { $0.maxCredits = 40 }),
        ("text", { $0.text = "lighthouse" }),
    ]

    static var all: [Combination] {
        (0..<(1 << filters.count)).flatMap { mask in
            GalleryQuery.Sort.allCases.map { sort in
                var query = GalleryQuery(sort: sort)
                var names: [String] = []
                for (bit, filter) in filters.enumerated() where mask & (1 << bit) != 0 {
                    filter.apply(&query)
                    names.append(filter.name)
                }
                return Combination(name: (names.isEmpty ? "no filter" : names.joined(separator: " + ")) + ", \(sort.rawValue)", query: query)
            }
        }
    }
}
