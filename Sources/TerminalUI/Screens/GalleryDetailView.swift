import Foundation
import Gallery
import PixapiKit
import PixtermCore
import TerminalGraphics

/// The gallery's detail pane: the selected image's preview, its prompt and settings.
enum GalleryDetailView {
    static func draw(
        _ item: GalleryEntry, into grid: inout CellGrid, rect: CellRect, slot: PreviewSlot, colorMode: ColorMode,
        preview: (GalleryEntry, PreviewSlot) -> PreviewState, pixels: inout [PixelOverlay]
    ) {
        var previewRows = 1
        switch preview(item, slot) {
        case .loading:
            grid.put("drawing preview…", row: rect.row, column: rect.column + 1, style: Theme.dim)
        case let .failed(reason):
            grid.put("no preview: \(TerminalText.sanitized(reason))", row: rect.row, column: rect.column + 1, style: Theme.warning, limit: rect.right)
        case let .ready(cells):
            previewRows = cells.count
            PreviewCells.draw(cells, in: slot.rect, colorMode: colorMode, into: &grid)
        case let .pixels(covered):
            previewRows = covered.height
            pixels.append(PixelOverlay(path: item.url.path, slot: slot))
        }
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
    }
}
