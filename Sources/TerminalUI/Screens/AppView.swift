import Foundation
import Gallery
import PixapiKit
import PixtermCore
import TerminalGraphics

/// Draws the whole UI for a state: a pure function from view model to cells, so screens are
/// tested by comparing text and the runtime only decides when to draw.
public struct AppView {
    public let colorMode: ColorMode

    public init(colorMode: ColorMode) { self.colorMode = colorMode }

    public func render(
        _ state: AppState, environment: AppEnvironment, size: GridSize, now: Date,
        preview: (GalleryEntry, PreviewSlot) -> PreviewState = { _, _ in .loading }
    ) -> Frame {
        var grid = CellGrid(size: size)
        let layout = ScreenLayout(size: size)
        if layout.isTooSmall {
            let need = ScreenLayout.minimum
            let text = "terminal too small (need \(need.columns)x\(need.rows), have \(size.columns)x\(size.rows))"
            for (line, wrapped) in TextWrap.lines(text, width: size.columns).enumerated() {
                grid.put(wrapped, row: size.rows / 2 + line, column: 0, style: Theme.warning)
            }
            return Frame(grid: grid, cursor: nil)
        }
        ChromeView.drawStatus(state, environment, into: &grid, layout: layout)
        var cursor: GridPoint?
        var pixels: [PixelOverlay] = []
        var regions: [MouseRegion] = []
        switch state.screen {
        case _ where state.sheet != nil:
            if let sheet = state.sheet {
                SheetView.draw(sheet, into: &grid, layout: layout, colorMode: colorMode, preview: preview, pixels: &pixels, regions: &regions)
            }
        case .gallery where state.lineage.comparison != nil:
            if let comparison = state.lineage.comparison {
                CompareView.draw(comparison, into: &grid, layout: layout, colorMode: colorMode, preview: preview, pixels: &pixels, regions: &regions)
            }
        case .compose: cursor = ComposeView.draw(state, environment, into: &grid, layout: layout, now: now, regions: &regions)
        case .gallery:
            if let item = state.gallery.selectedItem, state.gallery.isViewing {
                FullScreenView.draw(item, state.gallery, into: &grid, layout: layout, colorMode: colorMode, preview: preview, pixels: &pixels)
                regions.append(MouseRegion(layout.body, .fullScreenImage))
            } else if state.gallery.isViewing {
                // Paged past the loaded images (End): the image's page is on its way.
                grid.put("\((state.gallery.selected + 1).grouped)/\(state.gallery.total.grouped)  loading…", row: layout.body.row, column: 0, style: Theme.dim)
            } else {
                cursor = GalleryView.draw(state, into: &grid, layout: layout, colorMode: colorMode, preview: preview, pixels: &pixels, regions: &regions)
            }
        }
        ChromeView.drawMessage(state, into: &grid, layout: layout)
        ChromeView.drawFooter(state, into: &grid, layout: layout)
        if let overlay = state.overlay {
            OverlayView.draw(overlay, state, environment, into: &grid, layout: layout)
            cursor = nil
            // The box covers part of the picture; the cells it leaves stay blank until it closes.
            pixels = []
            // Nothing beneath takes a click while a box is open (`update` holds to that too).
            regions = []
        }
        return Frame(grid: grid, cursor: cursor, pixels: pixels, mouseRegions: regions)
    }

    /// The prompt box's inner size for a terminal size and mode.
    public static func promptViewport(size: GridSize, editMode: Bool) -> (width: Int, height: Int) {
        ComposeView.promptViewport(ScreenLayout(size: size), editMode: editMode)
    }
}
