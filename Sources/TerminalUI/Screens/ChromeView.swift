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
        let line = statusLine(state, environment, width: room)
        grid.put(line.settings, row: row, column: column, style: Theme.statusBar)
        if let spend = line.spend {
            let style = BudgetStatus.isSpent(budgets: environment.budgets, spent: state.spend.totals) ? Theme.statusWarning : Theme.statusBar
            grid.put(spend, row: row, column: layout.size.columns - 1 - DisplayWidth.of(spend), style: style)
        }
    }

    /// The settings summary that fits `width`: the least useful parts go first when the line is
    /// narrow (the name, then n and quality, which the pickers show anyway), so the cost and the
    /// running jobs stay visible at 80 columns even beside the demo label. At the right end, the
    /// spend against the budgets in the widest form that fits beside it: it never pushes a
    /// setting, the cost or the running jobs off the line (only the name gives way to it), and
    /// when even its shortest form does not fit, it is left out.
    static func statusLine(_ state: AppState, _ environment: AppEnvironment, width: Int) -> (settings: String, spend: String?) {
        let parts = statusParts(state, environment)
        let alone = fitted(parts, width: width)
        let settings = DisplayWidth.truncate(text(alone), toWidth: width, ellipsis: "…")
        for form in BudgetStatus.forms(budgets: environment.budgets, spent: state.spend.totals) {
            // A blank before the spend and one after it, at the line's end.
            let room = width - DisplayWidth.of(form) - 2
            let beside = fitted(parts.filter { $0.priority > 0 }, width: room)
            if DisplayWidth.of(text(beside)) <= room, beside.map(\.text) == alone.map(\.text).filter({ $0 != name }) {
                return (text(beside), form)
            }
        }
        return (settings, nil)
    }

    private static let name = "pixterm"

    /// The parts of the settings summary; a higher priority stays longer.
    private static func statusParts(_ state: AppState, _ environment: AppEnvironment) -> [(text: String, priority: Int)] {
        let settings = state.compose.settings
        var parts: [(text: String, priority: Int)] = [
            (name, 0), (settings.model, 4), (settings.label(for: .size), 3), (settings.quality.rawValue, 2), ("n=\(settings.n)", 1),
        ]
        if let estimate = state.costPreview(environment).estimate {
            parts.append(("\(estimate.estimate ? "~" : "")\(estimate.costCredits) cr", 6))
        }
        let running = state.runningJobs
        if running > 0 { parts.append(("\(running) job\(running == 1 ? "" : "s") running", 7)) }
        if state.compose.operation == .edit { parts.append(("EDIT", 5)) }
        return parts
    }

    /// `parts` less the lowest priorities until their text fits `width` (one part always stays).
    private static func fitted(_ parts: [(text: String, priority: Int)], width: Int) -> [(text: String, priority: Int)] {
        var parts = parts
        while DisplayWidth.of(text(parts)) > width, parts.count > 1, let lowest = parts.indices.min(by: { parts[$0].priority < parts[$1].priority }) {
            parts.remove(at: lowest)
        }
        return parts
    }

    private static func text(_ parts: [(text: String, priority: Int)]) -> String { " " + parts.map(\.text).joined(separator: " · ") }

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
        for hint in state.footerHints {
            let entry = DisplayWidth.of(hint.keys) + 1 + DisplayWidth.of(hint.action) + 2
            guard column + entry <= layout.size.columns else { break }
            column += grid.put(hint.keys, row: layout.footerRow, column: column, style: Theme.key)
            column += grid.put(" \(hint.action)  ", row: layout.footerRow, column: column, style: Theme.dim)
        }
    }
}
