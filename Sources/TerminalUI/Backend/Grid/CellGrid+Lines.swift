import TerminalGraphics

/// Box drawing for panels and separators, in the light line characters every font has.
extension CellGrid {
    /// A horizontal rule of `width` cells from (`row`, `column`); the line character is
    /// measured once, not once per cell.
    public mutating func hline(row: Int, column: Int, width: Int, style: CellStyle) {
        let end = min(column + width, size.columns)
        guard (0..<size.rows).contains(row), column >= 0, let cell = cell(for: "─", style: style) else { return }
        var at = column
        while at < end { at += place(cell, row: row, column: at, end: end) }
    }

    /// A vertical rule of `height` cells from (`row`, `column`).
    public mutating func vline(row: Int, column: Int, height: Int, style: CellStyle) {
        guard column >= 0, let cell = cell(for: "│", style: style) else { return }
        for at in row..<(row + max(0, height)) where (0..<size.rows).contains(at) && column < size.columns {
            _ = place(cell, row: at, column: column, end: size.columns)
        }
    }

    /// A frame around the edge of `rect`; the inside is left as it is. An optional title is
    /// written into the top edge and clipped to fit between the corners.
    public mutating func box(_ rect: CellRect, style: CellStyle, title: String? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let inner = rect.inset(by: 1), right = rect.right - 1, bottom = rect.bottom - 1
        hline(row: rect.row, column: inner.column, width: inner.width, style: style)
        hline(row: bottom, column: inner.column, width: inner.width, style: style)
        vline(row: inner.row, column: rect.column, height: inner.height, style: style)
        vline(row: inner.row, column: right, height: inner.height, style: style)
        put("┌", row: rect.row, column: rect.column, style: style)
        put("┐", row: rect.row, column: right, style: style)
        put("└", row: bottom, column: rect.column, style: style)
        put("┘", row: bottom, column: right, style: style)
        if let title, rect.width > 4 {
            put(" \(title) ", row: rect.row, column: rect.column + 2, style: style, limit: right - 1)
        }
    }
}
