import Foundation
import PixapiKit

/// What the UI knows of the credits the budgets count, read from the spend ledger off the UI
/// thread (`Effect.loadSpend`): nothing until the first read, and nothing again from the moment
/// the day is seen to have changed until the read for the new day arrives.
public struct SpendSnapshot: Hashable, Sendable {
    /// Today's and this month's spend, nil while not known.
    public var totals: SpendTotals?
    /// The local day (`YYYY-MM-DD`) `totals` are for, or the day a read was asked for; nil
    /// before the first read.
    public var day: String?

    public init(totals: SpendTotals? = nil, day: String? = nil) {
        self.totals = totals
        self.day = day
    }
}

extension Budgets {
    /// Every budget `cost` more credits would cross, daily first: the over-budget question and
    /// the cost panel name each one (`refusal` stops at the first).
    public func crossings(cost: Int, spent: SpendTotals) -> [BudgetRefusal] {
        [Budgets(daily: daily), Budgets(monthly: monthly)].compactMap { $0.refusal(cost: cost, spent: spent) }
    }
}
