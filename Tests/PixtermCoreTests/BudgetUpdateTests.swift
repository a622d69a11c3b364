import Foundation
import PixapiKit
import TestSupport
import Testing
@testable import PixtermCore

/// The budgets in the UI: the submit that would cross one asks to go over once, the cost panel's
/// crossings, and when the spend is read again from the ledger.
@Suite struct BudgetUpdateTests {
    let clock = TestClock()
    /// 2027-01-15 08:00 UTC (the testing environment's days are UTC days).
    static let morning = Date(timeIntervalSince1970: 1_800_000_000)
    static let today = "2027-01-15"

    func environment(daily: Int? = nil, monthly: Int? = nil, maxCredits: Int? = nil) -> AppEnvironment {
        .testing(maxCredits: maxCredits, budgets: Budgets(daily: daily, monthly: monthly), clock: clock)
    }

    /// The compose screen with a prompt typed and the spend read as `today`/`month` credits.
    func composing(_ environment: AppEnvironment, today: Int, month: Int? = nil) -> AppState {
        var state = AppState(environment: environment, isDemo: false, hasKey: true)
        _ = state.update(.layout(promptWidth: 60, promptHeight: 5), environment: environment)
        _ = state.update(.spendLoaded(SpendTotals(today: today, month: month ?? today), day: Self.today), environment: environment)
        for char in "a fox" { _ = state.update(.key(.character(char)), environment: environment) }
        return state
    }

    func cost(_ state: AppState, _ environment: AppEnvironment) throws -> Int {
        try #require(state.costPreview(environment).estimate).costCredits
    }

    func startedJob(_ effects: [Effect]) -> Job? {
        effects.lazy.compactMap { if case let .startJob(job) = $0 { job } else { nil } }.first
    }

    @Test func spendingExactlyUpToTheBudgetSendsWithoutAsking() throws {
        let probe = environment(daily: 1_000)
        let price = try cost(composing(probe, today: 0), probe)
        let environment = environment(daily: 100)
        var state = composing(environment, today: 100 - price)
        #expect(state.costPreview(environment).budgetsCrossed.isEmpty)
        let job = try #require(startedJob(state.update(.key(.enter), environment: environment)))
        #expect(!job.overBudget)
        #expect(state.overlay == nil)
    }

    @Test func oneCreditOverTheBudgetAsksNamingTheBudgetWhatIsSpentAndWhatRemains() throws {
        let probe = environment(daily: 1_000)
        let price = try cost(composing(probe, today: 0), probe)
        let environment = environment(daily: 100)
        var state = composing(environment, today: 101 - price)
        let crossed = BudgetRefusal(period: .daily, limit: 100, spent: 101 - price, cost: price)
        #expect(state.costPreview(environment).budgetsCrossed == [crossed])
        #expect(state.update(.key(.enter), environment: environment).isEmpty)
        #expect(state.overlay == .confirm(.overBudget([crossed], threshold: nil)))
        #expect(crossed.remaining == price - 1)
        #expect(state.jobs.isEmpty)
    }

    @Test func yesSendsThisOneRequestOverTheBudget() throws {
        let environment = environment(daily: 10)
        var state = composing(environment, today: 10)
        _ = state.update(.key(.enter), environment: environment)
        // Other keys do nothing while the question is open.
        #expect(state.update(.key(.enter), environment: environment).isEmpty)
        #expect(state.update(.key(.character("x")), environment: environment).isEmpty)
        let job = try #require(startedJob(state.update(.key(.character("y")), environment: environment)))
        #expect(job.overBudget)
        #expect(job.request.prompt == "a fox")
        #expect(state.overlay == nil && state.compose.pendingSubmit == nil)
        #expect(state.jobs.map(\.id) == [job.id])
        // The next request asks again: going over is for one request only.
        for char in "a cat" { _ = state.update(.key(.character(char)), environment: environment) }
        #expect(state.update(.key(.enter), environment: environment).isEmpty)
        #expect(state.overlay != nil)
    }

    @Test(arguments: [InputKey.character("n"), .escape])
    func noOrEscapeSendsNothing(_ key: InputKey) {
        let environment = environment(monthly: 50)
        var state = composing(environment, today: 0, month: 45)
        _ = state.update(.key(.enter), environment: environment)
        guard case .confirm(.overBudget) = state.overlay else { Issue.record("no question: \(String(describing: state.overlay))"); return }
        #expect(state.update(.key(key), environment: environment).isEmpty)
        #expect(state.overlay == nil && state.compose.pendingSubmit == nil)
        #expect(state.jobs.isEmpty)
        #expect(state.compose.input.editor.text == "a fox")
        #expect(state.message?.text == "not sent")
    }

    /// A click (even a double click, on the prompt) never answers the question.
    @Test func aClickNeverSendsOverTheBudget() {
        let environment = environment(daily: 10)
        var state = composing(environment, today: 10)
        _ = state.update(.key(.enter), environment: environment)
        let prompt = MouseHit(target: .promptText, row: 0, column: 0, width: 10, height: 1)
        for _ in 0..<2 { #expect(state.update(.mouse(MouseInput(gesture: .click, hits: [prompt])), environment: environment).isEmpty) }
        guard case .confirm(.overBudget) = state.overlay else { Issue.record("the question closed"); return }
        #expect(state.jobs.isEmpty)
    }

    /// Above max_credits and over a budget: one question with both reasons, and every budget crossed.
    @Test func overTheLimitAndBothBudgetsAsksOnceWithEveryReason() throws {
        let environment = environment(daily: 10, monthly: 20, maxCredits: 1)
        var state = composing(environment, today: 5, month: 15)
        let price = try cost(state, environment)
        _ = state.update(.key(.enter), environment: environment)
        let crossed = [BudgetRefusal(period: .daily, limit: 10, spent: 5, cost: price), BudgetRefusal(period: .monthly, limit: 20, spent: 15, cost: price)]
        #expect(state.overlay == .confirm(.overBudget(crossed, threshold: 1)))
        let job = try #require(startedJob(state.update(.key(.character("y")), environment: environment)))
        #expect(job.overBudget)
        #expect(state.overlay == nil)
    }

    /// Before the first read, the UI does not know: it sends, and the runner checks atomically.
    @Test func anUnknownSpendDoesNotAsk() throws {
        let environment = environment(daily: 1)
        var state = AppState(environment: environment, isDemo: false, hasKey: true)
        _ = state.update(.layout(promptWidth: 60, promptHeight: 5), environment: environment)
        _ = state.update(.key(.character("x")), environment: environment)
        #expect(state.costPreview(environment).budgetsCrossed.isEmpty)
        #expect(try #require(startedJob(state.update(.key(.enter), environment: environment))).overBudget == false)
    }

    @Test func theSpendIsReadAgainWhenAJobReservesOrEnds() throws {
        let environment = environment(daily: 100)
        var state = composing(environment, today: 0)
        let job = try #require(startedJob(state.update(.key(.enter), environment: environment)))
        let recorded = JobEvent.recorded(JournalRef(entry: "e1", idempotencyKey: "k1"))
        #expect(state.update(.jobEvent(job.id, recorded), environment: environment) == [.loadSpend])
        #expect(state.update(.jobEvent(job.id, .progress(status: "running", percent: 5)), environment: environment).isEmpty)
        #expect(state.update(.jobEvent(job.id, .completed), environment: environment) == [.loadSpend])
        let refused = PixapiError(.overBudget, "not sent: over the daily budget")
        #expect(state.update(.jobEvent(job.id, .failed(refused)), environment: environment) == [.loadSpend])
        #expect(state.update(.demoStarted, environment: environment) == [.loadSpend])
        #expect(state.spend == SpendSnapshot())
    }

    @Test func aKeyOnANewDayReadsTheSpendOnceAndForgetsYesterdays() {
        let environment = environment(daily: 100)
        clock.advance(by: 0)
        var state = composing(environment, today: 90)
        #expect(state.update(.key(.character("a")), environment: environment).isEmpty)
        clock.advance(by: 86_400)
        #expect(state.update(.key(.character("b")), environment: environment) == [.loadSpend])
        #expect(state.spend == SpendSnapshot(day: "2027-01-16"))
        #expect(state.costPreview(environment).budgetsCrossed.isEmpty)
        #expect(state.update(.key(.character("c")), environment: environment).isEmpty)
        _ = state.update(.spendLoaded(SpendTotals(today: 0, month: 90), day: "2027-01-16"), environment: environment)
        #expect(state.spend.totals == SpendTotals(today: 0, month: 90))
    }

    @Test func withoutABudgetTheSpendIsNeverRead() throws {
        let environment = environment()
        var state = composing(environment, today: 0)
        let job = try #require(startedJob(state.update(.key(.enter), environment: environment)))
        #expect(state.update(.jobEvent(job.id, .completed), environment: environment).isEmpty)
        clock.advance(by: 86_400)
        #expect(state.update(.key(.character("b")), environment: environment).isEmpty)
        #expect(state.update(.demoStarted, environment: environment).isEmpty)
    }

    @Test func aJobTheRunnerRefusedIsListedAsOverBudget() throws {
        let environment = environment(daily: 100)
        var state = composing(environment, today: 0)
        let job = try #require(startedJob(state.update(.key(.enter), environment: environment)))
        let message = "not sent: over the daily budget of 100 credits: 95 spent today, 5 remain, and this request costs 14"
        _ = state.update(.jobEvent(job.id, .failed(PixapiError(.overBudget, message))), environment: environment)
        #expect(state.jobs[0].stateLabel == "over budget")
        #expect(state.message?.text == message + "; in Jobs, r asks whether to go over the budget once")
    }

    @Test func theStatusFormsGoFromLabelledToTheBudgetNearestItsLimit() {
        let both = Budgets(daily: 500, monthly: 5_000)
        #expect(
            BudgetStatus.forms(budgets: both, spent: SpendTotals(today: 120, month: 4_240))
                == ["today 120/500 · month 4,240/5,000", "day 120/500 · mo 4,240/5,000", "mo 4,240/5,000"]
        )
        #expect(BudgetStatus.forms(budgets: Budgets(daily: 20), spent: SpendTotals(today: 14, month: 99)) == ["today 14/20", "day 14/20"])
        #expect(BudgetStatus.forms(budgets: .none, spent: SpendTotals(today: 1, month: 1)).isEmpty)
        #expect(BudgetStatus.forms(budgets: both, spent: nil).isEmpty)
        #expect(BudgetStatus.isSpent(budgets: both, spent: SpendTotals(today: 500, month: 600)))
        #expect(!BudgetStatus.isSpent(budgets: both, spent: SpendTotals(today: 499, month: 600)))
    }
}

/// `r` on a failed job sends a new request: over a budget it asks too.
@Suite struct BudgetRetryTests {
    let environment = AppEnvironment.testing(budgets: Budgets(daily: 20))

    /// A job the runner refused (another pixterm spent first), with the spend read again after.
    func refused(spentToday: Int) throws -> (AppState, Job) {
        var state = AppState(environment: environment, isDemo: false, hasKey: true)
        _ = state.update(.layout(promptWidth: 60, promptHeight: 5), environment: environment)
        _ = state.update(.spendLoaded(.zero, day: "2027-01-15"), environment: environment)
        _ = state.update(.key(.character("x")), environment: environment)
        let job = try #require(state.update(.key(.enter), environment: environment).lazy.compactMap { if case let .startJob(job) = $0 { job } else { nil } }.first)
        _ = state.update(.jobEvent(job.id, .failed(PixapiError(.overBudget, "not sent: over the daily budget"))), environment: environment)
        _ = state.update(.spendLoaded(SpendTotals(today: spentToday, month: spentToday), day: "2027-01-15"), environment: environment)
        state.compose.focus = .jobs
        return (state, job)
    }

    @Test func retryingOverTheBudgetAsksAndYesSendsItOverTheBudget() throws {
        var (state, job) = try refused(spentToday: 10)
        let cost = try #require(job.cost).costCredits
        #expect(state.update(.key(.character("r")), environment: environment).isEmpty)
        let crossed = BudgetRefusal(period: .daily, limit: 20, spent: 10, cost: cost)
        #expect(state.overlay == .confirm(.overBudget([crossed], threshold: nil, retrying: job.id)))
        guard case let .startJob(again) = state.update(.key(.character("y")), environment: environment).first else {
            Issue.record("not sent")
            return
        }
        #expect(again.overBudget && again.request == job.request && again.id != job.id)
    }

    @Test func retryingOverTheBudgetAndSayingNoSendsNothing() throws {
        var (state, _) = try refused(spentToday: 10)
        _ = state.update(.key(.character("r")), environment: environment)
        #expect(state.update(.key(.escape), environment: environment).isEmpty)
        #expect(state.overlay == nil && state.jobs.count == 1)
    }

    @Test func retryingWithinTheBudgetSendsAtOnce() throws {
        var (state, _) = try refused(spentToday: 0)
        guard case let .startJob(again) = state.update(.key(.character("r")), environment: environment).first else {
            Issue.record("not sent")
            return
        }
        #expect(!again.overBudget)
    }
}

/// The clock's side: when the day of the spend shown ends, and what a tick then does.
@Suite struct BudgetDayTests {
    let clock = TestClock()

    @Test func theSpendsDayEndsAtTheNextLocalMidnight() {
        let environment = AppEnvironment.testing(budgets: Budgets(monthly: 100), clock: clock)
        var state = AppState(environment: environment, isDemo: false, hasKey: true)
        #expect(state.spendDayEnds(environment) == nil)
        _ = state.update(.spendLoaded(.zero, day: "2027-01-15"), environment: environment)
        // 2027-01-15 08:00 UTC: the day ends 16 hours later.
        #expect(state.spendDayEnds(environment) == AppEnvironment.testingStart + 16 * 3_600)
        #expect(AppState(environment: .testing(clock: clock), isDemo: false, hasKey: true).spendDayEnds(.testing(clock: clock)) == nil)
    }

    @Test func aTickOnANewDayReadsTheSpend() {
        let environment = AppEnvironment.testing(budgets: Budgets(monthly: 100), clock: clock)
        var state = AppState(environment: environment, isDemo: false, hasKey: true)
        _ = state.update(.spendLoaded(.zero, day: "2027-01-15"), environment: environment)
        #expect(state.update(.tick, environment: environment).isEmpty)
        clock.advance(by: 16 * 3_600)
        #expect(state.update(.tick, environment: environment) == [.loadSpend])
        #expect(state.update(.tick, environment: environment).isEmpty)
    }
}

extension BudgetDayTests {
    /// Enter on a new day is not asked about with yesterday's spend: the runner's check decides.
    @Test func enterOnANewDayDoesNotAskWithYesterdaysSpend() {
        let environment = AppEnvironment.testing(budgets: Budgets(daily: 20), clock: clock)
        var state = AppState(environment: environment, isDemo: false, hasKey: true)
        _ = state.update(.layout(promptWidth: 60, promptHeight: 5), environment: environment)
        _ = state.update(.spendLoaded(SpendTotals(today: 20, month: 20), day: "2027-01-15"), environment: environment)
        _ = state.update(.key(.character("x")), environment: environment)
        clock.advance(by: 16 * 3_600)
        let effects = state.update(.key(.enter), environment: environment)
        #expect(effects.first == .loadSpend)
        #expect(effects.contains { if case let .startJob(job) = $0 { !job.overBudget } else { false } })
        #expect(state.overlay == nil)
    }
}
