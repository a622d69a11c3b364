import Foundation
import Gallery
import PixapiKit
import PixtermCore
import TerminalGraphics
import TestSupport
import Testing
@testable import TerminalUI

/// The gallery grid on screen: how many thumbnails fit each terminal size, what each cell
/// shows (thumbnail, caption), and that only the thumbnails on screen are asked for.
@Suite struct GalleryGridViewTests {
    let environment = AppEnvironment.testing()
    let view = AppView(colorMode: .truecolor)

    @Test(arguments: [(80, 24, 3, 2), (120, 40, 5, 4), (200, 60, 9, 7)])
    func thumbnailsPerRowAndRowsGrowWithTheTerminal(columns: Int, rows: Int, perRow: Int, onScreen: Int) {
        let layout = GalleryGridLayout(ScreenLayout(size: GridSize(columns: columns, rows: rows)))
        #expect(layout.columns == perRow)
        #expect(layout.rows == onScreen)
        #expect(AppView.galleryGridShape(size: GridSize(columns: columns, rows: rows)) == (perRow, onScreen))
        // Every cell lies inside the grid's area, apart from its neighbours, and is at least
        // 20 columns wide with a thumbnail over a caption.
        #expect(layout.cellWidth >= GalleryGridLayout.minimumCellWidth)
        let cells = (0..<perRow * onScreen).map(layout.cell)
        for cell in cells {
            #expect(cell.row >= layout.area.row && cell.bottom <= layout.area.bottom && cell.right <= layout.area.right)
            #expect(cell.height == layout.thumbnailRows + 1 && layout.thumbnailRows >= 3)
        }
        for (index, cell) in cells.enumerated() {
            for other in cells[(index + 1)...] {
                let apart = cell.right < other.column || other.right < cell.column || cell.bottom < other.row || other.bottom < cell.row
                #expect(apart, "\(cell) and \(other) touch")
            }
        }
    }

    /// The gallery of `count` images (each credited 20, one with a hostile prompt), in the grid,
    /// measured for `size`, after `keys`.
    func grid(items count: Int, size: GridSize, keys: [InputKey] = []) -> AppState {
        var state = AppState(environment: environment, isDemo: false, hasKey: true)
        state.gallery.viewMode = .grid
        let shape = AppView.galleryGridShape(size: size)
        _ = state.update(.galleryGridLayout(columns: shape.columns, rows: shape.rows), environment: environment)
        _ = state.update(.key(.ctrl("o")), environment: environment)
        let items = (0..<count).map { index in
            GalleryEntry.testing(
                id: "\(index)", path: "/g/\(index).png", prompt: index == 1 ? "evil \u{1B}]52;c;AAAA\u{07} fox\nat night" : "picture number \(index)",
                model: "gpt-image-2", size: "1024x1024", quality: "low", created: Date(timeIntervalSince1970: 1_800_000_000), credits: 20, request: nil
            )
        }
        _ = state.update(.galleryLoaded(items: items, total: count, query: GalleryQuery(), offset: 0), environment: environment)
        for key in keys { _ = state.update(.key(key), environment: environment) }
        return state
    }

    @Test func eachThumbnailHasACaptionAndTheSelectedOneIsNamedInFull() {
        let size = GridSize(columns: 80, rows: 24)
        let layout = GalleryGridLayout(ScreenLayout(size: size))
        var asked: [String] = []
        let blue = RGB(0, 0, 200)
        let frame = view.render(grid(items: 10, size: size, keys: [.right]), environment: environment, size: size, now: Date()) { item, slot in
            asked.append(item.url.path)
            #expect(slot == layout.thumbnail(Int(item.id)!))
            return .ready(Array(repeating: Array(repeating: HalfBlockCell(top: blue, bottom: blue), count: 8), count: 4))
        }
        #expect(asked == (0..<6).map { "/g/\($0).png" }, "one call per thumbnail on screen, none for the rest")
        let rows = frame.grid.rows()
        let caption = layout.caption(0)
        let time = DateFormatter()
        time.dateFormat = "HH:mm"
        let stamp = time.string(from: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(rows[caption.row].hasPrefix("\(stamp) picture numbe… 20 cr"))
        // The selected thumbnail's caption is reversed; the hostile prompt is sanitized and on one line.
        let selected = layout.caption(1)
        #expect(frame.grid[selected.row, selected.column].style.attributes.contains(.reverse))
        #expect(!frame.grid[caption.row, caption.column + 6].style.attributes.contains(.reverse))
        #expect(frame.text.contains("2/10  evil  fox at night · gpt-image-2 · 1024x1024 · low · 20 cr"))
        // The half blocks sit in the middle of their thumbnail's area.
        let picture = layout.thumbnail(0).rect.centered(width: 8, height: 4)
        #expect(frame.grid[picture.row, picture.column].style.foreground == .rgb(blue))
        #expect(frame.grid[picture.row, picture.column - 1].grapheme == " ")
        #expect(frame.text.contains("g list"))
    }

    @Test func thumbnailsBeingDrawnAndImagesNotLoadedYetShowAnEllipsis() {
        let size = GridSize(columns: 80, rows: 24)
        let layout = GalleryGridLayout(ScreenLayout(size: size))
        var state = grid(items: 4, size: size)
        // 4 of 1,000 images loaded: the rest of the screen is still on its way.
        state.gallery.total = 1000
        let frame = view.render(state, environment: environment, size: size, now: Date()) { _, _ in .loading }
        let rows = frame.grid.rows()
        for position in 0..<6 {
            let middle = layout.thumbnail(position).rect
            #expect(rows[middle.row + middle.height / 2].contains("…"))
        }
        let unloaded = layout.caption(5)
        #expect(rows[unloaded.row].dropFirst(unloaded.column).hasPrefix("…"))
        #expect(frame.text.contains("1/1,000"))
    }

    @Test func pixelPicturesAreNamedForEveryThumbnailOnScreen() {
        let size = GridSize(columns: 120, rows: 40)
        let layout = GalleryGridLayout(ScreenLayout(size: size))
        let state = grid(items: 60, size: size, keys: [.pageDown])
        let frame = view.render(state, environment: environment, size: size, now: Date()) { _, slot in .pixels(slot.rect) }
        #expect(frame.pixels == (0..<20).map { PixelOverlay(path: "/g/\(20 + $0).png", slot: layout.thumbnail($0)) })
        // The cells under the pictures stay blank.
        let first = layout.thumbnail(0).rect
        #expect(frame.grid.rows()[first.row].allSatisfy { $0 == " " })
    }

    /// Paging the full-screen view past the loaded images (End in a large gallery) waits for
    /// the image's page on its own screen, not on the grid's.
    @Test func theFullScreenViewWaitsForItsImagesPage() {
        let size = GridSize(columns: 80, rows: 24)
        var state = grid(items: 6, size: size, keys: [.character("v")])
        state.gallery.total = 1000
        _ = state.update(.key(.end), environment: environment)
        #expect(state.gallery.isViewing && state.gallery.selectedItem == nil)
        let frame = view.render(state, environment: environment, size: size, now: Date()) { _, _ in .loading }
        #expect(frame.grid.rows()[1].hasPrefix("1,000/1,000  loading…"))
        #expect(!frame.text.contains(" 20 cr"), "the grid is not drawn")
        #expect(frame.text.contains("Esc back"))
    }

    @Test func anEmptyGridSaysHowToFillIt() {
        let size = GridSize(columns: 80, rows: 24)
        let frame = view.render(grid(items: 0, size: size), environment: environment, size: size, now: Date())
        #expect(frame.text.contains("No images yet. Generate one on the compose screen (Esc)."))
    }
}
