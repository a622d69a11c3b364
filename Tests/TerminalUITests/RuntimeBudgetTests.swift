import Foundation
import PixapiKit
import PixtermCore
import TestSupport
import Testing
@testable import TerminalUI

/// The runtime wakes when the local day ends while the status line shows today's spend, and
/// its tick reads the new day's spend; without a budget it sleeps until a key.
@Suite struct RuntimeBudgetTests {
    func run(budgets: Budgets, clock: TestClock) -> (RecordingTerminal, ScriptedServices) {
        let environment = AppEnvironment.testing(budgets: budgets, clock: clock)
        var state = AppState(environment: environment, isDemo: false, hasKey: true)
        // Read yesterday (2027-01-15); the clock is 30 s into 2027-01-16 (UTC).
        _ = state.update(.spendLoaded(SpendTotals(today: 14, month: 14), day: "2027-01-15"), environment: environment)
        let terminal = RecordingTerminal(size: GridSize(columns: 80, rows: 24), script: [.timeout, .key(.ctrl("c")), .key(.ctrl("c"))])
        let services = ScriptedServices()
        let runtime = AppRuntime(
            state: state, environment: environment, backend: terminal, services: services, view: AppView(colorMode: .ansi16),
            previewRenderer: .init(renderer: .init(mode: .ansi16))
        )
        runtime.run()
        return (terminal, services)
    }

    static func afterMidnight() -> TestClock {
        let clock = TestClock()
        clock.advance(by: 16 * 3_600 + 30)
        return clock
    }

    @Test func theDaysEndWakesTheLoopAndItsTickReadsTheNewDaysSpend() {
        let (terminal, services) = run(budgets: Budgets(daily: 20), clock: Self.afterMidnight())
        // The first wait ends at the next midnight: 24 h less the 30 s gone.
        #expect(terminal.timeouts.first == .seconds(86_370))
        #expect(services.effects == [.loadSpend, .quit])
    }

    @Test func withoutABudgetTheLoopSleepsUntilAKey() {
        let (terminal, services) = run(budgets: .none, clock: Self.afterMidnight())
        #expect(terminal.timeouts.first == .some(nil))
        #expect(services.effects == [.quit])
    }
}
