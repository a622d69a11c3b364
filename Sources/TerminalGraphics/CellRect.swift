/// A rectangle of terminal cells, zero-based from the top-left of the screen: the UI's panels
/// and boxes, and the cells a pixel picture covers. It may extend past the screen; drawing clips
/// it. The helpers return new rectangles so layouts read as "the body less its title line"
/// instead of sums of rows and columns (as ratatui's `Rect::inner` and `Rect::centered`).
public struct CellRect: Sendable, Hashable {
    public var row: Int
    public var column: Int
    public var width: Int
    public var height: Int

    /// A negative width or height means an empty rectangle.
    public init(row: Int, column: Int, width: Int, height: Int) {
        self.row = row
        self.column = column
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var rows: Range<Int> { row..<bottom }
    public var columns: Range<Int> { column..<right }
    /// The first row below the rectangle.
    public var bottom: Int { row + height }
    /// The first column to the right of the rectangle.
    public var right: Int { column + width }

    /// The rectangle less the given number of cells at each edge; a margin larger than the
    /// rectangle leaves it empty (its top-left still moves by `top` and `left`).
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> CellRect {
        CellRect(row: row + top, column: column + left, width: width - left - right, height: height - top - bottom)
    }

    /// The rectangle less `margin` cells on every side: `inset(by: 1)` is the inside of a frame.
    public func inset(by margin: Int) -> CellRect {
        inset(top: margin, left: margin, bottom: margin, right: margin)
    }

    /// A `width` x `height` rectangle in the middle of this one, an odd cell left over going
    /// below and to the right. A side longer than this one's starts at this one's edge and
    /// reaches past the other edge (drawing clips it).
    public func centered(width: Int, height: Int) -> CellRect {
        CellRect(row: row + max(0, self.height - height) / 2, column: column + max(0, self.width - width) / 2, width: width, height: height)
    }

    /// The same top-left corner with a new width and/or height.
    public func resized(width: Int? = nil, height: Int? = nil) -> CellRect {
        CellRect(row: row, column: column, width: width ?? self.width, height: height ?? self.height)
    }

    /// The one-row strip `offset` rows from the top, full width: a line of a list or a panel.
    public func line(_ offset: Int) -> CellRect {
        CellRect(row: row + offset, column: column, width: width, height: 1)
    }

    /// Side by side: the first `leftWidth` columns, and what is right of them after a `gap`
    /// (a divider line).
    public func splitColumns(leftWidth: Int, gap: Int) -> (left: CellRect, right: CellRect) {
        (resized(width: leftWidth), inset(left: leftWidth + gap))
    }
}
