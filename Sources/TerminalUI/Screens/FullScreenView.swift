import Foundation
import PixapiKit
import PixtermCore
import TerminalGraphics

/// One gallery image on the whole body of the screen, centred, under a line naming it.
enum FullScreenView {
    static func draw(
        _ item: GalleryItem, _ browser: GalleryBrowser, into grid: inout CellGrid, layout: ScreenLayout, colorMode: ColorMode,
        preview: (GalleryItem, PreviewSlot) -> PreviewState, pixels: inout PixelOverlay?
    ) {
        let header = layout.body.row
        let position = "\((browser.selected + 1).grouped)/\(browser.items.count.grouped)  "
        let used = grid.put(position, row: header, column: 0, style: Theme.dim)
        let name = item.prompt.isEmpty ? URL(fileURLWithPath: item.path).lastPathComponent : item.prompt
        let title = TerminalText.sanitized(name).replacingOccurrences(of: "\n", with: " ")
        grid.put(DisplayWidth.truncate(title, toWidth: layout.size.columns - used, ellipsis: "…"), row: header, column: used, style: Theme.title)
        let slot = slot(layout)
        let rect = slot.rect
        switch preview(item, slot) {
        case .loading:
            let text = "drawing…"
            grid.put(text, row: rect.row + rect.height / 2, column: rect.column + max(0, (rect.width - DisplayWidth.of(text)) / 2), style: Theme.dim)
        case let .failed(reason):
            grid.put("no preview: \(TerminalText.sanitized(reason))", row: rect.row, column: rect.column, style: Theme.warning, limit: rect.column + rect.width)
        case let .ready(cells):
            let width = cells.map(\.count).max() ?? 0
            let origin = GridPoint(row: rect.row + max(0, (rect.height - cells.count) / 2), column: rect.column + max(0, (rect.width - width) / 2))
            PreviewCells.draw(cells, at: origin, limit: GridSize(columns: rect.width, rows: rect.height), colorMode: colorMode, into: &grid)
        case .pixels:
            pixels = PixelOverlay(path: item.path, slot: slot)
        }
    }

    /// Everything between the title line and the message line.
    static func slot(_ layout: ScreenLayout) -> PreviewSlot {
        let body = layout.body
        return PreviewSlot(rect: GridRect(row: body.row + 1, column: 0, width: body.width, height: max(1, body.height - 1)), centered: true)
    }
}
