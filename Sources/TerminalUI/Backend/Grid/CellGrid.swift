import TerminalGraphics

/// A whole frame as cells in memory. Screens draw into it every frame; the backend sends only
/// what changed, and tests compare it as text. Everything is measured in display columns.
public struct CellGrid: Sendable, Hashable {
    public let size: GridSize
    private var cells: [ScreenCell]

    public init(size: GridSize, style: CellStyle = .plain) {
        self.size = size
        cells = Array(repeating: .blank(style), count: size.columns * size.rows)
    }

    public subscript(row: Int, column: Int) -> ScreenCell { cells[row * size.columns + column] }

    /// Writes `text` on one row from `column`, stopping at `limit` (default: the right edge).
    /// Control and other zero-width characters are dropped, so nothing in a grid can reach the
    /// terminal as an escape sequence. A wide grapheme that would straddle the limit becomes a
    /// space. Returns the columns written, for laying out what follows.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, row: Int, column: Int, style: CellStyle, limit: Int? = nil) -> Int {
        let end = min(limit ?? size.columns, size.columns)
        guard (0..<size.rows).contains(row), column >= 0 else { return 0 }
        var at = column
        for character in text where at < end {
            let width = columnWidth(of: character)
            if width == 0 { continue }
            if width == 2 && at + 1 >= end {
                set(.blank(style), row: row, column: at)
                at += 1
                break
            }
            set(ScreenCell(grapheme: character, style: style, width: UInt8(width)), row: row, column: at)
            if width == 2 { set(.continuation(style), row: row, column: at + 1) }
            at += width
        }
        return at - column
    }

    /// Blanks every cell of `rect` that lies on the grid with `style`.
    public mutating func fill(_ rect: CellRect, style: CellStyle) {
        for row in clampedRows(rect) {
            for column in clampedColumns(rect) { set(.blank(style), row: row, column: column) }
        }
    }

    /// Places one cell, first turning any wide grapheme it cuts in half into a blank, so the
    /// grid never holds half a character.
    mutating func set(_ cell: ScreenCell, row: Int, column: Int) {
        guard (0..<size.rows).contains(row), (0..<size.columns).contains(column) else { return }
        let index = row * size.columns + column
        let old = cells[index]
        if old.isContinuation, column > 0 {
            cells[index - 1] = .blank(cells[index - 1].style)
        } else if old.width == 2, column + 1 < size.columns, cell.width != 2 {
            cells[index + 1] = .blank(cells[index + 1].style)
        }
        cells[index] = cell
    }

    func clampedRows(_ rect: CellRect) -> Range<Int> { rect.rows.clamped(to: 0..<size.rows) }

    func clampedColumns(_ rect: CellRect) -> Range<Int> { rect.columns.clamped(to: 0..<size.columns) }
}
