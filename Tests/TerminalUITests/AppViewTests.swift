import Foundation
import Gallery
import PixapiKit
import PixtermCore
import TerminalGraphics
import TestSupport
import Testing
@testable import TerminalUI

/// The screens as text: what a person would see for a given state and terminal size.
@Suite struct AppViewTests {
    let environment = AppEnvironment.testing(maxCredits: 100, keyHelp: "set PIXAPI_KEY")
    let view = AppView(colorMode: .ansi256)
    let size = GridSize(columns: 80, rows: 24)

    func state(demo: Bool = false, keys: [InputKey] = []) -> AppState {
        var state = AppState(environment: environment, isDemo: demo, hasKey: true)
        let viewport = AppView.promptViewport(size: size, editMode: false)
        _ = state.update(.layout(promptWidth: viewport.width, promptHeight: viewport.height), environment: environment)
        for key in keys { _ = state.update(.key(key), environment: environment) }
        return state
    }

    func render(_ state: AppState, size: GridSize? = nil) -> Frame {
        view.render(state, environment: environment, size: size ?? self.size, now: Date())
    }

    /// The jobs panel: a rule with its title, then one row per job; with the focus there, the
    /// selected job's whole row is highlighted.
    @Test func theJobsListShowsOneRowPerJobUnderItsRule() {
        var state = state()
        let started = Date(timeIntervalSince1970: 1_000)
        state.jobs = ["a bridge", "a cat"].map { prompt in
            let request = ImageRequest(model: "gpt-image-2", prompt: prompt, size: .pixels(width: 1024, height: 1024), quality: .low, responseFormat: .b64JSON)
            return Job(id: UUID(), request: request, mode: .sync, cost: nil, startedAt: started)
        }
        state.compose.focus = .jobs
        state.selectedJob = 1
        let frame = view.render(state, environment: environment, size: size, now: started.addingTimeInterval(65))
        let rule = ScreenLayout(size: size).jobsPanel(editMode: false).row
        let lines = frame.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[rule] == "── Jobs " + String(repeating: "─", count: size.columns - 8))
        #expect(lines[rule + 1] == "● sending           1m5s   ? cr    a bridge")
        #expect(lines[rule + 2] == "● sending           1m5s   ? cr    a cat")
        #expect(frame.grid[rule + 2, size.columns - 1].style == Theme.selected)
        #expect(frame.grid[rule + 1, size.columns - 1].style != Theme.selected)
    }

    @Test func theCaretSitsAfterWideCharactersByDisplayWidth() {
        let frame = render(state(keys: "猫🐈e\u{301}x".map(InputKey.character)))
        let rows = frame.grid.rows()
        #expect(rows[2].hasPrefix("│猫🐈éx"))
        // 2 + 2 + 1 + 1 columns of text after the frame's left edge.
        #expect(frame.cursor == GridPoint(row: 2, column: 1 + 6))
    }

    @Test func costPanelFollowsTheSizeAndExplainsInvalidSizes() {
        let priced = render(state(keys: [.tab, .tab, .right, .right, .right, .right])).text
        #expect(priced.contains("2048x2048"))
        #expect(priced.contains("2K tier"))
        let custom = render(state(keys: [.tab, .tab, .left] + "1000x1000".map(InputKey.character)))
        #expect(custom.text.contains("custom: 1000x1000"))
        #expect(custom.text.contains("1008x1008 or 992x992"))
        // The caret follows the typed size.
        #expect(custom.cursor?.column == 9 + "custom: ".count + "1000x1000".count)
    }

    @Test func demoIsLabelledAndHelpListsTheKeys() {
        let demo = render(state(demo: true)).text
        #expect(demo.split(separator: "\n").first?.contains("DEMO - offline simulator, no credits spent") == true)
        let help = render(state(keys: [.function(1)])).text
        for key in ["Ctrl+J or Alt+Enter", "Ctrl+R", "Ctrl+E", "Ctrl+O or F2", "Ctrl+Z Ctrl+Y"] { #expect(help.contains(key)) }
    }

    @Test func statusLineKeepsTheCostBesideTheDemoLabelAt80Columns() {
        let demo = state(demo: true, keys: [.tab, .tab, .right, .right, .right, .right])
        let narrow = String(render(demo).text.split(separator: "\n")[0])
        #expect(narrow.contains("DEMO - offline simulator, no credits spent"))
        #expect(narrow.contains("2048x2048"))
        #expect(narrow.contains("cr"))
        #expect(!narrow.contains("…"))
        #expect(!narrow.contains("pixterm"))
        let wide = String(render(demo, size: GridSize(columns: 140, rows: 30)).text.split(separator: "\n")[0])
        #expect(wide.contains("pixterm · gpt-image-2 · 2048x2048 · auto · n=1 ·"))
    }

    @Test func tooSmallSaysWhatItNeeds() {
        let frame = render(state(), size: GridSize(columns: 40, rows: 10))
        #expect(frame.text.contains("terminal too small (need 60x18"))
        #expect(frame.cursor == nil)
    }

    @Test func galleryShowsTheListPreviewAndSettings() {
        var state = state()
        let request = ImageRequest(operation: .generate, model: "gpt-image-2", prompt: "a fox \u{1B}[31min snow", size: .auto, quality: .high, n: 2)
        let items = (0..<3).map { index in
            GalleryEntry.testing(
                id: "id\(index)", path: "/g/\(index).png", prompt: index == 1 ? "" : "prompt \(index)", model: "gpt-image-2",
                size: "1024x1024", quality: "high", created: Date(timeIntervalSince1970: 1_800_000_000 - Double(index) * 60),
                credits: 20, request: index == 0 ? request : nil
            )
        }
        _ = state.update(.key(.ctrl("o")), environment: environment)
        _ = state.update(.galleryLoaded(items: items, total: 3, query: GalleryQuery(), offset: 0), environment: environment)
        let red = RGB(255, 0, 0)
        let frame = view.render(state, environment: environment, size: size, now: Date()) { _, slot in
            .ready(Array(repeating: Array(repeating: HalfBlockCell(top: red, bottom: red), count: slot.rect.width), count: 2))
        }
        let text = frame.text
        #expect(text.contains("Gallery · 3 images"))
        #expect(text.contains("prompt 0") && text.contains("1.png") && text.contains("prompt 2"))
        #expect(text.contains("gpt-image-2 · 1024x1024 · high · n=2"))
        #expect(text.contains("20 credits · "))
        let detail = ScreenLayout(size: size).galleryDetail
        #expect(frame.grid[detail.row, detail.column + 1].style.foreground == CellColor.rgb(red))
        // A selected item with no sidecar says so instead of showing an empty prompt.
        _ = state.update(.key(.down), environment: environment)
        #expect(render(state).text.contains("no sidecar"))
    }

    @Test func textFromFilesNeverReachesTheGridAsEscapes() {
        var state = state()
        _ = state.update(.key(.paste("evil \u{1B}]52;c;AAAA\u{07} text")), environment: environment)
        let frame = render(state)
        for row in 0..<size.rows {
            for column in 0..<size.columns {
                let scalar = frame.grid[row, column].grapheme.unicodeScalars.first!
                #expect(scalar.value >= 0x20 && scalar.value != 0x7F)
            }
        }
    }
}
