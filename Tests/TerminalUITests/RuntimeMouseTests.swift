import Foundation
import PixapiKit
import PixtermCore
import TestSupport
import Testing
@testable import TerminalUI

/// The runtime turns mouse reporting on (unless told not to) and routes a report through the
/// clickable regions of the frame on screen.
@Suite struct RuntimeMouseTests {
    let environment = AppEnvironment.testing()

    private func run(_ script: [TerminalInput], mouse: Bool = true) -> (RecordingTerminal, AppRuntime) {
        let terminal = RecordingTerminal(size: GridSize(columns: 80, rows: 24), script: script + [.key(.ctrl("c")), .key(.ctrl("c"))])
        let runtime = AppRuntime(
            state: AppState(environment: environment, isDemo: false, hasKey: true), environment: environment, backend: terminal,
            services: ScriptedServices(), view: AppView(colorMode: .ansi16), previewRenderer: .init(renderer: .init(mode: .ansi16)), mouse: mouse
        )
        runtime.run()
        return (terminal, runtime)
    }

    private func press(_ button: MouseEvent.Button = .left, row: Int, column: Int, modifiers: MouseEvent.Modifiers = []) -> TerminalInput {
        .key(.mouse(MouseEvent(button: button, modifiers: modifiers, column: column, row: row)))
    }

    private func release(row: Int, column: Int) -> TerminalInput {
        .key(.mouse(MouseEvent(button: .left, isRelease: true, column: column, row: row)))
    }

    @Test func reportingIsOnUnlessTheConfigTurnsItOff() {
        #expect(run([]).0.mouseReporting)
        #expect(!run([], mouse: false).0.mouseReporting)
    }

    /// At 80x24 the n picker is row 14 and its value starts at column 9: a click focuses it
    /// ("◂ 1 ▸"), a click on ▸ steps it to 2, on ◂ back; releases do nothing.
    @Test func clicksOnAPickerFocusItAndStepItsValue() {
        let (terminal, runtime) = run([
            press(row: 14, column: 9), release(row: 14, column: 9),
            press(row: 14, column: 13), release(row: 14, column: 13),
        ])
        #expect(runtime.state.compose.focus == .picker(.n))
        #expect(runtime.state.compose.settings.n == 2)
        #expect(terminal.frames.contains { $0.grid.rows()[14].hasPrefix("n        ◂ 2 ▸") })
        let (_, back) = run([press(row: 14, column: 9), press(row: 14, column: 13), press(row: 14, column: 9)])
        #expect(back.state.compose.settings.n == 1)
    }

    /// Shift with a click is the terminal's selection gesture; the other buttons mean nothing.
    @Test func shiftClicksAndOtherButtonsDoNothing() {
        let (_, runtime) = run([
            press(row: 14, column: 9, modifiers: .shift), press(.right, row: 14, column: 9), press(.middle, row: 12, column: 9),
        ])
        #expect(runtime.state.compose.focus == .prompt)
    }

    @Test func aClickOutsideEveryRegionDoesNothing() {
        let (_, runtime) = run([press(row: 0, column: 70), press(row: 23, column: 79)])
        #expect(runtime.state.compose.focus == .prompt)
        #expect(runtime.state.overlay == nil)
    }
}
