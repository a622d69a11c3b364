import Foundation
import PixapiKit
import PixtermCore
import TerminalGraphics

/// The compose screen: prompt editor, pickers, live cost, edit sources and jobs.
enum ComposeView {
    /// The prompt box's inner size, which the editor wraps to; the runtime reports it as `.layout`.
    static func promptViewport(_ layout: ScreenLayout, editMode: Bool) -> (width: Int, height: Int) {
        let inner = layout.promptBox(editMode: editMode).inset(by: 1)
        return (inner.width, inner.height)
    }

    /// Draws the screen, recording what the mouse can click into `regions`; returns the caret.
    static func draw(
        _ state: AppState, _ environment: AppEnvironment, into grid: inout CellGrid, layout: ScreenLayout, now: Date,
        regions: inout [MouseRegion]
    ) -> GridPoint? {
        let editMode = state.compose.operation == .edit
        let promptBox = layout.promptBox(editMode: editMode)
        var cursor = drawPrompt(state, environment, into: &grid, box: promptBox)
        regions.append(MouseRegion(promptBox.inset(by: 1), .promptText))
        let settingsCursor = drawSettings(state, environment, into: &grid, rect: layout.settingsPanel(editMode: editMode), regions: &regions)
        drawCost(state.costPreview(environment), into: &grid, rect: layout.costPanel(editMode: editMode))
        if let row = layout.sourcesRow(editMode: editMode) {
            let sourcesCursor = drawSources(state, into: &grid, row: row, width: layout.size.columns)
            regions.append(MouseRegion(CellRect(row: row, column: 0, width: layout.size.columns, height: 1), .sources))
            if state.compose.focus == .sources { cursor = sourcesCursor }
        }
        JobsView.draw(state, into: &grid, rect: layout.jobsPanel(editMode: editMode), now: now, regions: &regions)
        if case .picker = state.compose.focus { cursor = settingsCursor }
        if state.compose.focus == .jobs { cursor = nil }
        return cursor
    }

    // MARK: Prompt

    private static func drawPrompt(_ state: AppState, _ environment: AppEnvironment, into grid: inout CellGrid, box: CellRect) -> GridPoint? {
        let focused = state.compose.focus == .prompt
        let editor = state.compose.input.editor
        grid.box(box, style: focused ? Theme.focusedFrame : Theme.frame, title: state.compose.operation == .edit ? "Describe the edit" : "Prompt")
        let counter = " \(editor.scalarCount.grouped) / \(editor.limit.grouped) "
        let counterWidth = DisplayWidth.of(counter)
        if box.width > counterWidth + 16 {
            // Plain like the prompt text, so a keystroke's counter update needs no attribute
            // changes: about 15 bytes less per typed character.
            grid.put(counter, row: box.row, column: box.right - 2 - counterWidth, style: editor.isOverLimit ? Theme.error : Theme.text)
        }
        let inner = box.inset(by: 1)
        if editor.isEmpty && state.compose.input.search == nil {
            let hint = state.compose.operation == .edit ? "Describe the change to make." : "Describe the image you want."
            grid.put(hint + " Enter sends; Ctrl+J adds a line.", in: inner, line: 0, style: Theme.dim)
        } else {
            for (offset, row) in editor.visibleRows.enumerated() {
                grid.put(row.text, in: inner, line: offset, style: Theme.text)
            }
        }
        if editor.scrollTop > 0 { grid.put("↑", row: inner.row, column: inner.right, style: Theme.accent) }
        if editor.scrollTop + editor.viewportHeight < editor.rowCount {
            grid.put("↓", row: inner.bottom - 1, column: inner.right, style: Theme.accent)
        }
        if state.compose.input.search == nil, let reference = state.compose.referencePrompt {
            // On the frame's bottom edge, for reference: the instruction box holds only what is typed.
            let source = " source: " + TerminalText.sanitized(reference).replacingOccurrences(of: "\n", with: " ")
            grid.put(DisplayWidth.truncate(source, toWidth: inner.width - 2, ellipsis: "…") + " ", row: inner.bottom, column: box.column + 2, style: Theme.dim, limit: inner.right)
        }
        if let search = state.compose.input.search {
            let label = search.isFailing ? " failing search: " : " history search: "
            let used = grid.put(label + search.query, row: inner.bottom, column: box.column + 2, style: Theme.warning, limit: inner.right)
            return focused ? GridPoint(row: inner.bottom, column: min(box.column + 2 + used, inner.right - 1)) : nil
        }
        guard focused else { return nil }
        let caret = editor.caretPoint
        return GridPoint(row: inner.row + caret.row - editor.scrollTop, column: inner.column + min(caret.column, inner.width - 1))
    }

    // MARK: Settings

    /// The pickers, one a row: a click on a name focuses it, on the left or right half of a
    /// value steps it back or on.
    private static func drawSettings(
        _ state: AppState, _ environment: AppEnvironment, into grid: inout CellGrid, rect: CellRect, regions: inout [MouseRegion]
    ) -> GridPoint? {
        var cursor: GridPoint?
        for (line, field) in PickerField.allCases.enumerated() where line < rect.height {
            let focused = state.compose.focus == .picker(field)
            grid.put(DisplayWidth.pad(field.title, toWidth: 9), in: rect, line: line, style: focused ? Theme.title : Theme.dim)
            let row = rect.line(line)
            regions.append(MouseRegion(row.resized(width: min(9, row.width)), .pickerLabel(field)))
            let value = state.compose.settings.label(for: field)
            let isCustomSize: Bool
            if field == .size, case .custom = state.compose.settings.size { isCustomSize = true } else { isCustomSize = false }
            if focused && isCustomSize {
                let typed: String
                if case let .custom(text) = state.compose.settings.size { typed = text } else { typed = "" }
                let valid = (try? state.compose.settings.resolvedSize(in: environment.catalog).get()) != nil
                let used = grid.put("custom: ", in: rect, line: line, column: 9, style: Theme.dim)
                let typedWidth = grid.put(typed, in: rect, line: line, column: 9 + used, style: valid ? Theme.focusedValue : Theme.warning)
                cursor = GridPoint(row: rect.row + line, column: rect.column + 9 + used + typedWidth)
            } else if focused {
                let count = state.compose.settings.options(for: field, in: environment.catalog).count
                let used = grid.put(count > 1 ? "◂ \(value) ▸" : value, in: rect, line: line, column: 9, style: Theme.focusedValue)
                regions.append(MouseRegion(row.inset(left: 9).resized(width: used), .pickerValue(field)))
            } else {
                let used = grid.put(value, in: rect, line: line, column: 9, style: isCustomSize ? Theme.warning : Theme.text)
                regions.append(MouseRegion(row.inset(left: 9).resized(width: used), .pickerValue(field)))
            }
        }
        return cursor
    }

    // MARK: Cost

    private static func drawCost(_ preview: CostPreview, into grid: inout CellGrid, rect: CellRect) {
        grid.vline(row: rect.row, column: rect.column - 1, height: rect.height, style: Theme.frame)
        let x = 1
        var lines: [(String, CellStyle)] = []
        /// Lines that must stay whole: shortened to one row rather than wrapped (and cut by the panel).
        var oneRow: Set<Int> = []
        switch preview.status {
        case let .priced(estimate):
            let marker = estimate.estimate ? "~" : ""
            lines.append(("\(marker)\(estimate.costCredits.grouped) credits  ($\(CentsText.of(estimate.usd)))", Theme.money))
            lines.append(("\(marker)\(estimate.creditsPerImage) credits/image · \(estimate.tier) tier · n=\(estimate.n)", Theme.text))
            for crossed in preview.budgetsCrossed {
                oneRow.insert(lines.count)
                lines.append((crossed.panelWarning(width: rect.width - x), Theme.warning))
            }
            for note in estimate.notes { lines.append((note, Theme.dim)) }
            if preview.needsConfirmation, let threshold = preview.threshold {
                lines.append(("above your \(threshold)-credit limit: asks before sending", Theme.warning))
            }
        case let .invalid(reason):
            lines.append(("cannot send yet: \(reason)", Theme.warning))
        }
        var line = 0
        for (index, (text, style)) in lines.enumerated() {
            for wrapped in oneRow.contains(index) ? [text] : TextWrap.lines(text, width: rect.width - x) {
                grid.put(wrapped, in: rect, line: line, column: x, style: style)
                line += 1
            }
        }
    }

    // MARK: Sources

    private static func drawSources(_ state: AppState, into grid: inout CellGrid, row: Int, width: Int) -> GridPoint? {
        let focused = state.compose.focus == .sources
        var column = grid.put(DisplayWidth.pad("Sources", toWidth: 9), row: row, column: 0, style: focused ? Theme.title : Theme.dim)
        let names = state.compose.sources.map { TerminalText.sanitized(URL(fileURLWithPath: $0).lastPathComponent) }
        if !names.isEmpty {
            column += grid.put(names.joined(separator: ", ") + "  ", row: row, column: column, style: Theme.text, limit: width * 2 / 3)
        } else if state.compose.sourceDraft.isEmpty {
            grid.put("type or paste image paths, Enter adds", row: row, column: column, style: Theme.dim)
        }
        let draft = TerminalText.sanitized(state.compose.sourceDraft)
        let shown = DisplayWidth.of(draft) > width - column - 1 ? "…" + String(draft.suffix(max(1, width - column - 2))) : draft
        column += grid.put(shown, row: row, column: column, style: focused ? Theme.focusedValue : Theme.text)
        return focused ? GridPoint(row: row, column: min(column, width - 1)) : nil
    }
}
