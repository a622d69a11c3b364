import Foundation
import Gallery
import PixapiKit

extension AppState {
    /// Before a key, a click or the clock's tick on a new local day: forgets yesterday's totals
    /// (they are not today's, so none is shown or asked about until read, and the runner's own
    /// check decides a request sent meanwhile) and asks for today's. Only while a budget is set;
    /// the first read is the interpreter's, at start. Effects of the runtime's layout actions
    /// are dropped, so those never mark a day.
    mutating func forgetSpendOnNewDay(before action: Action, environment: AppEnvironment) -> [Effect] {
        guard !environment.budgets.isEmpty else { return [] }
        switch action {
        case .key, .mouse, .tick:
            let today = LedgerDay.key(environment.now(), timeZone: environment.timeZone)
            guard let day = spend.day, day != today else { return [] }
            spend = SpendSnapshot(day: today)
            return [.loadSpend]
        default:
            return []
        }
    }

    /// Asks for the spend again after it may have changed: a job reserved credits in the ledger
    /// (`.recorded`) or ended, or the demo (with its own ledger) started. Only while a budget is set.
    mutating func refreshSpend(after action: Action, environment: AppEnvironment) -> [Effect] {
        guard !environment.budgets.isEmpty else { return [] }
        switch action {
        case let .jobEvent(_, event):
            switch event {
            case .recorded, .completed, .failed, .cancelled: return [.loadSpend]
            case .kept, .submitted, .progress, .saved: return []
            }
        case .demoStarted:
            spend = SpendSnapshot()
            return [.loadSpend]
        default:
            return []
        }
    }

    /// When the local day of the spend shown ends, so the runtime can wake then (a `.tick`) and
    /// read the new day's; nil without a budget or before the first read.
    public func spendDayEnds(_ environment: AppEnvironment) -> Date? {
        guard !environment.budgets.isEmpty, spend.day != nil else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = environment.timeZone
        return calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: environment.now()))
    }

    /// The question a submit over a budget asks, or nil when it fits every budget (or the spend
    /// is not known yet: the runner still checks, atomically, before anything is sent).
    func overBudgetQuestion(_ preview: CostPreview) -> Confirmation? {
        guard !preview.budgetsCrossed.isEmpty else { return nil }
        return .overBudget(preview.budgetsCrossed, threshold: preview.needsConfirmation ? preview.threshold : nil)
    }
}
