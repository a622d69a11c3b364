import Foundation
import Gallery
import PixapiKit
import PixtermCore
import TerminalGraphics

/// The gallery browser: the list on the left, the selected image and its settings on the right;
/// or a grid of thumbnails (`GalleryGridView`).
enum GalleryView {
    /// Draws the screen, recording the images the mouse can click into `regions`.
    static func draw(
        _ state: AppState, into grid: inout CellGrid, layout: ScreenLayout, colorMode: ColorMode,
        preview: (GalleryEntry, PreviewSlot) -> PreviewState, pixels: inout [PixelOverlay], regions: inout [MouseRegion]
    ) -> GridPoint? {
        let browser = state.gallery
        let header = layout.body.row
        var cursor: GridPoint?
        if let bar = browser.filterBar {
            cursor = GalleryFilterBarView.draw(bar, into: &grid, row: header, width: layout.size.columns, regions: &regions)
        } else if let draft = browser.filterDraft {
            let used = grid.put("Filter: ", row: header, column: 0, style: Theme.title)
            let typed = grid.put(TerminalText.sanitized(draft), row: header, column: used, style: Theme.focusedValue)
            cursor = GridPoint(row: header, column: min(used + typed, layout.size.columns - 1))
        } else {
            var title = "Gallery · \(browser.total.grouped) image\(browser.total == 1 ? "" : "s")"
            if !browser.filter.isEmpty { title += " matching “\(TerminalText.sanitized(browser.filter))”" }
            let filters = GalleryFilterBarView.summary(browser.query)
            if !filters.isEmpty { title += " · " + filters }
            if browser.query != GalleryQuery() { title += " (Esc clears)" }
            if browser.isLoading { title += " · loading…" }
            grid.put(title, row: header, column: 0, style: Theme.title)
        }
        if browser.viewMode == .grid {
            if browser.total == 0 {
                drawEmpty(browser, into: &grid, rect: layout.galleryGrid)
            } else {
                GalleryGridView.draw(
                    browser, lineage: browser.selectedItem.flatMap { state.lineage.lineage(of: $0) }, into: &grid, layout: layout, colorMode: colorMode, preview: preview, pixels: &pixels,
                    regions: &regions)
            }
            return cursor
        }
        drawList(browser, into: &grid, rect: layout.galleryList, regions: &regions)
        grid.vline(row: layout.galleryDetail.row, column: layout.galleryDetail.column - 1, height: layout.galleryDetail.height, style: Theme.frame)
        if let item = browser.selectedItem {
            GalleryDetailView.draw(
                item, lineage: state.lineage.lineage(of: item), into: &grid, rect: layout.galleryDetail, slot: previewSlot(layout), colorMode: colorMode,
                preview: preview, pixels: &pixels
            )
        }
        return cursor
    }

    /// Rows of the detail panel given to text under the preview: a blank, the prompt and
    /// settings, and the count of edits made from the image (`GalleryDetailView`).
    static let detailTextRows = 7

    /// The cells the preview of the selected item gets: the detail panel less a margin and
    /// the text under the preview.
    static func previewSlot(_ layout: ScreenLayout) -> PreviewSlot {
        PreviewSlot(rect: layout.galleryDetail.inset(left: 1, bottom: detailTextRows, right: 1), centered: false)
    }

    /// What an empty gallery says, in the list's or the grid's place.
    private static func drawEmpty(_ browser: GalleryBrowser, into grid: inout CellGrid, rect: CellRect) {
        let text =
            browser.isLoading
            ? "loading…"
            : browser.filter.isEmpty
                ? "No images yet. Generate one on the compose screen (Esc)." : "Nothing matches. Esc clears the filter."
        for (line, wrapped) in TextWrap.lines(text, width: rect.width - 1).enumerated() {
            grid.put(wrapped, in: rect, line: line, style: Theme.dim)
        }
    }

    /// A line per image around the selection, among all the query selects; an image whose page
    /// is still loading shows "…".
    private static func drawList(_ browser: GalleryBrowser, into grid: inout CellGrid, rect: CellRect, regions: inout [MouseRegion]) {
        if browser.total == 0 {
            drawEmpty(browser, into: &grid, rect: rect)
            return
        }
        let first = max(0, min(browser.selected - rect.height / 2, browser.total - rect.height))
        let formatter = DateFormatter()
        formatter.dateFormat = "MM-dd HH:mm"
        regions.append(MouseRegion(rect, .galleryItems(step: 1)))
        for (line, index) in (first..<min(browser.total, first + rect.height)).enumerated() {
            regions.append(MouseRegion(rect.line(line), .galleryItem(index: index)))
            let selected = index == browser.selected
            let style = selected ? Theme.selected : Theme.text
            if selected { grid.fill(rect.line(line), style: style) }
            guard let item = browser.item(at: index) else {
                grid.put("…", in: rect, line: line, style: selected ? style : Theme.dim)
                continue
            }
            let used = grid.put(formatter.string(from: item.created) + " ", in: rect, line: line, style: selected ? style : Theme.dim)
            let text = item.title
            grid.put(DisplayWidth.truncate(text, toWidth: rect.width - used, ellipsis: "…"), in: rect, line: line, column: used, style: style)
        }
    }
}
