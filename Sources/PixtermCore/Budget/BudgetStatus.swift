import PixapiKit

/// Today's and this month's spend against the budgets that are set, for the status line:
/// `today 120/500 · month 1,240/5,000`, then shorter forms for a narrow line.
public enum BudgetStatus {
    /// The forms of the spend, widest first: labelled in full, abbreviated, then only the budget
    /// nearest its limit. Empty when no budget is set or the spend is not known yet.
    public static func forms(budgets: Budgets, spent: SpendTotals?) -> [String] {
        guard let spent else { return [] }
        let parts: [(full: String, short: String, used: Double)] = [
            budgets.daily.map { ("today", "day", spent.today, $0) }, budgets.monthly.map { ("month", "mo", spent.month, $0) },
        ].compactMap { $0 }.map { full, short, spent, limit in
            let amount = "\(spent.grouped)/\(limit.grouped)"
            return ("\(full) \(amount)", "\(short) \(amount)", limit > 0 ? Double(spent) / Double(limit) : .infinity)
        }
        guard !parts.isEmpty else { return [] }
        var forms = [parts.map(\.full).joined(separator: " · "), parts.map(\.short).joined(separator: " · ")]
        if parts.count > 1, let nearest = parts.max(by: { $0.used < $1.used }) { forms.append(nearest.short) }
        return forms
    }

    /// Whether a budget is used up: the status line shows the spend as a warning.
    public static func isSpent(budgets: Budgets, spent: SpendTotals?) -> Bool {
        guard let spent else { return false }
        return budgets.daily.map { spent.today >= $0 } == true || budgets.monthly.map { spent.month >= $0 } == true
    }
}
