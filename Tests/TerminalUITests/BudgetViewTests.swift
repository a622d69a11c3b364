import Foundation
import PixapiKit
import PixtermCore
import TerminalGraphics
import TestSupport
import Testing
@testable import TerminalUI

/// The budgets on screen: the spend on the status line at the common sizes, the cost panel's
/// warning, and the over-budget question.
@Suite struct BudgetViewTests {
    let view = AppView(colorMode: .ansi256)
    static let small = GridSize(columns: 80, rows: 24)
    static let large = GridSize(columns: 120, rows: 40)

    func environment(_ budgets: Budgets, maxCredits: Int? = nil) -> AppEnvironment {
        .testing(maxCredits: maxCredits, budgets: budgets)
    }

    func state(_ environment: AppEnvironment, demo: Bool = false, spent: SpendTotals?, size: GridSize = small, keys: [InputKey] = []) -> AppState {
        var state = AppState(environment: environment, isDemo: demo, hasKey: true)
        let viewport = AppView.promptViewport(size: size, editMode: false)
        _ = state.update(.layout(promptWidth: viewport.width, promptHeight: viewport.height), environment: environment)
        if let spent { _ = state.update(.spendLoaded(spent, day: "2027-01-15"), environment: environment) }
        for key in keys { _ = state.update(.key(key), environment: environment) }
        return state
    }

    func statusRow(_ state: AppState, _ environment: AppEnvironment, size: GridSize) -> String {
        String(view.render(state, environment: environment, size: size, now: Date()).grid.rows()[0])
    }

    /// The parts of a status line between its separators, blanks trimmed.
    func parts(_ row: String) -> [String] {
        row.split(separator: "·").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// With a budget the line ends with the spend; every other part shown without one (but the
    /// name) is still there, at 80 and 120 columns, in the demo and not, with a job running.
    struct Key: Hashable {
        let size: GridSize
        let demo: Bool
    }

    @Test(arguments: [(small, false), (small, true), (large, false), (large, true)])
    func theStatusLineShowsTheSpendWithoutPushingAnythingOff(size: GridSize, demo: Bool) {
        let budgets = Budgets(daily: 500, monthly: 5_000)
        let spent = SpendTotals(today: 120, month: 1_240)
        let plain = environment(.none), budgeted = environment(budgets)
        var without = state(plain, demo: demo, spent: spent, size: size, keys: "x".map(InputKey.character) + [.enter])
        var with = state(budgeted, demo: demo, spent: spent, size: size, keys: "x".map(InputKey.character) + [.enter])
        // The job stays running, so "1 job running" is on the line too.
        without.compose.focus = .prompt
        with.compose.focus = .prompt
        let before = statusRow(without, plain, size: size), after = statusRow(with, budgeted, size: size)
        #expect(before.contains("1 job running") && after.contains("1 job running"))
        let kept = parts(before).filter { !$0.hasSuffix("pixterm") && !$0.hasPrefix("pixterm") }
        #expect(kept.allSatisfy { after.contains($0) }, "\(before) -> \(after)")
        #expect(!after.contains("…"))
        #expect(DisplayWidth.of(after) == size.columns)
        // The widest form that fits: in full at 120 columns, the budget nearest its limit (the
        // month's) beside a running job at 80, nothing beside the demo label at 80.
        let wanted = [
            Key(size: Self.small, demo: false): "mo 1,240/5,000 ", Key(size: Self.large, demo: false): "today 120/500 · month 1,240/5,000 ",
            Key(size: Self.large, demo: true): "mo 1,240/5,000 ",
        ]
        if let form = wanted[Key(size: size, demo: demo)] {
            #expect(after.hasSuffix(" " + form), "\(after)")
        } else {
            #expect(!after.contains("/5,000"), "\(after)")
        }
    }

    /// Without a running job the line has room for the spend in full, at 80 columns, and beside
    /// the demo label at 120.
    @Test func withNothingRunningTheStatusLineHasRoomForBothBudgets() {
        let environment = environment(Budgets(daily: 500, monthly: 5_000))
        let spent = SpendTotals(today: 120, month: 1_240)
        #expect(statusRow(state(environment, spent: spent), environment, size: Self.small).hasSuffix(" today 120/500 · month 1,240/5,000 "))
        let demo = statusRow(state(environment, demo: true, spent: spent), environment, size: Self.large)
        #expect(demo.hasSuffix(" today 120/500 · month 1,240/5,000 "), "\(demo)")
    }

    @Test func noBudgetNoSpendOnTheStatusLine() {
        let environment = environment(.none)
        let row = statusRow(state(environment, spent: SpendTotals(today: 120, month: 1_240), size: Self.large), environment, size: Self.large)
        #expect(!row.contains("today") && !row.contains("120"))
    }

    @Test func aUsedUpBudgetIsAWarningOnTheStatusLine() {
        let environment = environment(Budgets(daily: 20))
        let frame = view.render(state(environment, spent: SpendTotals(today: 20, month: 20)), environment: environment, size: Self.small, now: Date())
        let row = frame.grid.rows()[0]
        #expect(row.hasSuffix("today 20/20 "))
        #expect(frame.grid[0, Self.small.columns - 2].style == Theme.statusWarning)
        let fits = state(environment, spent: SpendTotals(today: 6, month: 6))
        #expect(view.render(fits, environment: environment, size: Self.small, now: Date()).grid[0, Self.small.columns - 2].style == Theme.statusBar)
    }

    @Test func theCostPanelSaysWhichBudgetTheRequestWouldCross() {
        let environment = environment(Budgets(daily: 500, monthly: 5_000))
        // In full where it fits on one row (120 columns); at 80 the short form, whole on one row.
        for (size, warning) in [(Self.large, "crosses the daily budget: 490 of 500 spent today"), (Self.small, "over daily budget: 490/500 spent")] {
            let crossing = view.render(state(environment, spent: SpendTotals(today: 490, month: 1_240), size: size), environment: environment, size: size, now: Date())
            let panel = ScreenLayout(size: size).costPanel(editMode: false)
            let rows = Self.rows(of: crossing.grid, in: panel)
            #expect(rows.contains(warning), "\(rows)")
            #expect(!rows.contains { $0.contains("monthly") })
            let row = crossing.grid.rows().firstIndex { $0.contains(warning) }
            #expect(row.map { crossing.grid[$0, panel.column + 1].style } == Theme.warning)
            let fits = view.render(state(environment, spent: SpendTotals(today: 10, month: 1_240), size: size), environment: environment, size: size, now: Date())
            #expect(!Self.rows(of: fits.grid, in: panel).contains { $0.contains("budget") })
        }
    }

    /// On a narrow panel the warning is shortened to a form that fits, never wrapped and cut
    /// after a number (`crosses the daily budget: 17` read as "17 remain").
    @Test(arguments: [(60, "over daily budget"), (66, "over daily budget: 17/20 spent")])
    func aNarrowCostPanelShortensTheWarningRatherThanCuttingIt(columns: Int, warning: String) {
        let size = GridSize(columns: columns, rows: 20)
        let environment = environment(Budgets(daily: 20))
        let frame = view.render(state(environment, spent: SpendTotals(today: 17, month: 17), size: size), environment: environment, size: size, now: Date())
        let rows = Self.rows(of: frame.grid, in: ScreenLayout(size: size).costPanel(editMode: false))
        #expect(rows.contains(warning), "\(rows)")
        #expect(!rows.contains { $0.contains("crosses") || $0.hasSuffix(": 17") || $0.hasPrefix("of 20") }, "\(rows)")
    }

    /// The rows of `rect`, trimmed, blank ones left out.
    static func rows(of grid: CellGrid, in rect: CellRect) -> [String] {
        let rows = grid.rows().map(Array.init)
        return (rect.row..<rect.row + rect.height).map { String(rows[$0][rect.column..<rect.column + rect.width]).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// The lines of `rect`, trimmed, joined by blanks: wrapped text reads as one line.
    static func text(of grid: CellGrid, in rect: CellRect) -> String { rows(of: grid, in: rect).joined(separator: " ") }

    @Test func theQuestionNamesTheBudgetWhatIsSpentAndWhatRemains() throws {
        let text = try #require(questionText(environment(Budgets(daily: 20), maxCredits: 10), spent: 14))
        #expect(text.contains("Over the daily budget of 20 credits: 14 spent today, 6 remain, and this request costs 14."))
        #expect(text.contains("It is also above your limit of 10 credits for one request."))
        #expect(text.contains("Send it anyway, this once?  y sends · n or Esc sends nothing"))
    }

    /// A budget and a limit of one credit are said in the singular.
    @Test func theQuestionSaysOneCredit() throws {
        let text = try #require(questionText(environment(Budgets(daily: 1), maxCredits: 1), spent: 0))
        #expect(text.contains("Over the daily budget of 1 credit: 0 spent today, 1 remains, and this request costs 14."), "\(text)")
        #expect(text.contains("It is also above your limit of 1 credit for one request."), "\(text)")
    }

    /// The over-budget question's text after a submit with `spent` credits spent today, or nil
    /// when no question is on screen.
    func questionText(_ environment: AppEnvironment, spent: Int) -> String? {
        let asking = state(environment, spent: SpendTotals(today: spent, month: spent), keys: "x".map(InputKey.character) + [.enter])
        let grid = view.render(asking, environment: environment, size: Self.small, now: Date()).grid
        let rows = grid.rows().map(Array.init)
        guard let top = rows.firstIndex(where: { String($0).contains("┌─ Confirm") }), let left = rows[top].firstIndex(of: "┌"),
            let right = rows[top].lastIndex(of: "┐"), let bottom = rows[top...].firstIndex(where: { $0[left] == "└" })
        else { return nil }
        return Self.text(of: grid, in: CellRect(row: top + 1, column: left + 1, width: right - left - 1, height: bottom - top - 1))
    }
}
