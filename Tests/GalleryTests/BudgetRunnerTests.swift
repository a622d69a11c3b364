import Foundation
@testable import Gallery
import PixapiKit
import PixapiSimulator
import PixtermCore
import TestSupport
import Testing

/// `JobRunner` with a spend ledger, against the simulator: what it records for the budgets.
@Suite struct BudgetRunnerTests {
    static let request = ImageRequest(model: "gpt-image-2", prompt: "a lighthouse at dusk", size: try! ImageSize.parse("1024x1024"), quality: .low, n: 1)

    static func runner(_ harness: ResumeTests.Harness, journal: TaskJournal, ledger: SpendLedger, now: @escaping @Sendable () -> Date = { Date() })
        -> JobRunner
    {
        JobRunner(
            api: harness.client, store: harness.gallery.store, journal: journal, baseURL: harness.simulator.baseURL,
            pollSchedule: SimulatorHarness.fastPoll, now: now, ledger: ledger, budgets: Budgets(daily: 100)
        )
    }

    /// An async task that fails is refused by the server and charges nothing, whether it fails
    /// while its first run polls or while `tasks resume` finishes it after a crash: either way
    /// the ledger stops counting it (it stayed "sent", counted for ever, when resumed).
    @Test func anAsyncTaskThatFailsWhenResumedStopsCounting() async throws {
        try await ResumeTests.Harness.with(credits: 1000) { harness in
            let ledger = try SpendLedger(directory: harness.journals.directory)
            let cost = try PriceTable.builtIn.estimate(model: Self.request.model, size: Self.request.size, quality: Self.request.quality, n: 1)
            await harness.simulator.schedule(Fault(kind: .taskFails, path: "/v1/async/"))
            let id: String
            do {
                let journal = try harness.journals.journal()
                id = journal.newEntryID()
                let row = LedgerEntry(id: id, created: Date(), request: Self.request, mode: .async, cost: cost)
                #expect(try ledger.reserve(row, budgets: Budgets(daily: 100)) == nil)
                let key = IdempotencyKey.make()
                _ = try journal.open(id: id, request: Self.request, mode: .async, baseURL: harness.simulator.baseURL, cost: cost.costCredits, idempotencyKey: key)
                try journal.recordTaskID(try await harness.client.submitTask(Self.request, idempotencyKey: key).id, entry: id)
            }  // the process dies here, its task submitted
            #expect(try ledger.totals().today == cost.costCredits, "a task in flight counts")
            let journal = try harness.journals.journal()
            let claimed = try #require(journal.claimOpenEntries().first)
            let events = EventLog()
            await Self.runner(harness, journal: journal, ledger: ledger).resume(
                entry: claimed.journalRef, request: claimed.request, mode: claimed.mode, taskID: try #require(claimed.taskID), cost: cost,
                alreadySaved: [:], onEvent: events.append
            )
            guard case let .failed(error) = events.events.last else {
                Issue.record("expected the resumed task to fail, got \(events.events)")
                return
            }
            #expect(error.kind == .taskFailed)
            #expect(await harness.simulator.creditBalance() == 1000, "the simulator charged nothing for the failed task")
            #expect(try ledger.entry(id)?.state == .refused)
            #expect(try ledger.totals().today == 0)
        }
    }

    /// The runner dates a request by the ledger's zone, the one its totals read "today" in.
    @Test func theRunnerDatesARequestInTheLedgersTimeZone() async throws {
        let now = Date(timeIntervalSince1970: 1_773_144_000)  // 2026-03-10 12:00 UTC
        let zones = ["Pacific/Kiritimati", "Etc/GMT+12"].compactMap(TimeZone.init(identifier:))
        let zone = try #require(zones.first { LedgerDay.key(now, timeZone: $0) != LedgerDay.key(now) })
        try await ResumeTests.Harness.with { harness in
            let ledger = try SpendLedger(directory: harness.journals.directory, timeZone: zone)
            let cost = try PriceTable.builtIn.estimate(model: Self.request.model, size: Self.request.size, quality: Self.request.quality, n: 1)
            let events = EventLog()
            await Self.runner(harness, journal: try harness.journals.journal(), ledger: ledger, now: { now }).run(
                Self.request, mode: .sync, cost: cost, onEvent: events.append
            )
            #expect(events.events.last == .completed)
            #expect(try ledger.totals(now: now).today == cost.costCredits)
        }
    }
}
