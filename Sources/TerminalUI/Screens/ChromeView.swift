import Foundation
import PixapiKit
import PixtermCore

/// The lines around every screen: status on top, the message line and the key footer below.
enum ChromeView {
    static let demoLabel = "DEMO - offline simulator, no credits spent"

    static func drawStatus(_ state: AppState, _ environment: AppEnvironment, into grid: inout CellGrid, layout: ScreenLayout) {
        let row = layout.statusRow
        grid.fill(GridRect(row: row, column: 0, width: layout.size.columns, height: 1), style: Theme.statusBar)
        var column = 0
        if state.isDemo {
            column += grid.put(" \(demoLabel) ", row: row, column: column, style: Theme.demoBanner)
        }
        let settings = state.settings
        var parts = [
            "pixterm", settings.model, settings.label(for: .size), settings.quality.rawValue, "n=\(settings.n)",
        ]
        if let estimate = state.costPreview(environment).estimate {
            parts.append("\(estimate.estimate ? "~" : "")\(estimate.costCredits) cr")
        }
        let running = state.runningJobs
        if running > 0 { parts.append("\(running) job\(running == 1 ? "" : "s") running") }
        if state.operation == .edit { parts.append("EDIT") }
        grid.put(" " + parts.joined(separator: " · "), row: row, column: column, style: Theme.statusBar)
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
        for (key, action) in footerKeys(state) {
            let entry = DisplayWidth.of(key) + 1 + DisplayWidth.of(action) + 2
            guard column + entry <= layout.size.columns else { break }
            column += grid.put(key, row: layout.footerRow, column: column, style: Theme.key)
            column += grid.put(" \(action)  ", row: layout.footerRow, column: column, style: Theme.dim)
        }
    }

    static func footerKeys(_ state: AppState) -> [(String, String)] {
        if let overlay = state.overlay {
            switch overlay {
            case .help, .log: return [("Esc", "close")]
            case .confirm: return [("y", "yes"), ("n", "no")]
            case .firstRun: return [("d", "demo"), ("q", "quit"), ("Esc", "look around")]
            }
        }
        switch state.screen {
        case .gallery:
            if state.gallery.filterDraft != nil { return [("Enter", "apply"), ("Esc", "cancel"), ("^U", "clear")] }
            if state.gallery.isViewing { return [("←→", "previous/next"), ("c", "copy path"), ("o", "open"), ("Esc", "back"), ("?", "help")] }
            return [("↑↓", "select"), ("v", "view"), ("/", "filter"), ("r", "reuse"), ("e", "edit"), ("d", "delete"), ("Esc", "back"), ("?", "help"), ("c", "copy path")]
        case .compose:
            switch state.focus {
            case .prompt:
                return [("Enter", "send"), ("^J", "newline"), ("Tab", "settings"), ("^O", "gallery"), ("^E", "edit mode"), ("F1", "help"), ("^C", "quit")]
            case .picker:
                return [("←→", "change"), ("Tab", "next"), ("Enter", "send"), ("^O", "gallery"), ("?", "help"), ("q", "quit")]
            case .sources:
                return [("Enter", "add path"), ("⌫", "remove"), ("Tab", "next"), ("F1", "help")]
            case .jobs:
                return [("↑↓", "select"), ("c", "cancel"), ("r", "retry"), ("Enter", "details"), ("Tab", "next"), ("?", "help")]
            }
        }
    }
}
