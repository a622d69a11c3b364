import PixapiKit
import PixtermCore
import Testing

/// The cost panel's budget warning: the widest complete form that fits, never a cut one.
@Suite struct BudgetWarningTests {
    let daily = BudgetRefusal(period: .daily, limit: 20, spent: 17, cost: 14)

    @Test func theWidestFormThatFits() {
        let full = "crosses the daily budget: 17 of 20 spent today"
        #expect(daily.panelWarning(width: full.count) == full)
        #expect(daily.panelWarning(width: full.count - 1) == "over daily budget: 17/20 spent")
        #expect(daily.panelWarning(width: 30) == "over daily budget: 17/20 spent")
        #expect(daily.panelWarning(width: 29) == "over daily budget")
        #expect(daily.panelWarning(width: 5) == "over daily budget", "the shortest form has no number to cut")
    }

    @Test func largeNumbersAreGroupedAndMeasured() {
        let monthly = BudgetRefusal(period: .monthly, limit: 5_000, spent: 4_990, cost: 14)
        #expect(monthly.panelWarning(width: 200) == "crosses the monthly budget: 4,990 of 5,000 spent this month")
        #expect(monthly.panelWarning(width: 40) == "over monthly budget: 4,990/5,000 spent")
    }
}
