import TerminalGraphics

/// Grid dimensions in terminal cells; a value so screens can lay out without asking the terminal.
public struct GridSize: Sendable, Hashable {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
    }

    /// The whole grid as a rectangle, for laying out panels inside it.
    public var bounds: CellRect { CellRect(row: 0, column: 0, width: columns, height: rows) }
}

/// A cell position, row first as ncurses counts; used for the caret the terminal shows.
public struct GridPoint: Sendable, Hashable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}
