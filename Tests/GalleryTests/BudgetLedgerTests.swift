import Foundation
@testable import Gallery
@testable import PixapiKit
import TestSupport
import Testing

/// `SpendLedger`: the budget check and the row that reserves the credits are one transaction,
/// so the requests that fit a budget are sent and no more, however many ledgers (connections,
/// as separate processes have) race for the last credits.
@Suite struct BudgetLedgerTests {
    static let utc = TimeZone(identifier: "UTC")!
    /// 2026-03-10 12:00 UTC.
    static let noon = Date(timeIntervalSince1970: 1_773_144_000)

    static func entry(
        _ id: String = UUID().uuidString, credits: Int, at date: Date = noon, state: LedgerState = .sent, overBudget: Bool = false
    ) -> LedgerEntry {
        let request = ImageRequest(model: "gpt-image-2", prompt: "p", size: .auto, quality: .low, n: 1)
        let cost = CostEstimate(
            model: "gpt-image-2", size: .auto, tier: "small", quality: .low, billedQuality: .low, n: 1, creditsPerImage: credits,
            costCredits: credits, estimate: false, usd: Double(credits) / 100
        )
        return LedgerEntry(id: id, created: date, request: request, mode: .sync, cost: cost, state: state, overBudget: overBudget, timeZone: utc)
    }

    @Test func requestsUpToTheDailyBudgetAreReservedAndTheNextIsRefusedWritingNothing() throws {
        let dir = try TemporaryDirectory("pixterm-ledger")
        defer { dir.remove() }
        let ledger = try SpendLedger(directory: dir.url, timeZone: Self.utc)
        for _ in 0..<5 { #expect(try ledger.reserve(Self.entry(credits: 1), budgets: Budgets(daily: 5)) == nil) }
        let refused = try #require(try ledger.reserve(Self.entry("sixth", credits: 1), budgets: Budgets(daily: 5)))
        #expect(refused == BudgetRefusal(period: .daily, limit: 5, spent: 5, cost: 1))
        #expect(try ledger.entry("sixth") == nil, "a refused request leaves no row")
        #expect(try ledger.totals(now: Self.noon) == SpendTotals(today: 5, month: 5))
    }

    @Test func overBudgetReservesAnywayAndCounts() throws {
        let dir = try TemporaryDirectory("pixterm-ledger")
        defer { dir.remove() }
        let ledger = try SpendLedger(directory: dir.url, timeZone: Self.utc)
        #expect(try ledger.reserve(Self.entry("fits", credits: 4, overBudget: true), budgets: Budgets(daily: 5), overBudget: true) == nil)
        #expect(try ledger.entry("fits")?.overBudget == false, "--over-budget on a request that fits does not mark it")
        #expect(try ledger.reserve(Self.entry("over", credits: 4, overBudget: true), budgets: Budgets(daily: 5), overBudget: true) == nil)
        #expect(try ledger.entry("over")?.overBudget == true)
        #expect(try ledger.reserve(Self.entry("none", credits: 4, overBudget: true), budgets: .none, overBudget: true) == nil)
        #expect(try ledger.entry("none")?.overBudget == false, "no budget, nothing to go over")
        #expect(try ledger.totals(now: Self.noon).today == 12)
        #expect(try ledger.reserve(Self.entry(credits: 1), budgets: Budgets(daily: 5))?.remaining == 0)
    }

    @Test func theMonthlyBudgetCountsEveryDayOfTheMonthAndNoOther() throws {
        let dir = try TemporaryDirectory("pixterm-ledger")
        defer { dir.remove() }
        let ledger = try SpendLedger(directory: dir.url, timeZone: Self.utc)
        let day = 86_400.0
        try ledger.record(Self.entry(credits: 7, at: Self.noon - 9 * day))  // 1 March
        try ledger.record(Self.entry(credits: 3, at: Self.noon - 10 * day))  // 28 February: last month
        try ledger.record(Self.entry(credits: 2, at: Self.noon + 30 * day))  // 9 April: next month
        #expect(try ledger.totals(now: Self.noon) == SpendTotals(today: 0, month: 7))
        let budgets = Budgets(daily: 100, monthly: 10)
        #expect(try ledger.reserve(Self.entry(credits: 3), budgets: budgets) == nil)
        let refusal = try #require(try ledger.reserve(Self.entry(credits: 1), budgets: budgets))
        #expect(refusal.period == .monthly)
        #expect(refusal.message == "over the monthly budget of 10 credits: 10 spent this month, 0 remain, and this request costs 1")
    }

    @Test func theLocalDayDecidesWhatTodayIs() throws {
        let dir = try TemporaryDirectory("pixterm-ledger")
        defer { dir.remove() }
        let tokyo = TimeZone(identifier: "Asia/Tokyo")!
        let ledger = try SpendLedger(directory: dir.url, timeZone: tokyo)
        // 23:30 UTC on 10 March is 08:30 on 11 March in Tokyo.
        let late = Self.noon + 11.5 * 3600
        let request = ImageRequest(model: "gpt-image-2", prompt: "p", size: .auto, quality: .low, n: 1)
        try ledger.record(LedgerEntry(id: "a", created: late, request: request, mode: .sync, cost: nil, timeZone: tokyo))
        #expect(try ledger.entry("a")?.day == "2026-03-11")
    }

    @Test func settlingRefusedStopsCountingAndAChargeIsNeverTakenBack() throws {
        let dir = try TemporaryDirectory("pixterm-ledger")
        defer { dir.remove() }
        let ledger = try SpendLedger(directory: dir.url, timeZone: Self.utc)
        for id in ["charged", "unknown", "refused"] { #expect(try ledger.reserve(Self.entry(id, credits: 2), budgets: .none) == nil) }
        try ledger.settle("charged", as: .charged, images: 1)
        try ledger.settle("unknown", as: .unknown)
        try ledger.settle("refused", as: .refused)
        #expect(try ledger.totals(now: Self.noon).today == 4, "charged and unknown count, refused does not")
        try ledger.settle("charged", as: .refused)
        #expect(try ledger.entry("charged")?.state == .charged)
        #expect(try ledger.entry("charged")?.images == 1)
        try ledger.settle("unknown", as: .charged, images: 1)
        #expect(try ledger.totals(now: Self.noon).today == 4, "an unknown outcome settled as charged is not counted twice")
        try ledger.settle("unknown", as: .refused)
        #expect(try ledger.totals(now: Self.noon).today == 4)
        try ledger.settle("refused", as: .unknown)
        #expect(try ledger.totals(now: Self.noon).today == 6, "counted again once it may have been charged")
    }

    @Test func recordKeepsARowAlreadyThere() throws {
        let dir = try TemporaryDirectory("pixterm-ledger")
        defer { dir.remove() }
        let ledger = try SpendLedger(directory: dir.url, timeZone: Self.utc)
        #expect(try ledger.reserve(Self.entry("one", credits: 3), budgets: .none) == nil)
        try ledger.record(Self.entry("one", credits: 9))
        #expect(try ledger.entry("one")?.credits == 3)
        #expect(try ledger.totals(now: Self.noon).today == 3)
    }
}

extension BudgetLedgerTests {
    /// Ledgers of their own (one connection each, as processes have) racing from many threads
    /// for a budget: exactly as many 1-credit requests as fit are reserved.
    @Test func ledgersRacingForTheLastCreditsNeverReserveMoreThanTheBudget() throws {
        for round in 0..<5 {
            let dir = try TemporaryDirectory("pixterm-ledger")
            defer { dir.remove() }
            _ = try SpendLedger(directory: dir.url, timeZone: Self.utc)
            let budget = 25
            let reserved = EventCounter(), refused = EventCounter(), failures = EventCounter()
            DispatchQueue.concurrentPerform(iterations: 8) { worker in
                do {
                    let ledger = try SpendLedger(directory: dir.url, timeZone: Self.utc)
                    for attempt in 0..<10 {
                        if try ledger.reserve(Self.entry("\(worker)-\(attempt)", credits: 1), budgets: Budgets(daily: budget)) == nil {
                            reserved.add("\(worker)-\(attempt)")
                        } else {
                            refused.add("\(worker)-\(attempt)")
                        }
                    }
                } catch {
                    failures.add("round \(round), worker \(worker): \(error)")
                }
            }
            #expect(failures.messages.isEmpty)
            #expect(reserved.messages.count == budget, "round \(round)")
            #expect(refused.messages.count == 80 - budget)
            #expect(try SpendLedger(directory: dir.url, timeZone: Self.utc).totals(now: Self.noon).today == budget)
        }
    }

    /// Several pixterms opening a ledger that does not exist yet all succeed: the first creates
    /// its tables, the others wait and find them (without that, one fails "table already exists").
    @Test func ledgersOpeningANewLedgerAtOnceAllSucceed() throws {
        for round in 0..<30 {
            let root = try TemporaryDirectory("pixterm-ledger-open")
            defer { root.remove() }
            let directory = root.file("journal")
            let failures = EventCounter()
            DispatchQueue.concurrentPerform(iterations: 6) { worker in
                do {
                    let ledger = try SpendLedger(directory: directory, timeZone: Self.utc)
                    _ = try ledger.reserve(Self.entry(credits: 1), budgets: .none)
                } catch {
                    failures.add("round \(round), worker \(worker): \(error)")
                }
            }
            #expect(failures.messages.isEmpty)
            #expect(try SpendLedger(directory: directory, timeZone: Self.utc).totals(now: Self.noon).today == 6)
        }
    }
}
