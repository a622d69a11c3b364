import Foundation
import Gallery
import PixapiKit
import PixtermCore
import TestSupport
import Testing
@testable import PixtermApp

/// The interpreter's side of the budgets: it reads the spend at start and on `.loadSpend`, and
/// a job the user sent over a budget reaches the runner as such.
@Suite struct BudgetEffectTests {
    /// The harness's settings with `[budget] daily = 0` (nothing may be spent) in the config file.
    func budgeted(_ harness: InterpreterHarness) throws -> PixtermSettings {
        let config = harness.folder.url.appendingPathComponent("config/pixterm/config.toml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("[budget]\ndaily = 0\n".utf8).write(to: config)
        var environment = harness.folder.isolatedEnvironment(["PIXAPI_BASE_URL": harness.simulator.baseURL.absoluteString])
        environment["PIXAPI_KEY"] = "sk-test-key-0001"
        let settings = try PixtermSettings.load(environment: environment)
        #expect(settings.budgets == Budgets(daily: 0))
        return settings
    }

    func spendLoaded(_ actions: [Action]) -> [SpendTotals] {
        actions.compactMap { if case let .spendLoaded(totals, _) = $0 { totals } else { nil } }
    }

    @Test func aJobOverTheBudgetIsRefusedUnlessTheUserSaidToGoOver() async throws {
        try await InterpreterHarness.with { harness in
            let interpreter = harness.kept(EffectInterpreter.live(settings: try budgeted(harness), insideTmux: false))
            let log = ActionLog()
            interpreter.start(send: log.send)
            try await log.wait("the spend read at start") { spendLoaded($0) == [.zero] }
            guard case let .spendLoaded(_, day) = log.all.first(where: { if case .spendLoaded = $0 { true } else { false } }) else { return }
            #expect(day == LedgerDay.key(Date()))

            let refused = InterpreterHarness.job()
            interpreter.perform(.startJob(refused), session: RecordedSession(), send: log.send)
            try await log.waitForEnd(of: refused.id)
            guard case let .failed(error) = log.events(of: refused.id).last else { Issue.record("not refused: \(log.events(of: refused.id)) \(String(describing: refused.cost))"); return }
            #expect(error.kind == .overBudget)
            #expect(error.message.contains("over the daily budget of 0 credits"))
            #expect(await harness.simulator.receivedRequests().isEmpty)

            let cost = try #require(refused.cost).costCredits
            let over = Job(id: UUID(), request: refused.request, mode: .sync, cost: refused.cost, startedAt: Date(), overBudget: true)
            interpreter.perform(.startJob(over), session: RecordedSession(), send: log.send)
            try await log.waitForEnd(of: over.id)
            #expect(log.events(of: over.id).last == .completed)
            #expect(await harness.simulator.receivedRequests().filter { $0.method == "POST" }.count == 1)

            interpreter.perform(.loadSpend, session: RecordedSession(), send: log.send)
            try await log.wait("the spend read again") { spendLoaded($0).count == 2 }
            #expect(spendLoaded(log.all).last == SpendTotals(today: cost, month: cost))
        }
    }

    @Test func withoutABudgetNothingIsReadAtStart() async throws {
        try await InterpreterHarness.with { harness in
            let interpreter = harness.live()
            let log = ActionLog()
            interpreter.start(send: log.send)
            try await log.wait("the resume plan") { $0.contains { if case .resume = $0 { true } else { false } } }
            #expect(spendLoaded(log.all).isEmpty)
        }
    }
}
