import Foundation
import Gallery
import PixapiKit
import PixtermCore
import TerminalGraphics

/// A request's images side by side (the contact sheet): a title line, then as many framed
/// pictures per row as fit, each captioned with its place in the request and its size; the
/// selected one framed in the accent colour. Rows that do not fit scroll with the selection.
enum SheetView {
    /// The narrowest picture frame: a caption and a picture still read at this width.
    static let minimumTileWidth = 18
    static let gap = 1
    /// Frame, caption.
    static let tileChrome = 3

    static func draw(
        _ sheet: ContactSheet, into grid: inout CellGrid, layout: ScreenLayout, colorMode: ColorMode,
        preview: (GalleryEntry, PreviewSlot) -> PreviewState, pixels: inout [PixelOverlay], regions: inout [MouseRegion]
    ) {
        let body = layout.body
        regions.append(MouseRegion(body, .sheetImages))
        if sheet.isViewing, let image = sheet.selectedImage {
            let position = "\(sheet.selected + 1)/\(sheet.images.count)"
            FullScreenView.draw(image, position: position, into: &grid, layout: layout, colorMode: colorMode, preview: preview, pixels: &pixels)
            return
        }
        let tiles = SheetLayout(count: sheet.images.count, area: body.inset(top: 1))
        let shown = tiles.visibleRange(selected: sheet.selected)
        grid.put(title(sheet, shown: shown), row: body.row, column: 0, style: Theme.title, limit: body.right)
        for index in shown {
            let image = sheet.images[index]
            let rect = tiles.rect(of: index, firstShown: shown.lowerBound)
            let selected = index == sheet.selected
            regions.append(MouseRegion(rect, .sheetImage(index: index)))
            grid.box(rect, style: selected ? Theme.focusedFrame : Theme.frame)
            let inner = rect.inset(by: 1)
            let slot = PreviewSlot(rect: inner.inset(bottom: 1), centered: true)
            CenteredPreview.draw(image, in: slot, into: &grid, colorMode: colorMode, preview: preview, pixels: &pixels)
            let captionRow = inner.line(inner.height - 1)
            if selected { grid.fill(captionRow, style: Theme.selected) }
            let caption = DisplayWidth.truncate(Self.caption(image, at: index), toWidth: inner.width, ellipsis: "…")
            grid.put(caption, row: captionRow.row, column: inner.column, style: selected ? Theme.selected : Theme.dim, limit: inner.right)
        }
        if sheet.grouping == .alone {
            let text =
                sheet.images.first?.hasSidecar == false
                ? "an image added to the folder by hand: it has no request, so it stands alone"
                : "saved by an older pixterm, which did not record its request: only this image can be shown"
            grid.put(text, row: min(body.bottom - 1, tiles.bottom(showing: shown.count)), column: 0, style: Theme.warning, limit: body.right)
        }
    }

    /// "4 images of one request · <prompt>", with "loading…" or which are shown when not all fit.
    static func title(_ sheet: ContactSheet, shown: Range<Int>) -> String {
        let count = sheet.images.count
        var parts = ["\(count) image\(count == 1 ? "" : "s") of one request"]
        if sheet.isLoading { parts.append("loading…") }
        if shown.count < count { parts.append("\(shown.lowerBound + 1)–\(shown.upperBound) shown (←→ scroll)") }
        if let prompt = sheet.images.first?.prompt, !prompt.isEmpty {
            parts.append(TerminalText.sanitized(prompt).replacingOccurrences(of: "\n", with: " "))
        }
        return parts.joined(separator: " · ")
    }

    /// "2/4 · 1024x1024": the image's place among the request's n (as saved), and its size.
    static func caption(_ image: GalleryEntry, at index: Int) -> String {
        let place = image.imageIndex ?? index
        let of = image.request.map { "/\($0.n)" } ?? ""
        return "\(place + 1)\(of) · \(TerminalText.sanitized(image.size))"
    }
}

/// Where the sheet's pictures go in its area: as many per row as fit at the minimum width
/// (all of them when they do), each as wide as the row allows and about square, as many rows
/// as fit in the height.
struct SheetLayout: Equatable {
    let count: Int
    let area: CellRect
    let perRow: Int
    let tileWidth: Int
    let tileHeight: Int
    /// Rows of pictures that fit in the area at once (at least one).
    let visibleRows: Int

    init(count: Int, area: CellRect) {
        self.count = count
        self.area = area
        let fit = (area.width + SheetView.gap) / (SheetView.minimumTileWidth + SheetView.gap)
        perRow = max(1, min(max(count, 1), fit))
        // A half-block cell is about half as tall as it is wide: a square picture of w columns
        // takes w / 2 rows. No wider than a square picture of the area's height: a frame
        // hugs its picture when there are few images.
        let squareWidth = (area.height - SheetView.tileChrome) * 2 + 2
        tileWidth = max(SheetView.minimumTileWidth, min(squareWidth, (area.width - SheetView.gap * (perRow - 1)) / perRow))
        let squareRows = (tileWidth - 2 + 1) / 2
        tileHeight = max(SheetView.tileChrome + 1, min(squareRows, area.height - SheetView.tileChrome) + SheetView.tileChrome)
        visibleRows = max(1, area.height / tileHeight)
    }

    var rows: Int { (count + perRow - 1) / perRow }

    /// The images on screen: whole rows, starting so the selected one's row is shown.
    func visibleRange(selected: Int) -> Range<Int> {
        guard count > 0 else { return 0..<0 }
        let selectedRow = min(max(selected, 0), count - 1) / perRow
        let firstRow = max(0, min(selectedRow, rows - visibleRows))
        return (firstRow * perRow)..<min(count, (firstRow + visibleRows) * perRow)
    }

    func rect(of index: Int, firstShown: Int) -> CellRect {
        let offset = index - firstShown
        return CellRect(
            row: area.row + (offset / perRow) * tileHeight, column: area.column + (offset % perRow) * (tileWidth + SheetView.gap),
            width: tileWidth, height: tileHeight
        )
    }

    /// The row under the pictures when `images` are shown.
    func bottom(showing images: Int) -> Int { area.row + ((images + perRow - 1) / perRow) * tileHeight }
}
