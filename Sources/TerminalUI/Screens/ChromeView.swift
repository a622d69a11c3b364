import Foundation
import PixapiKit
import PixtermCore
import TerminalGraphics

/// The lines around every screen: status on top, the message line and the key footer below.
enum ChromeView {
    static let demoLabel = "DEMO - offline simulator, no credits spent"

    static func drawStatus(_ state: AppState, _ environment: AppEnvironment, into grid: inout CellGrid, layout: ScreenLayout) {
        let row = layout.statusRow
        grid.fill(layout.size.bounds.line(row), style: Theme.statusBar)
        var column = 0
        if state.isDemo {
            column += grid.put(" \(demoLabel) ", row: row, column: column, style: Theme.demoBanner)
        }
        let room = layout.size.columns - column
        grid.put(statusText(state, environment, width: room), row: row, column: column, style: Theme.statusBar)
    }

    /// The settings summary that fits `width`: the least useful parts go first when the line is
    /// narrow (the name, then n and quality, which the pickers show anyway), so the cost and the
    /// running jobs stay visible at 80 columns even beside the demo label.
    static func statusText(_ state: AppState, _ environment: AppEnvironment, width: Int) -> String {
        let settings = state.compose.settings
        // (text, priority): higher priority stays longer.
        var parts: [(String, Int)] = [
            ("pixterm", 0), (settings.model, 4), (settings.label(for: .size), 3), (settings.quality.rawValue, 2), ("n=\(settings.n)", 1),
        ]
        if let estimate = state.costPreview(environment).estimate {
            parts.append(("\(estimate.estimate ? "~" : "")\(estimate.costCredits) cr", 6))
        }
        let running = state.runningJobs
        if running > 0 { parts.append(("\(running) job\(running == 1 ? "" : "s") running", 7)) }
        if state.compose.operation == .edit { parts.append(("EDIT", 5)) }
        func text() -> String { " " + parts.map(\.0).joined(separator: " · ") }
        while DisplayWidth.of(text()) > width, parts.count > 1, let lowest = parts.indices.min(by: { parts[$0].1 < parts[$1].1 }) {
            parts.remove(at: lowest)
        }
        return DisplayWidth.truncate(text(), toWidth: width, ellipsis: "…")
    }

    static func drawMessage(_ state: AppState, into grid: inout CellGrid, layout: ScreenLayout) {
        guard let message = state.message else { return }
        let row = layout.messageRow
        switch message.kind {
        case .error:
            let hint = "  (Esc dismisses · Ctrl+L log)"
            let room = layout.size.columns - DisplayWidth.of(hint) - 2
            let text = DisplayWidth.truncate(message.text, toWidth: max(10, room), ellipsis: "…")
            let used = grid.put("✖ " + text, row: row, column: 0, style: Theme.error)
            grid.put(hint, row: row, column: used, style: Theme.dim)
        case .note:
            grid.put(DisplayWidth.truncate(message.text, toWidth: layout.size.columns, ellipsis: "…"), row: row, column: 0, style: Theme.accent)
        }
    }

    static func drawFooter(_ state: AppState, into grid: inout CellGrid, layout: ScreenLayout) {
        var column = 0
        for hint in state.keyGuide.footer {
            let entry = DisplayWidth.of(hint.keys) + 1 + DisplayWidth.of(hint.action) + 2
            guard column + entry <= layout.size.columns else { break }
            column += grid.put(hint.keys, row: layout.footerRow, column: column, style: Theme.key)
            column += grid.put(" \(hint.action)  ", row: layout.footerRow, column: column, style: Theme.dim)
        }
    }
}
