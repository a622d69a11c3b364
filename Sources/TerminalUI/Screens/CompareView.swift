import Foundation
import Gallery
import PixapiKit
import PixtermCore
import TerminalGraphics

/// An edit and the image it was edited from: side by side, each under a caption, where the
/// terminal is wide enough for two useful pictures; else one at a time, in place, under a label
/// saying which one is shown (Space or Tab switches).
enum CompareView {
    /// The narrowest picture worth showing beside another: below this each half would show
    /// little more than a thumbnail.
    static let minimumPictureColumns = 36

    /// Whether both pictures fit side by side in `layout`.
    static func isSideBySide(_ layout: ScreenLayout) -> Bool {
        (layout.size.columns - 1) / 2 >= minimumPictureColumns
    }

    static func draw(
        _ comparison: Comparison, into grid: inout CellGrid, layout: ScreenLayout, colorMode: ColorMode,
        preview: (GalleryEntry, PreviewSlot) -> PreviewState, pixels: inout [PixelOverlay], regions: inout [MouseRegion]
    ) {
        let body = layout.body
        guard isSideBySide(layout) else {
            regions.append(MouseRegion(body, .comparison))
            let shown = comparison.shown
            let label = comparison.showsBefore ? "before (Space: after): " : "after (Space: before): "
            drawCaption(label, shown, into: &grid, rect: body.line(0))
            CenteredPreview.draw(shown, in: slot(body), into: &grid, colorMode: colorMode, preview: preview, pixels: &pixels)
            return
        }
        let halves = body.splitColumns(leftWidth: (body.width - 1) / 2, gap: 1)
        grid.vline(row: body.row, column: halves.left.right, height: body.height, style: Theme.frame)
        for (label, item, half) in [("before: ", comparison.before, halves.left), ("after: ", comparison.after, halves.right)] {
            drawCaption(label, item, into: &grid, rect: half.line(0))
            CenteredPreview.draw(item, in: slot(half), into: &grid, colorMode: colorMode, preview: preview, pixels: &pixels)
        }
    }

    /// The picture's place under its caption.
    static func slot(_ rect: CellRect) -> PreviewSlot {
        PreviewSlot(rect: rect.inset(top: 1), centered: true)
    }

    private static func drawCaption(_ label: String, _ item: GalleryEntry, into grid: inout CellGrid, rect: CellRect) {
        let used = grid.put(label, in: rect, line: 0, style: Theme.dim)
        grid.put(DisplayWidth.truncate(item.title, toWidth: rect.width - used, ellipsis: "…"), in: rect, line: 0, column: used, style: Theme.title)
    }
}
