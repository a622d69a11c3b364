import PixapiKit
import PixtermCore
import Testing

/// Counts in messages agree with their noun: `1 credit`, `0 credits`, `2 credits`.
@Suite struct CreditWordingTests {
    @Test func oneIsSingularEveryOtherCountPlural() {
        #expect(Plural.count(1, "credit") == "1 credit")
        #expect(Plural.count(0, "credit") == "0 credits")
        #expect(Plural.count(2, "line") == "2 lines")
    }

    @Test func aBudgetRefusalOfOneCredit() {
        let refusal = BudgetRefusal(period: .monthly, limit: 1, spent: 0, cost: 2)
        #expect(refusal.message(costing: "this batch") == "over the monthly budget of 1 credit: 0 spent this month, 1 remains, and this batch costs 2")
        #expect(refusal.message == "over the monthly budget of 1 credit: 0 spent this month, 1 remains, and this request costs 2")
    }

    @Test func theSpendBudgetLineOfOneCredit() {
        let line = SpendReportFormat.budgetLine(budgets: Budgets(daily: 1, monthly: 1), spent: SpendTotals(today: 1, month: 1))
        #expect(line == "budget: today 1 of 1 credit (0 left), this month 1 of 1 credit (0 left)")
    }
}
