/// How the gallery shows its images: a list beside one large preview, or a grid of thumbnails
/// (`g` switches). The choice is kept across runs (`Effect.saveGalleryViewMode`).
public enum GalleryViewMode: String, Hashable, Sendable {
    case list, grid

    /// The other mode, for the key that switches.
    var toggled: GalleryViewMode { self == .list ? .grid : .list }
}

/// The grid as the screen shows it: thumbnails per row, rows on screen, and which row is at the
/// top. The view measures columns and rows from the terminal size (`Action.galleryGridLayout`);
/// moving keeps the selection on screen, scrolling as little as possible.
public struct GalleryGrid: Hashable, Sendable {
    public private(set) var columns: Int
    public private(set) var rows: Int
    /// The row (of all rows of thumbnails, `columns` to a row) at the top of the screen.
    public private(set) var topRow = 0

    public init(columns: Int, rows: Int) {
        self.columns = max(1, columns)
        self.rows = max(1, rows)
    }

    /// The indices of all images that are on screen now (some past `total` when the last row
    /// is short).
    public var visible: Range<Int> { topRow * columns..<(topRow + rows) * columns }

    /// A new terminal size: the images at the top stay at about the top, and the selection
    /// stays on screen.
    mutating func resize(columns: Int, rows: Int, selected: Int) {
        self = resized(columns: columns, rows: rows, selected: selected)
    }

    /// This grid with another shape, as `resize` makes it: what a view that measured the
    /// terminal itself shows before `update` hears of the new size.
    public func resized(columns: Int, rows: Int, selected: Int) -> GalleryGrid {
        guard columns != self.columns || rows != self.rows else { return self }
        var grid = GalleryGrid(columns: columns, rows: rows)
        grid.topRow = topRow * self.columns / grid.columns
        grid.reveal(selected)
        return grid
    }

    /// Where `command` moves the selection among `total` images: left and right by one, up and
    /// down by a row, a page by a screen of rows (the screen scrolls with it), and to either
    /// end; never past them. Nil when `command` is not a move.
    mutating func move(_ command: GalleryListCommand, from selected: Int, total: Int) -> Int? {
        guard total > 0 else { return nil }
        let target: Int
        switch command {
        case .left: target = selected - 1
        case .right: target = selected + 1
        case .up: target = selected - columns
        case .down: target = selected + columns
        case .pageUp, .pageDown:
            let rowsMoved = command == .pageUp ? -rows : rows
            target = selected + rowsMoved * columns
            topRow = min(max(0, topRow + rowsMoved), maxTopRow(total: total))
        case .first: target = 0
        case .last: target = total - 1
        default: return nil
        }
        var moved = min(max(target, 0), total - 1)
        // Up from the top row stays; down into a short last row goes to its last image.
        if command == .up, target < 0 { moved = selected }
        if command == .down, target > total - 1, selected / columns == (total - 1) / columns { moved = selected }
        reveal(moved)
        return moved
    }

    /// Scrolls as little as possible so `index` is on screen.
    mutating func reveal(_ index: Int) {
        let row = max(0, index) / columns
        if row < topRow { topRow = row }
        if row >= topRow + rows { topRow = row - rows + 1 }
    }

    /// The last row that may be at the top: the one that puts the last image on the bottom row.
    private func maxTopRow(total: Int) -> Int {
        max(0, (total - 1) / columns - rows + 1)
    }
}
