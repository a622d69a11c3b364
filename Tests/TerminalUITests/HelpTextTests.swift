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

    func states() -> [(String, AppState)] {
        var prompt = AppState(environment: environment, isDemo: false, hasKey: true)
        _ = prompt.update(.layout(promptWidth: 40, promptHeight: 4), environment: environment)
        var picker = prompt
        picker.compose.focus = .picker(.size)
        var sources = prompt
        sources.compose.operation = .edit
        sources.compose.focus = .sources
        var jobs = prompt
        _ = jobs.update(.key(.character("x")), environment: environment)
        _ = jobs.update(.key(.enter), environment: environment)
        jobs.compose.focus = .jobs
        let list = AppState.showingGallery(items: 1, environment: environment)
        var filter = list
        _ = filter.update(.key(.character("/")), environment: environment)
        var viewing = list
        _ = viewing.update(.key(.character("v")), environment: environment)
        return [("prompt", prompt), ("picker", picker), ("sources", sources), ("jobs", jobs), ("list", list), ("filter", filter), ("viewing", viewing)]
    }

    @Test func everyContextsHelpFitsAn80By24TerminalWithoutWrapping() {
        // The overlay's text is at most 72 columns wide at 80 columns, and 20 rows at 24.
        for (name, state) in states() {
            let lines = HelpText.lines(for: state)
            let keyWidth = lines.map { DisplayWidth.of($0.key) }.max() ?? 0
            #expect(lines.count <= 20, "\(name): \(lines.count) lines")
            for line in lines {
                #expect(keyWidth + 2 + DisplayWidth.of(line.action) <= 72, "\(name): \(line.key)  \(line.action)")
            }
        }
    }

    @Test func theOverlayShowsTheScreensTablesNotItsOwn() {
        var state = states()[0].1
        _ = state.update(.key(.function(1)), environment: environment)
        #expect(state.overlay == .help)
        let shown = HelpText.lines(for: state).map(\.key)
        #expect(shown.contains("Ctrl+J or Alt+Enter") && shown.contains("Esc or Ctrl+G") && shown.contains("Ctrl+C"))
        #expect(state.keyGuide.footer == [KeyHint("Esc", "close")])
    }
}
