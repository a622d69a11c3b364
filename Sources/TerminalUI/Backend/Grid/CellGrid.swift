import TerminalGraphics

/// A whole frame as cells in memory. Screens draw into it every frame; the backend sends only
/// what changed, and tests compare it as text. Everything is measured in display columns.
public struct CellGrid: Sendable, Hashable {
    public let size: GridSize
    /// Row by row; read directly by the diff.
    private(set) var cells: [ScreenCell]

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
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII (most of every frame): one byte is one grapheme of width 1, or a control
            // character of width 0 ("\r\n" is one grapheme, but both of its bytes are dropped).
            let columns = size.columns, rowStart = row * columns, packedStyle = style.packed
            cells.withUnsafeMutableBufferPointer { cells in
                for byte in text.utf8 where at < end && (0x20..<0x7F).contains(byte) {
                    Self.set(ScreenCell(ascii: byte, packedStyle: packedStyle), at: rowStart + at, column: at, columns: columns, in: cells)
                    at += 1
                }
            }
            return at - column
        }
        for character in text where at < end {
            guard let cell = cell(for: character, style: style) else { continue }
            at += place(cell, row: row, column: at, end: end)
        }
        return at - column
    }

    /// `character` measured and encoded as a cell, or nil when it takes no columns; rules and
    /// box edges make it once and place it many times.
    func cell(for character: Character, style: CellStyle) -> ScreenCell? {
        let width = columnWidth(of: character)
        return width == 0 ? nil : ScreenCell(grapheme: character, style: style, width: UInt8(width))
    }

    /// Places `cell` at `column` of `row`, before `end`, with its continuation if it is wide; a
    /// wide cell that would straddle `end` becomes a blank. Returns the columns it advanced.
    mutating func place(_ cell: ScreenCell, row: Int, column: Int, end: Int) -> Int {
        if cell.width == 2 && column + 1 >= end {
            set(cell.blanked, row: row, column: column)
            return 1
        }
        set(cell, row: row, column: column)
        if cell.width == 2 { set(cell.continuation, row: row, column: column + 1) }
        return Int(cell.width)
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
        let columns = size.columns
        cells.withUnsafeMutableBufferPointer { Self.set(cell, at: row * columns + column, column: column, columns: columns, in: $0) }
    }

    /// `set` on the cell storage itself (`index` is the cell at `column` of its row), so a run
    /// of text pays for one uniqueness check rather than one per cell.
    private static func set(_ cell: ScreenCell, at index: Int, column: Int, columns: Int, in cells: UnsafeMutableBufferPointer<ScreenCell>) {
        let old = cells[index]
        if old.isContinuation, column > 0 {
            cells[index - 1] = cells[index - 1].blanked
        } else if old.width == 2, column + 1 < columns, cell.width != 2 {
            cells[index + 1] = cells[index + 1].blanked
        }
        cells[index] = cell
    }

    func clampedRows(_ rect: CellRect) -> Range<Int> { rect.rows.clamped(to: 0..<size.rows) }

    func clampedColumns(_ rect: CellRect) -> Range<Int> { rect.columns.clamped(to: 0..<size.columns) }
}
