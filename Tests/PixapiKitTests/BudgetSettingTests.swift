import Testing
@testable import PixapiKit

/// `[budget] daily = N` and `monthly = N` in config.toml: whole credits, 0 or more; anything
/// else is refused by name, since a budget that is silently ignored protects nobody.
@Suite struct BudgetSettingTests {
    private func settings(_ text: String?) throws -> PixtermSettings { try PixtermSettings.loaded(fromConfig: text) }

    /// The message `text` is refused with (empty when it was accepted).
    private func refusal(_ text: String) -> String {
        do {
            _ = try settings(text)
            return ""
        } catch {
            return (error as? PixapiError)?.message ?? "\(error)"
        }
    }

    @Test func budgetsAreReadFromTheBudgetTable() throws {
        #expect(try settings(nil).budgets == .none)
        #expect(try settings("[budget]\ndaily = 500\nmonthly = 10_000\n").budgets == Budgets(daily: 500, monthly: 10_000))
        #expect(try settings("[budget]\nmonthly = 300\n").budgets == Budgets(daily: nil, monthly: 300))
        #expect(try settings("budget.daily = 0\n").budgets == Budgets(daily: 0))
        #expect(try settings("max_credits = 50\n[budget]\ndaily = 7\n").budgets == Budgets(daily: 7))
    }

    @Test func aNegativeOrNonIntegerBudgetIsRefusedNamingTheKey() {
        for value in ["-1", "2.5", "\"100\"", "true"] {
            let message = refusal("[budget]\ndaily = \(value)\n")
            #expect(message.contains("budget.daily in "), "\(value): \(message)")
            #expect(message.contains("must be a whole number of credits, 0 or more"), "\(value): \(message)")
        }
        #expect(refusal("[budget]\nmonthly = -20\n").contains("budget.monthly in "))
    }

    @Test func anUnknownKeyInTheBudgetTableIsRefusedByName() {
        let message = refusal("[budget]\ndayly = 5\n")
        #expect(message.contains("[budget] in "))
        #expect(message.contains("unknown key dayly; it takes daily and monthly"))
    }

    @Test func aBudgetOutsideTheTableOrInAPluralTableIsRefused() {
        #expect(refusal("budget = 500\n").contains("must be a table: [budget] with daily = N and monthly = N"))
        #expect(refusal("[budgets]\ndaily = 5\n").contains("has [budgets]; the table is [budget]"))
    }
}

/// `Budgets.refusal`: spending exactly up to a budget is allowed, one credit more is not, and
/// the daily budget is named before the monthly one.
@Suite struct BudgetRefusalTests {
    @Test func spendingExactlyUpToTheBudgetIsAllowedAndOneMoreIsRefused() throws {
        let budgets = Budgets(daily: 5)
        #expect(budgets.refusal(cost: 1, spent: SpendTotals(today: 4, month: 4)) == nil)
        #expect(budgets.refusal(cost: 5, spent: .zero) == nil)
        let refusal = try #require(budgets.refusal(cost: 1, spent: SpendTotals(today: 5, month: 5)))
        #expect(refusal == BudgetRefusal(period: .daily, limit: 5, spent: 5, cost: 1))
        #expect(refusal.remaining == 0)
        #expect(refusal.message == "over the daily budget of 5 credits: 5 spent today, 0 remain, and this request costs 1")
        let large = try #require(budgets.refusal(cost: 3, spent: SpendTotals(today: 3, month: 3)))
        #expect(large.remaining == 2)
        #expect(large.message == "over the daily budget of 5 credits: 3 spent today, 2 remain, and this request costs 3")
    }

    @Test func theMonthlyBudgetCountsTheWholeMonth() throws {
        let budgets = Budgets(monthly: 100)
        #expect(budgets.refusal(cost: 10, spent: SpendTotals(today: 0, month: 90)) == nil)
        let refusal = try #require(budgets.refusal(cost: 11, spent: SpendTotals(today: 0, month: 90)))
        #expect(refusal.period == .monthly)
        #expect(refusal.message == "over the monthly budget of 100 credits: 90 spent this month, 10 remain, and this request costs 11")
    }

    @Test func theDailyBudgetIsNamedBeforeTheMonthly() throws {
        let budgets = Budgets(daily: 10, monthly: 20)
        #expect(try #require(budgets.refusal(cost: 5, spent: SpendTotals(today: 8, month: 18))).period == .daily)
        #expect(try #require(budgets.refusal(cost: 5, spent: SpendTotals(today: 2, month: 18))).period == .monthly)
        #expect(budgets.refusal(cost: 2, spent: SpendTotals(today: 8, month: 18)) == nil)
    }

    @Test func aZeroBudgetRefusesEveryPaidRequestAndNoBudgetRefusesNothing() throws {
        #expect(try #require(Budgets(daily: 0).refusal(cost: 1, spent: .zero)).remaining == 0)
        #expect(Budgets(daily: 0).refusal(cost: 0, spent: .zero) == nil)
        #expect(Budgets.none.refusal(cost: 1_000_000, spent: SpendTotals(today: 1_000_000, month: 1_000_000)) == nil)
    }

    @Test func oneCreditAndOneRemainingAreSaidInTheSingular() {
        #expect(
            BudgetRefusal(period: .daily, limit: 1, spent: 0, cost: 2).message
                == "over the daily budget of 1 credit: 0 spent today, 1 remains, and this request costs 2")
        #expect(
            BudgetRefusal(period: .monthly, limit: 4, spent: 3, cost: 2).message
                == "over the monthly budget of 4 credits: 3 spent this month, 1 remains, and this request costs 2")
    }

    @Test func overspentRemainsZero() {
        #expect(BudgetRefusal(period: .daily, limit: 5, spent: 9, cost: 1).remaining == 0)
    }
}
