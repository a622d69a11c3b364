import Foundation
import Gallery
import PixapiKit
import PixtermApp
import PixtermCore

/// Where the spend stands against the `[budget]` caps, and whether a request of `cost` credits
/// would cross one: what `pixterm cost` prints and its `--json` carries as `budget`.
struct BudgetStanding: Encodable, Equatable {
    let daily: Int?
    let monthly: Int?
    let spentToday: Int
    let spentThisMonth: Int
    /// Credits left before each budget that is set (0 once it is spent).
    let remainingToday: Int?
    let remainingThisMonth: Int?
    /// `daily` and/or `monthly`: the budgets this request would cross (empty when it fits).
    let wouldCross: [String]
    /// What `generate` would say instead of sending it, when it would cross one.
    let refusal: String?

    init(budgets: Budgets, spent: SpendTotals, cost: Int) {
        daily = budgets.daily
        monthly = budgets.monthly
        spentToday = spent.today
        spentThisMonth = spent.month
        remainingToday = budgets.daily.map { max(0, $0 - spent.today) }
        remainingThisMonth = budgets.monthly.map { max(0, $0 - spent.month) }
        let crossings = budgets.crossings(cost: cost, spent: spent)
        wouldCross = crossings.map(\.period.rawValue)
        refusal = crossings.first.map { "not sent without --over-budget: \($0.message)" }
    }

    /// `budget: 3 of 5 credits spent today (2 remain), 3 of 100 this month (97 remain)`, then
    /// whether this request fits.
    var lines: [String] {
        func remain(_ credits: Int) -> String { "\(credits) \(credits == 1 ? "remains" : "remain")" }
        var parts: [String] = []
        if let daily, let remainingToday { parts.append("\(spentToday) of \(Plural.count(daily, "credit")) spent today (\(remain(remainingToday)))") }
        if let monthly, let remainingThisMonth {
            parts.append("\(spentThisMonth) of \(Plural.count(monthly, "credit")) spent this month (\(remain(remainingThisMonth)))")
        }
        return ["budget: " + parts.joined(separator: ", "), refusal ?? "within the budget" + (parts.count > 1 ? "s" : "")]
    }

    /// The standing read from the spend ledger of `settings`; `nil` when no budget is set. A
    /// ledger not created yet means nothing has been spent (and is not created by looking).
    static func read(settings: PixtermSettings, cost: Int, now: Date = Date()) throws(PixapiError) -> BudgetStanding? {
        guard !settings.budgets.isEmpty else { return nil }
        var spent = SpendTotals.zero
        if FileManager.default.fileExists(atPath: ledgerFile(settings).path) {
            do { spent = try JobBackend.openLedger(settings: settings).totals(now: now) } catch { throw PixapiError(.io, error.message) }
        }
        return BudgetStanding(budgets: settings.budgets, spent: spent, cost: cost)
    }

    /// Where the spend ledger of `settings` lives.
    static func ledgerFile(_ settings: PixtermSettings) -> URL {
        settings.paths.journalDirectory.appendingPathComponent(SpendLedger.fileName)
    }
}
