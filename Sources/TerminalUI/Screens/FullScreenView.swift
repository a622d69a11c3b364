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
        let position = "\((browser.selected + 1).grouped)/\(browser.total.grouped)"
        draw(item, position: position, into: &grid, layout: layout, colorMode: colorMode, preview: preview, pixels: &pixels)
    }

    /// `item` under a title line that starts with where it is among the images paged through
    /// ("2/4").
    static func draw(
        _ item: GalleryEntry, position: String, into grid: inout CellGrid, layout: ScreenLayout, colorMode: ColorMode,
        preview: (GalleryEntry, PreviewSlot) -> PreviewState, pixels: inout [PixelOverlay]
    ) {
        let header = layout.body.row
        let used = grid.put(position + "  ", row: header, column: 0, style: Theme.dim)
        grid.put(DisplayWidth.truncate(item.title, toWidth: layout.size.columns - used, ellipsis: "…"), row: header, column: used, style: Theme.title)
        CenteredPreview.draw(item, in: slot(layout), into: &grid, colorMode: colorMode, preview: preview, pixels: &pixels)
    }

    /// Everything between the title line and the message line.
    static func slot(_ layout: ScreenLayout) -> PreviewSlot {
        PreviewSlot(rect: layout.body.inset(top: 1), centered: true)
    }
}
