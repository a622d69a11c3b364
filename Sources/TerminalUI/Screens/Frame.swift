import PixtermCore
import TerminalGraphics

/// One drawn screen: the cells, where the terminal's caret goes (nil hides it), the pictures
/// the terminal draws over blank cells after the flush (pixel graphics only), and what the
/// mouse can click on (topmost last), which the runtime keeps to route the next click.
public struct Frame: Sendable {
    public var grid: CellGrid
    public var cursor: GridPoint?
    public var pixels: [PixelOverlay]
    public var mouseRegions: [MouseRegion]

    public init(grid: CellGrid, cursor: GridPoint? = nil, pixels: [PixelOverlay] = [], mouseRegions: [MouseRegion] = []) {
        self.grid = grid
        self.cursor = cursor
        self.pixels = pixels
        self.mouseRegions = mouseRegions
    }
}

/// Writes a line clipped to `rect`'s width; returns columns used.
extension CellGrid {
    @discardableResult
    mutating func put(_ text: String, in rect: CellRect, line: Int, column: Int = 0, style: CellStyle) -> Int {
        guard line >= 0, line < rect.height else { return 0 }
        return put(text, row: rect.row + line, column: rect.column + column, style: style, limit: rect.right)
    }
}
