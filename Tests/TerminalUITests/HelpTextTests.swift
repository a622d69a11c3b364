import Foundation
import PixapiKit
import PixtermCore
import TestSupport
import Testing
@testable import TerminalUI

/// The help overlay lists the key tables of the screen beneath it, one line per help line,
/// and fits an 80 x 24 terminal without wrapping.
@Suite struct HelpTextTests {
    let environment = AppEnvironment.testing(maxCredits: 100)

    @Test func everyContextsHelpFitsAn80By24TerminalWithoutWrapping() {
        // The overlay's text is at most 72 columns wide at 80 columns, and 20 rows at 24.
        for (name, state) in AppState.inEveryKeyContext(environment: environment) {
            let lines = HelpText.lines(for: state)
            let keyWidth = lines.map { DisplayWidth.of($0.key) }.max() ?? 0
            #expect(lines.count <= 20, "\(name): \(lines.count) lines")
            for line in lines {
                #expect(keyWidth + 2 + DisplayWidth.of(line.action) <= 72, "\(name): \(line.key)  \(line.action)")
            }
        }
    }

    @Test func theOverlayShowsTheScreensTablesNotItsOwn() {
        var state = AppState.inEveryKeyContext(environment: environment)[0].1
        _ = state.update(.key(.function(1)), environment: environment)
        #expect(state.overlay == .help)
        let shown = HelpText.lines(for: state).map(\.key)
        #expect(shown.contains("Ctrl+J or Alt+Enter") && shown.contains("Esc or Ctrl+G") && shown.contains("Ctrl+C"))
        #expect(state.keyGuide.footer == [KeyHint("Esc", "close")])
    }
}
