import Foundation
import PixtermCore
import TerminalGraphics
import TestSupport
import Testing
@testable import TerminalUI

/// The clickable regions a frame records, and how a report finds its targets in them.
@Suite struct MouseRegionTests {
    let environment = AppEnvironment.testing()
    let view = AppView(colorMode: .ansi16)
    let size = GridSize(columns: 80, rows: 24)

    private func targets(at row: Int, _ column: Int, in frame: Frame) -> [MouseTarget] {
        MouseRegion.hits(at: GridPoint(row: row, column: column), in: frame.mouseRegions).map(\.target)
    }

    @Test func theComposeScreenRecordsThePromptPickersAndJobs() {
        var state = AppState(environment: environment, isDemo: false, hasKey: true)
        _ = state.update(.key(.character("a")), environment: environment)
        _ = state.update(.key(.enter), environment: environment)
        let frame = view.render(state, environment: environment, size: size, now: Date())
        #expect(targets(at: 2, 1, in: frame) == [.promptText])
        #expect(targets(at: 1, 1, in: frame) == [], "the frame line is not text")
        #expect(targets(at: 11, 3, in: frame) == [.pickerLabel(.model)])
        #expect(targets(at: 14, 9, in: frame) == [.pickerValue(.n)])
        #expect(targets(at: 14, 10, in: frame) == [], "right of the value \"1\" is not the value")
        #expect(targets(at: 18, 30, in: frame) == [.job(index: 0), .jobsList])
        #expect(targets(at: 20, 30, in: frame) == [.jobsList])
    }

    @Test func theGalleryListRecordsEachRowOverTheList() {
        let state = AppState.showingGallery(items: 3, environment: environment)
        let frame = view.render(state, environment: environment, size: size, now: Date())
        #expect(targets(at: 3, 5, in: frame) == [.galleryItem(index: 1), .galleryItems(step: 1)])
        #expect(targets(at: 10, 5, in: frame) == [.galleryItems(step: 1)])
        #expect(targets(at: 3, 50, in: frame) == [], "the details pane")
    }

    @Test func theFilterBarRecordsEachFieldItShows() throws {
        var state = AppState.showingGallery(items: 3, environment: environment)
        _ = state.update(.key(.character("f")), environment: environment)
        let frame = view.render(state, environment: environment, size: size, now: Date())
        let header = frame.grid.rows()[1]
        #expect(targets(at: 1, 0, in: frame) == [.filterField(.model)], "\(header)")
        let quality = try #require(header.firstIndex(of: "q"), "the quality field is the first word with a q")
        let column = header.distance(from: header.startIndex, to: quality)
        #expect(targets(at: 1, column, in: frame) == [.filterField(.quality)], "\(header)")
    }

    @Test func theGalleryGridRecordsEachThumbnailAndARowStep() {
        var state = AppState.showingGallery(items: 5, environment: environment)
        state.gallery.viewMode = .grid
        let frame = view.render(state, environment: environment, size: size, now: Date())
        let columns = GalleryGridLayout(ScreenLayout(size: size)).columns
        let second = GalleryGridLayout(ScreenLayout(size: size)).cell(1)
        #expect(targets(at: second.row + 1, second.column + 2, in: frame) == [.galleryItem(index: 1), .galleryItems(step: columns)])
    }

    @Test func theFullScreenViewIsOneTargetAndAnOverlayHidesEverything() {
        var state = AppState.showingGallery(items: 2, environment: environment)
        _ = state.update(.key(.character("v")), environment: environment)
        #expect(targets(at: 10, 40, in: view.render(state, environment: environment, size: size, now: Date())) == [.fullScreenImage])
        _ = state.update(.key(.function(1)), environment: environment)
        #expect(view.render(state, environment: environment, size: size, now: Date()).mouseRegions.isEmpty)
    }

    @Test func routingKeepsPressesAndTheWheelTopmostFirst() {
        let regions = [MouseRegion(CellRect(row: 0, column: 0, width: 10, height: 5), .jobsList), MouseRegion(CellRect(row: 2, column: 0, width: 10, height: 1), .job(index: 3))]
        let input = MouseRouting.input(for: MouseEvent(button: .left, column: 4, row: 2), regions: regions)
        #expect(
            input
                == MouseInput(
                    gesture: .click,
                    hits: [
                        MouseHit(target: .job(index: 3), row: 0, column: 4, width: 10, height: 1), MouseHit(target: .jobsList, row: 2, column: 4, width: 10, height: 5),
                    ]))
        #expect(MouseRouting.input(for: MouseEvent(button: .wheelUp, column: 4, row: 4), regions: regions)?.gesture == .wheelUp)
        #expect(MouseRouting.input(for: MouseEvent(button: .left, isRelease: true, column: 4, row: 2), regions: regions) == nil)
        #expect(MouseRouting.input(for: MouseEvent(button: .left, isMotion: true, column: 4, row: 2), regions: regions) == nil)
        #expect(MouseRouting.input(for: MouseEvent(button: .left, modifiers: .shift, column: 4, row: 2), regions: regions) == nil)
    }
}
