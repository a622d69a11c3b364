import Foundation
import Gallery
import PixapiKit
import PixtermCore
import TerminalGraphics
import TestSupport
import Testing
@testable import TerminalUI

/// The contact sheet as text: a request's images side by side, captioned, the selected one
/// framed and highlighted; fewer per row and scrolling on a narrow terminal.
@Suite struct SheetViewTests {
    let environment = AppEnvironment.testing(maxCredits: 100)
    let view = AppView(colorMode: .ansi256)
    let red = RGB(255, 0, 0)

    /// The sheet of an n=4 request opened from the gallery, the second image selected.
    func sheet(grouping: RequestImages.Grouping = .request, count: Int = 4, select: Int = 1) -> AppState {
        let request = ImageRequest(model: "gpt-image-2", prompt: "four owls", size: .pixels(width: 1024, height: 1024), quality: .low, n: 4)
        let owls = (0..<count).map { index in
            GalleryEntry.testing(
                id: "owl-\(index)", path: "/g/owl-\(index).png", prompt: "four owls", model: "gpt-image-2", size: "1024x1024", quality: "low",
                created: Date(timeIntervalSince1970: 100), credits: 4, request: request, requestID: "entry-owls", imageIndex: index
            )
        }
        var state = AppState.showingGallery(items: 1, environment: environment)
        _ = state.update(.key(.character("s")), environment: environment)
        _ = state.update(.sheetLoaded(RequestImages(entries: owls, grouping: grouping)), environment: environment)
        for _ in 0..<select { _ = state.update(.key(.right), environment: environment) }
        return state
    }

    func render(_ state: AppState, columns: Int = 80, rows: Int = 24, preview: @escaping (GalleryEntry, PreviewSlot) -> PreviewState) -> Frame {
        view.render(state, environment: environment, size: GridSize(columns: columns, rows: rows), now: Date(), preview: preview)
    }

    /// Red half blocks filling the slot.
    func redPreview(_ item: GalleryEntry, _ slot: PreviewSlot) -> PreviewState {
        .ready(Array(repeating: Array(repeating: HalfBlockCell(top: red, bottom: red), count: slot.rect.width), count: slot.rect.height))
    }

    @Test func fourImagesSitSideBySideAt80ColumnsCaptionedWithTheSelectedHighlighted() {
        let frame = render(sheet(), preview: redPreview)
        let lines = frame.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[1].hasPrefix("4 images of one request · four owls"))
        let captions = lines.first { $0.contains("1/4 · 1024x1024") } ?? ""
        for place in 1...4 { #expect(captions.contains("\(place)/4 · 1024x1024"), "image \(place) on the same row") }
        // Four frames on one row, each with a picture inside.
        let layout = SheetLayout(count: 4, area: ScreenLayout(size: GridSize(columns: 80, rows: 24)).body.inset(top: 1))
        #expect(layout.perRow == 4)
        for index in 0..<4 {
            let tile = layout.rect(of: index, firstShown: 0)
            #expect(frame.grid[tile.row, tile.column].grapheme == "┌")
            #expect(frame.grid[tile.row + 1 + tile.height / 3, tile.column + tile.width / 2].style.foreground == .rgb(red))
        }
        // The selected image's frame is in the accent colour and its caption highlighted.
        let selected = layout.rect(of: 1, firstShown: 0), other = layout.rect(of: 0, firstShown: 0)
        #expect(frame.grid[selected.row, selected.column].style == Theme.focusedFrame)
        #expect(frame.grid[other.row, other.column].style == Theme.frame)
        #expect(frame.grid[selected.bottom - 2, selected.column + 1].style == Theme.selected)
        #expect(frame.grid[other.bottom - 2, other.column + 1].style != Theme.selected)
        #expect(lines.last?.contains("k keep this one") == true)
        // Each picture is a click target, over the sheet's area for the wheel.
        #expect(frame.mouseRegions.map(\.target) == [.sheetImages] + (0..<4).map { .sheetImage(index: $0) })
        #expect(frame.mouseRegions.last?.rect == layout.rect(of: 3, firstShown: 0))
    }

    /// Pixel previews: every image's slot is named in the frame, for the terminal to draw.
    @Test func pixelPreviewsAskForEveryImage() {
        let frame = render(sheet()) { _, slot in .pixels(slot.rect) }
        #expect(frame.pixels.map(\.path) == (0..<4).map { "/g/owl-\($0).png" })
        #expect(Set(frame.pixels.map(\.slot.rect.column)).count == 4)
    }

    /// At 60 columns three fit a row: selecting the fourth scrolls to its row and says so.
    @Test func aNarrowTerminalShowsFewerPerRowAndScrollsToTheSelection() {
        let first = render(sheet(select: 0), columns: 60, preview: redPreview).text
        #expect(first.contains("1/4 · 1024x1024") && first.contains("3/4 · 1024x1024"))
        #expect(!first.contains("4/4"))
        #expect(first.contains("1–3 shown"))
        let last = render(sheet(select: 3), columns: 60, preview: redPreview).text
        #expect(last.contains("4/4 · 1024x1024") && !last.contains("1/4"))
        #expect(last.contains("4–4 shown"))
    }

    @Test func anOlderImageAloneSaysWhyItIsAlone() {
        let text = render(sheet(grouping: .alone, count: 1, select: 0), preview: redPreview).text
        #expect(text.contains("1 image of one request"))
        #expect(text.contains("older pixterm"))
        // Alone, its frame hugs a square picture of the height there is, not the whole width.
        let alone = SheetLayout(count: 1, area: ScreenLayout(size: GridSize(columns: 80, rows: 24)).body.inset(top: 1))
        #expect(alone.tileWidth == 2 * (alone.tileHeight - SheetView.tileChrome) + 2)
        #expect(alone.tileWidth < 80)
    }

    @Test func vShowsTheSelectedImageFullScreenWithItsPlaceInTheSheet() {
        var state = sheet()
        _ = state.update(.key(.character("v")), environment: environment)
        let frame = render(state) { _, slot in .pixels(slot.rect) }
        #expect(frame.text.split(separator: "\n")[1].hasPrefix("2/4  four owls"))
        #expect(frame.pixels.map(\.path) == ["/g/owl-1.png"])
    }
}
