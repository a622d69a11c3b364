import TerminalGraphics

/// Where the gallery grid's thumbnails go for a terminal size: as many columns of at least
/// `minimumCellWidth` as fit (3 at 80 columns, 5 at 120, 9 at 200), each a thumbnail over a
/// one-line caption, and as many rows as fit between the title line and the details line.
/// Thumbnails stay small (about three tenths of their width in rows) so a screen of them in
/// half blocks stays cheap to send over SSH. Pure, so tests can check every size.
struct GalleryGridLayout: Equatable {
    static let minimumCellWidth = 20
    /// Blank cells between thumbnails, across and down.
    static let gap = 1

    /// All the rows and columns the grid may use.
    let area: CellRect
    let columns: Int
    let rows: Int
    let cellWidth: Int
    let thumbnailRows: Int

    init(_ layout: ScreenLayout) {
        self.init(area: layout.galleryGrid)
    }

    init(area: CellRect) {
        self.area = area
        let gap = Self.gap
        columns = max(1, (area.width + gap) / (Self.minimumCellWidth + gap))
        cellWidth = max(1, (area.width - (columns - 1) * gap) / columns)
        thumbnailRows = max(3, cellWidth * 3 / 10)
        rows = max(1, (area.height + gap) / (thumbnailRows + 1 + gap))
    }

    /// The whole cell of the thumbnail `position` places from the top-left of the screen.
    func cell(_ position: Int) -> CellRect {
        CellRect(
            row: area.row + position / columns * (thumbnailRows + 1 + Self.gap),
            column: area.column + position % columns * (cellWidth + Self.gap), width: cellWidth, height: thumbnailRows + 1
        )
    }

    /// Where the picture goes: the cell less its caption line, centred.
    func thumbnail(_ position: Int) -> PreviewSlot {
        PreviewSlot(rect: cell(position).resized(height: thumbnailRows), centered: true)
    }

    /// The caption line under the picture.
    func caption(_ position: Int) -> CellRect {
        cell(position).line(thumbnailRows)
    }
}

extension ScreenLayout {
    /// The gallery grid's area: under the title line, above the selected image's details line.
    var galleryGrid: CellRect { body.inset(top: 1, bottom: 1) }

    /// The line under the grid naming the selected image in full.
    var galleryGridDetails: CellRect { body.line(body.height - 1) }
}

extension AppView {
    /// The gallery grid's thumbnails per row and rows on screen at a terminal size, for
    /// `Action.galleryGridLayout`.
    public static func galleryGridShape(size: GridSize) -> (columns: Int, rows: Int) {
        let layout = GalleryGridLayout(ScreenLayout(size: size))
        return (layout.columns, layout.rows)
    }
}
