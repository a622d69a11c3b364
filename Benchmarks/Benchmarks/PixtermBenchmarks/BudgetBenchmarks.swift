import Benchmark
import Foundation
import Gallery
import PixapiKit

/// The budget check every paid request makes (`SpendLedger.reserve`: read today's and this
/// month's spend, compare, insert the request, in one immediate transaction) and the totals the
/// UI's status line reads, on a ledger holding 100,000 requests: spread over the past year, and
/// all in the current month. The issue's target: under 2 ms per request.
func budgetBenchmarks() {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal], timeUnits: .microseconds, warmupIterations: 10, maxDuration: .seconds(5),
        maxIterations: 2000
    )
    for spread in LedgerBox.Spread.allCases {
        let box = LedgerBox(spread: spread)
        Benchmark("budget 100k (\(spread.rawValue)): reserve (check + insert)", configuration: configuration) { benchmark in
            let budgets = Budgets(daily: 1_000_000_000, monthly: 1_000_000_000)
            for _ in benchmark.scaledIterations { blackHole(try? box.ledger?.reserve(box.nextEntry(), budgets: budgets)) }
        } setup: {
            try box.open()
        } teardown: {
            box.close()
        }
        Benchmark("budget 100k (\(spread.rawValue)): totals", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try? box.ledger?.totals()) }
        } setup: {
            try box.open()
        } teardown: {
            box.close()
        }
    }
}

/// A spend ledger filled with 100,000 requests, made in setup and removed in teardown.
final class LedgerBox: @unchecked Sendable {
    enum Spread: String, CaseIterable {
        case year = "over a year"
        case month = "all this month"
    }

    let spread: Spread
    private(set) var ledger: SpendLedger?
    private var folder: URL?
    private var counter = 0
    static let count = 100_000

    init(spread: Spread) { self.spread = spread }

    static let request = ImageRequest(model: "gpt-image-2", prompt: "p", size: .auto, quality: .low, n: 1)
    static let cost = try! PriceTable.builtIn.estimate(model: "gpt-image-2", size: .auto, quality: .low, n: 1)

    /// A new request made now, as `JobRunner` reserves it.
    func nextEntry() -> LedgerEntry {
        counter += 1
        return LedgerEntry(id: "bench-\(counter)", created: Date(), request: Self.request, mode: .sync, cost: Self.cost)
    }

    func open() throws {
        let folder = try Fixtures.temporaryFolder("ledger-\(spread == .year ? "year" : "month")")
        self.folder = folder
        let ledger = try SpendLedger(directory: folder)
        let now = Date()
        let start = Calendar.current.dateInterval(of: .month, for: now)?.start ?? now
        let span = spread == .year ? 365 * 86_400.0 : now.timeIntervalSince(start)
        for index in 0..<Self.count {
            let created = now.addingTimeInterval(-span * Double(index) / Double(Self.count))
            try ledger.record(
                LedgerEntry(id: "history-\(index)", created: created, request: Self.request, mode: .sync, cost: Self.cost, state: .charged, images: 1)
            )
        }
        self.ledger = ledger
    }

    func close() {
        ledger = nil
        if let folder { try? FileManager.default.removeItem(at: folder) }
        folder = nil
    }
}
