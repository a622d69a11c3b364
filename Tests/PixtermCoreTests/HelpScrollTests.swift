import Foundation
import PixapiKit
import Testing
import TestSupport
@testable import PixtermCore

/// The help overlay scrolls in `update`: by a line, a page, to either end, never before the
/// first line nor past the last page, and it opens at the top.
@Suite struct HelpScrollTests {
    let environment = AppEnvironment.testing(maxCredits: 100)

    /// The compose screen with the settings focused (where `?` is help), the overlay showing 20 lines.
    func settingsState() -> AppState {
        var state = AppState.inEveryKeyContext(environment: environment).first { $0.0 == "picker" }!.1
        _ = state.update(.helpLayout(rows: 20), environment: environment)
        return state
    }

    func press(_ keys: InputKey..., on state: inout AppState) {
        for key in keys { _ = state.update(.key(key), environment: environment) }
    }

    @Test func scrollingMovesByLinesAndPagesAndClampsAtBothEnds() {
        var state = settingsState()
        press(.character("?"), on: &state)
        #expect(state.overlay == .help)
        let lastTop = state.helpLineCount - 20
        #expect(lastTop > 0, "the compose help is taller than 20 lines (\(state.helpLineCount))")
        #expect(state.helpScroll.top == 0)
        press(.up, .character("k"), .pageUp, on: &state)
        #expect(state.helpScroll.top == 0, "nothing above the first line")
        press(.down, .character("j"), on: &state)
        #expect(state.helpScroll.top == 2)
        press(.character("k"), on: &state)
        #expect(state.helpScroll.top == 1)
        press(.pageDown, on: &state)
        #expect(state.helpScroll.top == min(1 + 19, lastTop), "a page keeps one line of the last in view")
        press(.end, on: &state)
        #expect(state.helpScroll.top == lastTop)
        press(.down, .pageDown, .character("j"), on: &state)
        #expect(state.helpScroll.top == lastTop, "nothing past the last page")
        press(.up, on: &state)
        #expect(state.helpScroll.top == lastTop - 1, "one line up from the end is one line up, however often Down was pressed")
        press(.home, on: &state)
        #expect(state.helpScroll.top == 0)
        #expect(state.overlay == .help, "scrolling keeps the help open")
    }

    @Test func aTallerOverlayPullsTheScrollBackAndEverythingFittingMeansNoScroll() {
        var state = settingsState()
        press(.character("?"), .end, on: &state)
        _ = state.update(.helpLayout(rows: 30), environment: environment)
        #expect(state.helpScroll.top == state.helpLineCount - 30)
        _ = state.update(.helpLayout(rows: 200), environment: environment)
        #expect(state.helpScroll.top == 0)
        press(.pageDown, .end, .down, on: &state)
        #expect(state.helpScroll.top == 0)
    }

    @Test func theHelpOpensAtTheTopAndItsOtherKeysStillCloseIt() {
        for close in [InputKey.escape, .enter, .character("q"), .function(1), .character("?"), .ctrl("l")] {
            var state = settingsState()
            press(.character("?"), .pageDown, on: &state)
            #expect(state.helpScroll.top > 0)
            press(close, on: &state)
            #expect(state.overlay == nil, "\(close) closes the help")
            press(.function(1), on: &state)
            #expect(state.overlay == .help && state.helpScroll.top == 0, "reopened after \(close): at the top")
        }
        // Ctrl+C closes it too (outside the help's table: it is the global interrupt).
        var state = settingsState()
        press(.character("?"), .pageDown, .ctrl("c"), on: &state)
        #expect(state.overlay == nil)
        press(.character("?"), on: &state)
        #expect(state.helpScroll.top == 0)
    }
}
