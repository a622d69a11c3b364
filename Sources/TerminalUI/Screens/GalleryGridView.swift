import Foundation
import Gallery
import PixapiKit
import PixtermCore
import TerminalGraphics

/// The gallery as a grid of thumbnails, each over a caption (time, the prompt's first words,
/// credits), and a line naming the selected image in full. Only the thumbnails on screen are
/// asked for, one `preview` call each: half blocks are drawn into the cells, pixel pictures
/// (kitty, iTerm2, sixel) go to `pixels` for the runtime to draw over their blank cells.
enum GalleryGridView {
    /// `regions` gets the grid (the wheel moves a row) and each thumbnail with its caption.
    static func draw(
        _ browser: GalleryBrowser, lineage: GalleryLineage?, into grid: inout CellGrid, layout: ScreenLayout, colorMode: ColorMode,
        preview: (GalleryEntry, PreviewSlot) -> PreviewState, pixels: inout [PixelOverlay], regions: inout [MouseRegion]
    ) {
        let cells = GalleryGridLayout(layout)
        let shown = browser.grid.resized(columns: cells.columns, rows: cells.rows, selected: browser.selected)
        regions.append(MouseRegion(cells.area, .galleryItems(step: cells.columns)))
        let time = DateFormatter()
        time.dateFormat = "HH:mm"
        for (position, index) in shown.visible.enumerated() where index < browser.total {
            let item = browser.item(at: index)
            let slot = cells.thumbnail(position)
            regions.append(MouseRegion(cells.cell(position), .galleryItem(index: index)))
            if let item {
                drawThumbnail(item, slot: slot, state: preview(item, slot), colorMode: colorMode, into: &grid, pixels: &pixels)
            } else {
                drawMiddle("…", of: slot.rect, into: &grid)
            }
            drawCaption(item, time: time, in: cells.caption(position), selected: index == browser.selected, into: &grid)
        }
        drawDetails(browser, lineage: lineage, in: layout.galleryGridDetails, into: &grid)
    }

    private static func drawThumbnail(
        _ item: GalleryEntry, slot: PreviewSlot, state: PreviewState, colorMode: ColorMode, into grid: inout CellGrid,
        pixels: inout [PixelOverlay]
    ) {
        switch state {
        case .loading:
            drawMiddle("…", of: slot.rect, into: &grid)
        case let .failed(reason):
            let line = slot.rect.line(slot.rect.height / 2)
            grid.put(DisplayWidth.truncate("no preview: \(TerminalText.sanitized(reason))", toWidth: line.width, ellipsis: "…"), in: line, line: 0, style: Theme.warning)
        case let .ready(rows):
            let width = rows.map(\.count).max() ?? 0
            PreviewCells.draw(rows, in: slot.rect.centered(width: width, height: rows.count), colorMode: colorMode, into: &grid)
        case .pixels:
            pixels.append(PixelOverlay(path: item.url.path, slot: slot))
        }
    }

    private static func drawMiddle(_ text: String, of rect: CellRect, into grid: inout CellGrid) {
        let middle = rect.line(rect.height / 2).centered(width: DisplayWidth.of(text), height: 1)
        grid.put(text, row: middle.row, column: middle.column, style: Theme.dim)
    }

    /// "14:05 a fox in the… 20 cr": the credits keep their place at the right, the prompt gets
    /// what is left. An image whose page is still loading shows "…".
    private static func drawCaption(_ item: GalleryEntry?, time: DateFormatter, in rect: CellRect, selected: Bool, into grid: inout CellGrid) {
        if selected { grid.fill(rect, style: Theme.selected) }
        let plain = selected ? Theme.selected : Theme.text
        guard let item else {
            grid.put("…", in: rect, line: 0, style: selected ? plain : Theme.dim)
            return
        }
        let credits = item.creditsPerImage.map { " \($0) cr" } ?? ""
        let used = grid.put(time.string(from: item.created) + " ", in: rect, line: 0, style: selected ? plain : Theme.dim)
        let room = max(0, rect.width - used - DisplayWidth.of(credits))
        grid.put(DisplayWidth.truncate(item.title, toWidth: room, ellipsis: "…"), in: rect, line: 0, column: used, style: plain)
        grid.put(credits, in: rect, line: 0, column: rect.width - DisplayWidth.of(credits), style: selected ? plain : Theme.dim)
    }

    /// "12/340  a fox in the snow · gpt-image-2 · 1024x1024 · low · 20 cr · 01-02 03:04", with the
    /// lineage the list's details pane shows ("edited from", "edits: N") once it has loaded, so
    /// `p`, `]` and `[` say what they would go to in the grid too.
    private static func drawDetails(_ browser: GalleryBrowser, lineage: GalleryLineage?, in rect: CellRect, into grid: inout CellGrid) {
        guard browser.total > 0 else { return }
        let position = "\((browser.selected + 1).grouped)/\(browser.total.grouped)  "
        let used = grid.put(position, in: rect, line: 0, style: Theme.dim)
        guard let item = browser.selectedItem else { return }
        let date = DateFormatter()
        date.dateFormat = "MM-dd HH:mm"
        var parts = [item.title]
        if let parent = lineage?.parent { parts.append("edited from “\(DisplayWidth.truncate(parent.title, toWidth: 24, ellipsis: "…"))” (p)") }
        if let count = lineage?.childCount, count > 0 { parts.append("edits: \(count) (] [)") }
        parts += [item.model, item.size, item.quality].compactMap { $0 }.map { TerminalText.sanitized($0) }
        if let credits = item.creditsPerImage { parts.append("\(credits) cr") }
        parts.append(date.string(from: item.created))
        grid.put(DisplayWidth.truncate(parts.joined(separator: " · "), toWidth: rect.width - used, ellipsis: "…"), in: rect, line: 0, column: used, style: Theme.text)
    }
}
