/// Grid dimensions in terminal cells; a value so screens can lay out without asking the terminal.
public struct GridSize: Sendable, Hashable {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
    }
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

/// A rectangle of cells for panels and boxes; may extend past the grid, drawing clips it.
public struct GridRect: Sendable, Hashable {
    public var row: Int
    public var column: Int
    public var width: Int
    public var height: Int

    public init(row: Int, column: Int, width: Int, height: Int) {
        self.row = row
        self.column = column
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var rows: Range<Int> { row..<(row + height) }
    public var columns: Range<Int> { column..<(column + width) }
}
