import Gallery
import PixapiKit
import PixtermCore
import TerminalGraphics

/// One image's preview in the middle of its slot, or what stands for it while it is drawn or
/// when it cannot be: the full-screen view's picture and each of the contact sheet's.
enum CenteredPreview {
    static func draw(
        _ item: GalleryEntry, in slot: PreviewSlot, into grid: inout CellGrid, colorMode: ColorMode,
        preview: (GalleryEntry, PreviewSlot) -> PreviewState, pixels: inout [PixelOverlay]
    ) {
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
}
