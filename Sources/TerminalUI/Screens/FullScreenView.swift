import Foundation
import Gallery
import PixapiKit
import PixtermCore
import TerminalGraphics

/// One gallery image on the whole body of the screen, centred, under a line naming it.
enum FullScreenView {
    static func draw(
        _ item: GalleryEntry, _ browser: GalleryBrowser, into grid: inout CellGrid, layout: ScreenLayout, colorMode: ColorMode,
        preview: (GalleryEntry, PreviewSlot) -> PreviewState, pixels: inout [PixelOverlay]
    ) {
        let header = layout.body.row
        let position = "\((browser.selected + 1).grouped)/\(browser.items.count.grouped)  "
        let used = grid.put(position, row: header, column: 0, style: Theme.dim)
        let name = item.prompt.isEmpty ? item.url.lastPathComponent : item.prompt
        let title = TerminalText.sanitized(name).replacingOccurrences(of: "\n", with: " ")
        grid.put(DisplayWidth.truncate(title, toWidth: layout.size.columns - used, ellipsis: "…"), row: header, column: used, style: Theme.title)
        let slot = slot(layout)
        let rect = slot.rect
        switch preview(item, slot) {
        case .loading:
            let text = "drawing…"
            let middle = rect.line(rect.height / 2).centered(width: DisplayWidth.of(text), height: 1)
            grid.put(text, row: middle.row, column: middle.column, style: Theme.dim)
        case let .failed(reason):
            grid.put("no preview: \(TerminalText.sanitized(reason))", row: rect.row, column: rect.column, style: Theme.warning, limit: rect.right)
        case let .ready(cells):
            let width = cells.map(\.count).max() ?? 0
            // The loader fits the cells to the slot, so the centred picture lies inside it.
            PreviewCells.draw(cells, in: rect.centered(width: width, height: cells.count), colorMode: colorMode, into: &grid)
        case .pixels:
            pixels.append(PixelOverlay(path: item.url.path, slot: slot))
        }
    }

    /// Everything between the title line and the message line.
    static func slot(_ layout: ScreenLayout) -> PreviewSlot {
        PreviewSlot(rect: layout.body.inset(top: 1), centered: true)
    }
}
