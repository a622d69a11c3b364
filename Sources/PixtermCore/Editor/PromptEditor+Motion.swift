/// Caret motion: by grapheme, by word, by visual row (keeping a goal column in display columns)
/// and to row or line ends.
extension PromptEditor {
    mutating func move(_ command: EditorCommand) {
        undoHistory.breakCoalescing()
        switch command {
        case .left: caret = position(before: caret) ?? caret
        case .right: caret = position(after: caret) ?? caret
        case .up: moveVertically(by: -1)
        case .down: moveVertically(by: 1)
        case .home: moveToRowEdge(start: true)
        case .end: moveToRowEdge(start: false)
        case .wordLeft: caret = wordStart(before: caret)
        case .wordRight: caret = wordEnd(after: caret)
        case .moveTo(let point): caret = position(at: point)
        case .scroll(let rows): scroll(by: rows)
        default: break
        }
    }

    /// The caret position a click on visual row `point.row`, display column `point.column`
    /// means; rows and columns past the text land at its end.
    func position(at point: VisualPoint) -> TextPosition {
        let (line, row) = locate(row: min(max(0, point.row), rowCount - 1))
        return TextPosition(line: line, index: lines[line].index(inRow: row, nearColumn: max(0, point.column)))
    }

    /// Moves the view by `rows`, and the caret just into it when it would fall outside.
    private mutating func scroll(by rows: Int) {
        let top = min(max(0, scrollTop + rows), max(0, rowCount - viewportHeight))
        let point = caretPoint
        let row = min(max(point.row, top), top + viewportHeight - 1)
        if row != point.row { caret = position(at: VisualPoint(row: row, column: point.column)) }
        scrollTop = top
    }

    func position(before position: TextPosition) -> TextPosition? {
        if position.index > 0 { return TextPosition(line: position.line, index: position.index - 1) }
        guard position.line > 0 else { return nil }
        return TextPosition(line: position.line - 1, index: lines[position.line - 1].count)
    }

    func position(after position: TextPosition) -> TextPosition? {
        if position.index < lines[position.line].count {
            return TextPosition(line: position.line, index: position.index + 1)
        }
        guard position.line + 1 < lines.count else { return nil }
        return TextPosition(line: position.line + 1, index: 0)
    }

    /// Start of the word before `position` (Alt+Left, Ctrl+W): skips separators, then a run of
    /// letters and digits, or a single wide ideograph since CJK text has no spaces between words.
    func wordStart(before position: TextPosition) -> TextPosition {
        var current = position
        while let kind = kind(before: current), !kind.isWord, let previous = self.position(before: current) {
            current = previous
        }
        if kind(before: current) == .ideograph { return self.position(before: current) ?? current }
        while kind(before: current) == .word, let previous = self.position(before: current) {
            current = previous
        }
        return current
    }

    /// End of the word after `position` (Alt+Right), mirroring `wordStart(before:)`.
    func wordEnd(after position: TextPosition) -> TextPosition {
        var current = position
        while let kind = kind(after: current), !kind.isWord, let next = self.position(after: current) {
            current = next
        }
        if kind(after: current) == .ideograph { return self.position(after: current) ?? current }
        while kind(after: current) == .word, let next = self.position(after: current) {
            current = next
        }
        return current
    }

    private mutating func moveVertically(by delta: Int) {
        let point = caretPoint
        let goal = goalColumn ?? point.column
        goalColumn = goal
        let target = point.row + delta
        guard target >= 0, target < rowCount else { return }
        let (line, row) = locate(row: target)
        caret = TextPosition(line: line, index: lines[line].index(inRow: row, nearColumn: goal))
    }

    /// Home and End stop at the visual row's edge first, then at the logical line's.
    private mutating func moveToRowEdge(start: Bool) {
        let line = lines[caret.line]
        let rowRange = line.caretRange(ofRow: line.row(of: caret.index))
        let rowEdge = start ? rowRange.lowerBound : rowRange.upperBound
        caret.index = caret.index == rowEdge ? (start ? 0 : line.count) : rowEdge
    }

    /// The kind of grapheme before `position`; a line break counts as a space, nil at the start.
    private func kind(before position: TextPosition) -> Glyph.Kind? {
        if position.index > 0 { return lines[position.line].glyphs[position.index - 1].kind }
        return position.line > 0 ? .space : nil
    }

    private func kind(after position: TextPosition) -> Glyph.Kind? {
        if position.index < lines[position.line].count { return lines[position.line].glyphs[position.index].kind }
        return position.line + 1 < lines.count ? .space : nil
    }
}
