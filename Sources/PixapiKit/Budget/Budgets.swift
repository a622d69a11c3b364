/// The spending caps a person set in `[budget]`: credits per local calendar day and month.
///
/// Every paid request, from the UI, the CLI or a batch, is checked against them before it is
/// sent (`SpendLedger.reserve`), so they hold across every pixterm running on the machine.
public struct Budgets: Sendable, Hashable, Codable {
    public var daily: Int?
    public var monthly: Int?

    public init(daily: Int? = nil, monthly: Int? = nil) {
        self.daily = daily
        self.monthly = monthly
    }

    public static let none = Budgets()

    public var isEmpty: Bool { daily == nil && monthly == nil }

    /// The first budget `cost` more credits would cross, daily before monthly; `nil` when it
    /// fits them all. Spending exactly up to a budget is allowed; one credit more is not.
    public func refusal(cost: Int, spent: SpendTotals) -> BudgetRefusal? {
        if let daily, spent.today + cost > daily {
            return BudgetRefusal(period: .daily, limit: daily, spent: spent.today, cost: cost)
        }
        if let monthly, spent.month + cost > monthly {
            return BudgetRefusal(period: .monthly, limit: monthly, spent: spent.month, cost: cost)
        }
        return nil
    }
}

/// Credits counted against the budgets: charged, and sent with an outcome not known yet.
public struct SpendTotals: Sendable, Hashable, Codable {
    public var today: Int
    public var month: Int

    public init(today: Int, month: Int) {
        self.today = today
        self.month = month
    }

    public static let zero = SpendTotals(today: 0, month: 0)
}

/// Why a request was not sent: it would take the spend past a budget.
public struct BudgetRefusal: Sendable, Hashable, Codable {
    public enum Period: String, Sendable, Hashable, Codable {
        case daily
        case monthly

        /// "today" / "this month", for messages.
        public var span: String { self == .daily ? "today" : "this month" }
    }

    public let period: Period
    public let limit: Int
    public let spent: Int
    public let cost: Int

    public init(period: Period, limit: Int, spent: Int, cost: Int) {
        self.period = period
        self.limit = limit
        self.spent = spent
        self.cost = cost
    }

    /// Credits left before the budget; 0 when it is already spent or overspent.
    public var remaining: Int { max(0, limit - spent) }

    /// `over the daily budget of 500 credits: 480 spent today, 20 remain, and this request costs 40`
    /// (`1 credit`, `1 remains`).
    public var message: String { message(costing: "this request") }

    /// The message for `what` costing `cost`: `this batch` for a whole batch.
    public func message(costing what: String) -> String {
        "over the \(period.rawValue) budget of \(Plural.count(limit, "credit")): \(spent) spent \(period.span), "
            + "\(remaining) \(remaining == 1 ? "remains" : "remain"), and \(what) costs \(cost)"
    }
}
