import Foundation
import Gallery
import PixapiKit
import PixtermCore
import TerminalGraphics
import TestSupport
import Testing
@testable import TerminalUI

/// Where previews go on screen: the full-screen view, and the cells kept blank for pixels.
@Suite struct PreviewViewTests {
    let environment = AppEnvironment.testing()
    let view = AppView(colorMode: .truecolor)
    let size = GridSize(columns: 80, rows: 24)

    func gallery(keys: [InputKey] = []) -> AppState {
        var state = AppState(environment: environment, isDemo: false, hasKey: true)
        _ = state.update(.key(.ctrl("o")), environment: environment)
        let items = ["a fox in snow", "a cat"].enumerated().map { index, prompt in
            GalleryEntry.testing(
                id: "\(index)", path: "/g/\(index).png", prompt: prompt, model: nil, size: "1024x1024", quality: nil,
                created: Date(timeIntervalSince1970: 0), credits: nil, request: nil
            )
        }
        _ = state.update(.galleryLoaded(items: items, total: 2, query: GalleryQuery(), offset: 0), environment: environment)
        for key in keys { _ = state.update(.key(key), environment: environment) }
        return state
    }

    @Test func theFullScreenViewCentresTheHalfBlocksUnderATitle() {
        let green = RGB(0, 200, 0)
        var asked: [PreviewSlot] = []
        let frame = view.render(gallery(keys: [.down, .character("v")]), environment: environment, size: size, now: Date()) { item, slot in
            asked.append(slot)
            #expect(item.url.path == "/g/1.png")
            return .ready(Array(repeating: Array(repeating: HalfBlockCell(top: green, bottom: green), count: 10), count: 4))
        }
        #expect(asked == [PreviewSlot(rect: CellRect(row: 2, column: 0, width: 80, height: 20), centered: true)])
        let rows = frame.grid.rows()
        #expect(rows[1].hasPrefix("2/2  a cat"))
        // 10x4 cells in an 80x20 area: 35 columns and 8 rows of margin before them.
        #expect(rows[2 + 8] == String(repeating: " ", count: 35) + String(repeating: "▀", count: 10) + String(repeating: " ", count: 35))
        #expect(frame.grid[10, 35].style.foreground == .rgb(green))
        #expect(!rows[9].contains("▀") && !rows[14].contains("▀") && rows[13].contains("▀"))
        #expect(frame.text.contains("Esc back"))
        #expect(!frame.text.contains("a fox in snow"), "the list is not drawn")
        #expect(frame.pixels.isEmpty)
    }

    @Test func pixelsKeepTheirCellsBlankAndAreNamedInTheFrame() {
        let slot = GalleryView.previewSlot(ScreenLayout(size: size))
        let covered = CellRect(row: slot.rect.row, column: slot.rect.column, width: 20, height: 10)
        let frame = view.render(gallery(), environment: environment, size: size, now: Date()) { _, _ in .pixels(covered) }
        #expect(frame.pixels == [PixelOverlay(path: "/g/0.png", slot: slot)])
        for row in covered.row..<covered.row + covered.height {
            for column in covered.column..<covered.column + covered.width { #expect(frame.grid[row, column].grapheme == " ") }
        }
        // The settings text starts under the picture.
        #expect(frame.grid.rows()[covered.row + covered.height + 1].contains("a fox in snow"))
    }

    @Test func anOverlayTakesThePictureAway() {
        let frame = view.render(gallery(keys: [.character("v"), .character("?")]), environment: environment, size: size, now: Date()) { _, slot in
            .pixels(slot.rect)
        }
        #expect(frame.pixels.isEmpty)
        #expect(frame.text.contains("previous / next image"))
    }

    @Test func theListFooterOffersTheView() {
        let list = view.render(gallery(), environment: environment, size: size, now: Date()).text
        #expect(list.contains("v view"))
        let help = view.render(gallery(keys: [.character("?")]), environment: environment, size: size, now: Date()).text
        #expect(help.contains("view the image full screen"))
    }
}
