import Foundation
import PixapiKit
import PixtermCore
import TerminalGraphics
import TestSupport
import Testing
@testable import TerminalUI

/// The help overlay lists every key table of the screen beneath it, the focused part's first,
/// each line fitting an 80 x 24 terminal without wrapping; what does not fit scrolls.
@Suite struct HelpTextTests {
    let environment = AppEnvironment.testing(maxCredits: 100)

    /// A help line's keys and action (the keys are padded and followed by two spaces).
    func entries(_ lines: [HelpText.Line]) -> [KeyHint] {
        lines.filter { !$0.isHeading }.map { line in
            let parts = line.text.components(separatedBy: "  ")
            let action = parts.dropFirst().joined(separator: "  ").trimmingCharacters(in: .whitespaces)
            return KeyHint(parts[0], action)
        }
    }

    /// The help lines of every binding of every table (all variants) of `state`'s screen (the
    /// gallery's list or grid, whichever it shows), and the global and help tables.
    func everyHint(of state: AppState) -> [KeyHint] {
        func hints<Command>(_ maps: KeyMap<Command>...) -> [KeyHint] { maps.flatMap { $0.bindings.map(\.help) } }
        var common = hints(KeyMaps.global(typingText: true), KeyMaps.global(typingText: false)) + hints(KeyMaps.help)
        if state.sheet != nil { common += hints(KeyMaps.sheet) }
        switch state.screen {
        case .compose:
            return hints(KeyMaps.compose(searching: true), KeyMaps.compose(searching: false)) + hints(KeyMaps.prompt)
                + hints(KeyMaps.picker(typingSize: true), KeyMaps.picker(typingSize: false)) + hints(KeyMaps.sources) + hints(KeyMaps.jobs)
                + common
        case .gallery:
            let browse = state.gallery.viewMode == .grid ? KeyMaps.galleryGrid : KeyMaps.galleryList
            return hints(browse) + hints(KeyMaps.galleryFilter) + hints(KeyMaps.galleryFilterBar) + hints(KeyMaps.fullScreen) + common
        }
    }

    @Test func everyContextsHelpLinesFitAn80By24OverlayWithoutWrapping() {
        // The overlay's text is at most 72 columns wide at 80 columns.
        for (name, state) in AppState.inEveryKeyContext(environment: environment) {
            for line in HelpText.lines(for: state) {
                #expect(DisplayWidth.of(line.text) <= 72, "\(name): \(line.text)")
            }
        }
    }

    /// Whatever has focus, `?` teaches every key of the screen: the jobs keys from the prompt,
    /// the full-screen keys from the list.
    @Test func everyBindingOfEveryTableOfTheScreenIsInTheHelpOfEveryContext() {
        for (name, state) in AppState.inEveryKeyContext(environment: environment) {
            let shown = Set(entries(HelpText.lines(for: state)))
            for hint in everyHint(of: state) {
                #expect(shown.contains(hint), "\(name): no help line \(hint.keys)  \(hint.action)")
            }
        }
    }

    @Test func theFocusedContextsSectionComesFirst() {
        let first = [
            "prompt": ("Prompt", KeyMaps.prompt.guide), "search": ("Prompt", KeyMaps.prompt.guide),
            "picker": ("Settings", KeyMaps.picker(typingSize: false).guide), "typing a size": ("Settings", KeyMaps.picker(typingSize: false).guide),
            "sources": ("Sources (edit mode)", KeyMaps.sources.guide), "jobs": ("Jobs", KeyMaps.jobs.guide),
            "gallery list": ("Image list", KeyMaps.galleryList.guide), "gallery filter": ("Filter (after /)", KeyMaps.galleryFilter.guide),
            "full screen": ("Full-screen view", KeyMaps.fullScreen.guide), "gallery grid": ("Thumbnail grid", KeyMaps.galleryGrid.guide),
            "compare": ("Before and after (b)", KeyMaps.compare.guide), "gallery filter bar": ("Filter bar (after f)", KeyMaps.galleryFilterBar.guide),
            "sheet": ("Images side by side", KeyMaps.sheet.guide), "sheet full screen": ("Full-screen view (of the sheet)", KeyMaps.fullScreen.guide),
        ]
        for (name, state) in AppState.inEveryKeyContext(environment: environment) {
            guard let (title, guide) = first[name] else {
                Issue.record("\(name): a key context this test does not know")
                continue
            }
            let lines = HelpText.lines(for: state)
            #expect(lines.first == HelpText.Line(text: title, isHeading: true), "\(name)")
            let section = Array(lines.dropFirst().prefix { !$0.isHeading })
            #expect(entries(section) == KeyGuide.combined([guide]).help, "\(name)")
        }
    }

    @Test func theOverlayShowsTheScreensTablesNotItsOwn() {
        var state = AppState.inEveryKeyContext(environment: environment)[0].1
        _ = state.update(.key(.function(1)), environment: environment)
        #expect(state.overlay == .help)
        let shown = entries(HelpText.lines(for: state)).map(\.keys)
        #expect(shown.contains("Ctrl+J or Alt+Enter") && shown.contains("Esc or Ctrl+G") && shown.contains("Ctrl+C"))
        #expect(state.keyGuide.footer == [KeyHint("Esc", "close")])
    }

    /// Drawn at 80 x 24, the help shows 20 lines in a box filling all but a row above and
    /// below, and says which way more are; scrolled to the end, it shows the last 20 lines.
    @Test func theDrawnHelpScrollsWithMoreIndicators() {
        let view = AppView(colorMode: .ansi256)
        let size = GridSize(columns: 80, rows: 24)
        var state = AppState.inEveryKeyContext(environment: environment)[0].1
        _ = state.update(.helpLayout(rows: OverlayView.textRows(size: size)), environment: environment)
        _ = state.update(.key(.function(1)), environment: environment)
        let lines = HelpText.lines(for: state).map(\.text)
        #expect(lines.count > 20, "the compose help is taller than the overlay")
        func drawn() -> (text: [String], bottomEdge: String) {
            let rows = view.render(state, environment: environment, size: size, now: Date()).text.components(separatedBy: "\n")
            // The box's text: rows 2...21, from column 4 (a margin, the frame, a blank column).
            let text = rows[2...21].map { String($0.dropFirst(4).prefix(72)).trimmingCharacters(in: .whitespaces) }
            return (text, rows[22])
        }
        let opened = drawn()
        #expect(opened.text == Array(lines.prefix(20)))
        #expect(opened.bottomEdge.contains("↓ more") && !opened.bottomEdge.contains("↑ more"))
        _ = state.update(.key(.pageDown), environment: environment)
        let middle = drawn()
        let page = min(19, lines.count - 20)
        #expect(middle.text == Array(lines[page..<page + 20]), "a page down keeps one line in view")
        #expect(middle.bottomEdge.contains("↑ more"))
        _ = state.update(.key(.end), environment: environment)
        let end = drawn()
        #expect(end.text == Array(lines.suffix(20)))
        #expect(end.bottomEdge.contains("↑ more") && !end.bottomEdge.contains("↓ more"))
    }
}
