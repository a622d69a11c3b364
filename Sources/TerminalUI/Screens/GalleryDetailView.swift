import Foundation
import Gallery
import PixapiKit
import PixtermCore
import TerminalGraphics

/// The gallery's detail pane: the selected image's preview, its prompt and settings, and its
/// lineage: the image it was edited from (a thumbnail and its prompt) and how many edits were
/// made from it.
enum GalleryDetailView {
    /// The thumbnail of the image an edit was made from: square in half blocks.
    static let sourceThumbnail = GridSize(columns: 6, rows: 3)

    /// `slot` is the preview's place for an image that is not an edit; the "edited from" lines
    /// take rows from its bottom, decided by the entry alone so the preview keeps its size while
    /// the lineage loads. `lineage` is nil until it has.
    static func draw(
        _ item: GalleryEntry, lineage: GalleryLineage?, into grid: inout CellGrid, rect: CellRect, slot: PreviewSlot, colorMode: ColorMode,
        preview: (GalleryEntry, PreviewSlot) -> PreviewState, pixels: inout [PixelOverlay]
    ) {
        let parentRows = sourceRows(item)
        var slot = slot
        slot.rect = slot.rect.inset(bottom: parentRows)
        let previewRows = drawPicture(item, in: slot, loading: "drawing preview…", into: &grid, colorMode: colorMode, preview: preview, pixels: &pixels)
        let text = rect.inset(top: previewRows + 1, left: 1)
        var lines: [(String, CellStyle)] = []
        let prompt = item.prompt.isEmpty ? "(no sidecar: an image added to the folder by hand)" : TerminalText.sanitized(item.prompt)
        for wrapped in TextWrap.lines(prompt, width: text.width).prefix(2) { lines.append((wrapped, Theme.title)) }
        // Sidecar text: a grid drops ESC and BEL but would show the rest of a sequence (`]52;c;...`).
        var settings = [item.model, item.size, item.quality].compactMap { $0 }.map { TerminalText.sanitized($0) }
        if let request = item.request { settings.append("n=\(request.n)") }
        lines.append((settings.joined(separator: " · "), Theme.text))
        let when = item.created.formatted(date: .abbreviated, time: .shortened)
        lines.append((item.creditsPerImage.map { "\($0) credits · \(when)" } ?? when, Theme.dim))
        lines.append((TerminalText.sanitized(item.url.path), Theme.dim))
        for (line, entry) in lines.enumerated() {
            grid.put(DisplayWidth.truncate(entry.0, toWidth: text.width, ellipsis: "…"), in: text, line: line, style: entry.1)
        }
        let below = text.inset(top: lines.count)
        if parentRows > 0 {
            drawSource(item, lineage: lineage, into: &grid, rect: below.resized(height: parentRows), colorMode: colorMode, preview: preview, pixels: &pixels)
        }
        if let count = lineage?.childCount, count > 0 {
            let edits = "edits: \(count.grouped) (] [ step through them)"
            grid.put(DisplayWidth.truncate(edits, toWidth: below.width, ellipsis: "…"), in: below, line: parentRows, style: Theme.text)
        }
    }

    /// Rows the "edited from" lines take: a thumbnail's height for an edit of a gallery image,
    /// one line for an edit of a file elsewhere, none for an image that is not an edit.
    static func sourceRows(_ item: GalleryEntry) -> Int {
        if item.source != nil { return sourceThumbnail.rows }
        return outsideSource(item) == nil ? 0 : 1
    }

    /// The first source of an edit whose source is not in the gallery.
    private static func outsideSource(_ item: GalleryEntry) -> String? {
        guard item.source == nil, let request = item.request, request.operation == .edit else { return nil }
        return request.images.first
    }

    /// "edited from: <its prompt>" beside a thumbnail of the source, or what is known of a
    /// source that is not (or no longer) in the gallery.
    private static func drawSource(
        _ item: GalleryEntry, lineage: GalleryLineage?, into grid: inout CellGrid, rect: CellRect, colorMode: ColorMode,
        preview: (GalleryEntry, PreviewSlot) -> PreviewState, pixels: inout [PixelOverlay]
    ) {
        let label = "edited from: "
        if let outside = outsideSource(item) {
            let name = TerminalText.sanitized(URL(fileURLWithPath: outside).lastPathComponent)
            grid.put(DisplayWidth.truncate(label + name + " (not in the gallery)", toWidth: rect.width, ellipsis: "…"), in: rect, line: 0, style: Theme.dim)
            return
        }
        guard let lineage else {
            grid.put(label + "…", in: rect, line: 0, style: Theme.dim)
            return
        }
        guard let parent = lineage.parent else {
            let source = TerminalText.sanitized(item.source ?? "")
            let gone = label + source + ", no longer in the gallery"
            for (line, wrapped) in TextWrap.lines(gone, width: rect.width).prefix(rect.height).enumerated() {
                grid.put(wrapped, in: rect, line: line, style: Theme.dim)
            }
            return
        }
        let thumbnail = PreviewSlot(rect: rect.resized(width: sourceThumbnail.columns, height: sourceThumbnail.rows), centered: false)
        drawPicture(parent, in: thumbnail, loading: "…", into: &grid, colorMode: colorMode, preview: preview, pixels: &pixels)
        let words = rect.inset(left: sourceThumbnail.columns + 1)
        let wrapped = TextWrap.lines(label + parent.title + " (p)", width: words.width)
        for (line, text) in wrapped.prefix(words.height).enumerated() {
            let last = line == words.height - 1 && wrapped.count > words.height
            grid.put(last ? DisplayWidth.truncate(text + "…", toWidth: words.width, ellipsis: "…") : text, in: words, line: line, style: Theme.text)
        }
    }

    /// `item`'s picture from the top-left of `slot`; returns the rows it covers (1 for a
    /// message in its place).
    @discardableResult
    private static func drawPicture(
        _ item: GalleryEntry, in slot: PreviewSlot, loading: String, into grid: inout CellGrid, colorMode: ColorMode,
        preview: (GalleryEntry, PreviewSlot) -> PreviewState, pixels: inout [PixelOverlay]
    ) -> Int {
        let rect = slot.rect
        switch preview(item, slot) {
        case .loading:
            grid.put(loading, row: rect.row, column: rect.column, style: Theme.dim, limit: rect.right)
        case let .failed(reason):
            grid.put("no preview: \(TerminalText.sanitized(reason))", row: rect.row, column: rect.column, style: Theme.warning, limit: rect.right)
        case let .ready(cells):
            PreviewCells.draw(cells, in: rect, colorMode: colorMode, into: &grid)
            return max(1, cells.count)
        case let .pixels(covered):
            pixels.append(PixelOverlay(path: item.url.path, slot: slot))
            return max(1, covered.height)
        }
        return 1
    }
}
