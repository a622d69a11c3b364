/// The prompt field's text, caret, soft-wrap layout, scroll position and undo history, as a value
/// that the terminal layer reads to draw and mutates only through `apply(_:layoutWidth:)`.
///
/// Layout is cached per logical line and recomputed only for lines an edit touched, so typing
/// into a long prompt costs time proportional to the edited line, not to the whole prompt.
public struct PromptEditor: Sendable {
    /// Maximum prompt length in Unicode scalars, from the selected model.
    public var limit: Int
    public internal(set) var caret = TextPosition(line: 0, index: 0)
    /// Columns available to text. The caret and a hanging space may use one column more, so pass
    /// the viewport's width minus one.
    public private(set) var layoutWidth: Int
    /// Visual rows the viewport shows; the scroll offset keeps the caret among them.
    public var viewportHeight: Int {
        didSet { scrollToCaret() }
    }
    /// The first visual row shown in the viewport.
    public internal(set) var scrollTop = 0
    /// Increases on every change to the text, so a view can skip redrawing when it is unchanged.
    public internal(set) var revision = 0

    var lines = [LogicalLine()]
    /// Display column that Up and Down aim for, kept across rows shorter than it.
    var goalColumn: Int?
    var undoHistory = UndoHistory()

    public init(text: String = "", limit: Int, layoutWidth: Int = 79, viewportHeight: Int = 5) {
        self.limit = limit
        self.layoutWidth = max(1, layoutWidth)
        self.viewportHeight = max(1, viewportHeight)
        caret = replace(caret..<caret, with: Self.cleaned(text))
        refreshLayout()
    }

    public mutating func apply(_ command: EditorCommand, layoutWidth: Int) {
        setLayoutWidth(layoutWidth)
        let keepsGoalColumn = command == .up || command == .down
        switch command {
        case .type(let character): type(character)
        case .paste(let text): edit(.other, insert: text)
        case .newline: edit(.other, insert: "\n")
        case .backspace: deleteBackward()
        case .deleteForward: deleteForward()
        case .undo: restore(undoHistory.undo(from: snapshot))
        case .redo: restore(undoHistory.redo(from: snapshot))
        case .deleteWordBackward: delete(from: wordStart(before: caret), kind: .other)
        case .deleteToLineStart: delete(from: TextPosition(line: caret.line, index: 0), kind: .other)
        case .deleteToLineEnd: deleteToLineEnd()
        case .reverseSearch, .cancel: break  // History search belongs to `PromptInput`.
        default: move(command)
        }
        if !keepsGoalColumn { goalColumn = nil }
        refreshLayout()
    }

    /// Re-wraps for a new terminal width (on resize); lines are laid out again lazily per width.
    public mutating func setLayoutWidth(_ width: Int) {
        let width = max(1, width)
        guard width != layoutWidth else { return }
        layoutWidth = width
        refreshLayout()
    }

    // MARK: Reading

    public var text: String { lines.map(\.text).joined(separator: "\n") }

    public var isEmpty: Bool { lines.count == 1 && lines[0].count == 0 }

    /// Length as the API counts it: Unicode scalars, newlines included.
    public var scalarCount: Int { lines.reduce(lines.count - 1) { $0 + $1.scalarCount } }

    public var isOverLimit: Bool { scalarCount > limit }

    public var rowCount: Int { lines.reduce(0) { $0 + $1.rowCount } }

    public var caretPoint: VisualPoint { point(of: caret) }

    public var isCaretOnFirstRow: Bool { caretPoint.row == 0 }

    public var isCaretOnLastRow: Bool { caretPoint.row == rowCount - 1 }

    /// Rows `range` of the layout (clamped to the rows that exist).
    public func rows(_ range: Range<Int>) -> [VisualRow] {
        var rows: [VisualRow] = []
        var first = 0
        for line in lines where first < range.upperBound {
            let lower = max(range.lowerBound, first)
            let upper = min(range.upperBound, first + line.rowCount)
            if lower < upper {
                for row in lower..<upper { rows.append(line.visualRow(row - first)) }
            }
            first += line.rowCount
        }
        return rows
    }

    /// The rows the viewport shows.
    public var visibleRows: [VisualRow] { rows(scrollTop..<scrollTop + viewportHeight) }

    // MARK: Internals shared by the extensions

    var snapshot: UndoHistory.Snapshot { UndoHistory.Snapshot(lines: lines, caret: caret) }

    func point(of position: TextPosition) -> VisualPoint {
        let rowsAbove = lines[..<position.line].reduce(0) { $0 + $1.rowCount }
        let line = lines[position.line]
        return VisualPoint(row: rowsAbove + line.row(of: position.index), column: line.column(of: position.index))
    }

    /// The logical line and its row for visual row `row`, which must exist.
    func locate(row: Int) -> (line: Int, row: Int) {
        var remaining = row
        for (number, line) in lines.enumerated() {
            if remaining < line.rowCount { return (number, remaining) }
            remaining -= line.rowCount
        }
        return (lines.count - 1, lines[lines.count - 1].rowCount - 1)
    }

    private mutating func restore(_ state: UndoHistory.Snapshot?) {
        guard let state else { return }
        lines = state.lines
        caret = state.caret
        revision += 1
    }

    private mutating func refreshLayout() {
        for number in lines.indices where lines[number].wrapWidth != layoutWidth {
            lines[number].layOut(width: layoutWidth)
        }
        scrollToCaret()
    }

    private mutating func scrollToCaret() {
        let row = caretPoint.row
        if row < scrollTop { scrollTop = row }
        if row >= scrollTop + viewportHeight { scrollTop = row - viewportHeight + 1 }
        scrollTop = max(0, min(scrollTop, rowCount - viewportHeight))
    }
}
